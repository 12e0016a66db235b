using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>The budgets of the units in scope, filtered by unit, year or status; newest year first.</summary>
public sealed record ListBudgets : IQuery<IReadOnlyList<BudgetListItem>>
{
    public const string Route = "/api/v1/finance/budgets";
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
    public BudgetStatus? Status { get; init; }
}

internal sealed class ListBudgetsHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<ListBudgets, IReadOnlyList<BudgetListItem>>
{
    public async ValueTask<IReadOnlyList<BudgetListItem>> Handle(ListBudgets query, CancellationToken ct)
    {
        var q = db.Budgets.AsNoTracking();
        if (query.UnitId is { } unitId) q = q.Where(b => b.UnitId == unitId);
        if (query.Year is { } year) q = q.Where(b => b.Year == year);
        if (query.Status is { } status) q = q.Where(b => b.Status == status);
        var rows = await q.OrderByDescending(b => b.Year).Select(b => new { b.Id, b.UnitId, b.Year, b.Status, b.Version, Amounts = b.Lines.Select(l => l.Amount).ToList() })
            .Take(500).ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(b => new BudgetListItem(b.Id, b.UnitId, names.GetValueOrDefault(b.UnitId, ""), b.Year, b.Status, b.Amounts.Sum(), b.Amounts.Count, b.Version))
            .OrderByDescending(b => b.Year).ThenBy(b => b.UnitName).ToList();
    }
}

internal sealed class ListBudgetsEndpoint(IMediator mediator) : Endpoint<ListBudgets, IReadOnlyList<BudgetListItem>>
{
    public override void Configure()
    {
        Get(ListBudgets.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "List the budgets of the units in scope");
    }

    public override async Task HandleAsync(ListBudgets req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
