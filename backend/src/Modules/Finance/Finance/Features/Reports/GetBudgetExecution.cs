using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Reports;

/// <summary>
/// Budget execution (thực hiện dự toán) of the approved budgets in scope: one row per unit × year × purpose × source
/// with what was approved, allocated (net of settlement returns), paid out by tranches, spent at settlement and left
/// unallocated — all from the ledger. Narrowed to a unit (its subtree with <see cref="Subtree"/>; 404 outside scope), a
/// year, a purpose and a source kind.
/// </summary>
public sealed record GetBudgetExecution : IQuery<BudgetExecutionReport>
{
    public const string Route = "/api/v1/finance/budget-execution";
    public Guid? UnitId { get; init; }
    public bool Subtree { get; init; }
    public int? Year { get; init; }
    public BudgetPurpose? Purpose { get; init; }
    public FundingSourceKind? SourceKind { get; init; }
}

/// <summary>A budget line's execution, exact VND: approved = allocated + unallocated; paid ≤ allocated; spent ≤ paid.</summary>
public sealed record BudgetExecutionRow(Guid UnitId, string UnitName, int Year, BudgetPurpose Purpose, Guid SourceId, string SourceName,
    FundingSourceKind SourceKind, decimal Approved, decimal Allocated, decimal Paid, decimal Spent, decimal Unallocated);

/// <summary>The sum of some rows (by source kind, by purpose, or all).</summary>
public sealed record BudgetExecutionTotal(string Key, decimal Approved, decimal Allocated, decimal Paid, decimal Spent, decimal Unallocated);

public sealed record BudgetExecutionReport(IReadOnlyList<BudgetExecutionRow> Rows, BudgetExecutionTotal Total, IReadOnlyList<BudgetExecutionTotal> BySourceKind,
    IReadOnlyList<BudgetExecutionTotal> ByPurpose);

internal sealed class GetBudgetExecutionValidator : AbstractValidator<GetBudgetExecution>
{
    public GetBudgetExecutionValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.SourceKind).IsInEnum();
    }
}

internal sealed class GetBudgetExecutionHandler(FinanceDbContext db, BudgetExecution execution, IMediator mediator) : IQueryHandler<GetBudgetExecution, BudgetExecutionReport>
{
    public async ValueTask<BudgetExecutionReport> Handle(GetBudgetExecution query, CancellationToken ct)
    {
        var budgets = db.Budgets.AsNoTracking().Where(b => b.Status == BudgetStatus.Approved);
        if (query.UnitId is { } unitId)
        {
            db.Access.Demand(Permission.FinanceRead, unitId, Localized.Text("Unit", "đơn vị"), unitId);
            var units = query.Subtree ? (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToList() : [unitId];
            budgets = budgets.Where(b => units.Contains(b.UnitId));
        }
        if (query.Year is { } year) budgets = budgets.Where(b => b.Year == year);
        var lines = await execution.LinesAsync(budgets, query.Purpose, query.SourceKind, ct);
        var names = await mediator.NamesAsync(lines.Select(l => l.UnitId), ct);

        var rows = lines.Select(l => new BudgetExecutionRow(l.UnitId, names.GetValueOrDefault(l.UnitId, ""), l.Year, l.Purpose, l.SourceId, l.SourceName,
                l.SourceKind, l.Approved, l.Allocated, l.Paid, l.Spent, l.Unallocated))
            .OrderBy(r => r.UnitName).ThenByDescending(r => r.Year).ThenBy(r => r.Purpose).ThenBy(r => r.SourceKind).ToList();
        return new BudgetExecutionReport(rows, Sum("total", rows),
            rows.GroupBy(r => r.SourceKind).OrderBy(g => g.Key).Select(g => Sum(g.Key.ToString(), g)).ToList(),
            rows.GroupBy(r => r.Purpose).OrderBy(g => g.Key).Select(g => Sum(g.Key.ToString(), g)).ToList());
    }

    private static BudgetExecutionTotal Sum(string key, IEnumerable<BudgetExecutionRow> rows)
    {
        var list = rows.ToList();
        return new(key, list.Sum(r => r.Approved), list.Sum(r => r.Allocated), list.Sum(r => r.Paid), list.Sum(r => r.Spent), list.Sum(r => r.Unallocated));
    }
}

internal sealed class GetBudgetExecutionEndpoint(IMediator mediator) : Endpoint<GetBudgetExecution, BudgetExecutionReport>
{
    public override void Configure()
    {
        Get(GetBudgetExecution.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "Budget execution per unit (or subtree), year, purpose and source: approved, allocated, paid, spent, unallocated — from the ledger");
    }

    public override async Task HandleAsync(GetBudgetExecution req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
