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

internal sealed class GetBudgetExecutionHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<GetBudgetExecution, BudgetExecutionReport>
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
        var lineQuery = db.BudgetLines.AsNoTracking().Join(budgets, l => l.BudgetId, b => b.Id, (l, b) => new { b.UnitId, b.Year, l.Id, l.Purpose, l.SourceId, l.Amount });
        if (query.Purpose is { } purpose) lineQuery = lineQuery.Where(l => l.Purpose == purpose);
        var lines = await lineQuery.ToListAsync(ct);
        var sourceIds = lines.Select(l => l.SourceId).Distinct().ToList();
        var sources = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new { s.Name, s.Kind }, ct);
        if (query.SourceKind is { } kind) lines = lines.Where(l => sources.GetValueOrDefault(l.SourceId)?.Kind == kind).ToList();

        // The ledger of these unit-years: what is left on each line, and what each line's allocations paid and spent.
        var unitYears = lines.Select(l => (l.UnitId, l.Year)).Distinct().ToList();
        var unitIds = unitYears.Select(u => u.UnitId).Distinct().ToList();
        var years = unitYears.Select(u => u.Year).Distinct().ToList();
        var accounts = new[] { AccountKind.BudgetLine, AccountKind.Disbursed, AccountKind.Spent };
        var balances = (await db.LedgerEntries.AsNoTracking()
                .Where(e => unitIds.Contains(e.UnitId) && years.Contains(e.Year) && accounts.Contains(e.Account))
                .Select(e => new { e.Account, e.AccountId, e.SourceId, e.Event, e.Debit, e.Credit }).ToListAsync(ct))
            // Sums in memory: exact decimal on every provider (SQLite keeps decimals as text).
            .GroupBy(e => (e.Account, e.AccountId, e.SourceId))
            .ToDictionary(g => g.Key, g => (Balance: g.Sum(e => e.Debit - e.Credit), Paid: g.Where(e => e.Event == LedgerEvent.TranchePaid).Sum(e => e.Debit)));
        var lineIds = lines.Select(l => l.Id).ToList();
        var parts = await db.AllocationParts.AsNoTracking().Where(p => lineIds.Contains(p.BudgetLineId))
            .Select(p => new { p.BudgetLineId, p.AllocationId, p.SourceId }).ToListAsync(ct);
        var partsByLine = parts.ToLookup(p => p.BudgetLineId);
        var names = await mediator.NamesAsync(lines.Select(l => l.UnitId), ct);

        var rows = lines.Select(l =>
        {
            var unallocated = balances.GetValueOrDefault((AccountKind.BudgetLine, l.Id, l.SourceId)).Balance;
            var paid = partsByLine[l.Id].Sum(p => balances.GetValueOrDefault((AccountKind.Disbursed, p.AllocationId, p.SourceId)).Paid);
            var spent = partsByLine[l.Id].Sum(p => balances.GetValueOrDefault((AccountKind.Spent, p.AllocationId, p.SourceId)).Balance);
            var source = sources.GetValueOrDefault(l.SourceId);
            return new BudgetExecutionRow(l.UnitId, names.GetValueOrDefault(l.UnitId, ""), l.Year, l.Purpose, l.SourceId, source?.Name ?? "",
                source?.Kind ?? FundingSourceKind.Other, l.Amount, l.Amount - unallocated, paid, spent, unallocated);
        }).OrderBy(r => r.UnitName).ThenByDescending(r => r.Year).ThenBy(r => r.Purpose).ThenBy(r => r.SourceKind).ToList();
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
