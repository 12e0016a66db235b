using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Allocations;

/// <summary>The allocations of the units in scope, filtered by unit, year, status or budget; remaining from the balance rows.</summary>
public sealed record ListAllocations : IQuery<IReadOnlyList<AllocationListItem>>
{
    public const string Route = "/api/v1/finance/allocations";
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
    public AllocationStatus? Status { get; init; }
    public Guid? BudgetId { get; init; }
}

internal sealed class ListAllocationsHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<ListAllocations, IReadOnlyList<AllocationListItem>>
{
    public async ValueTask<IReadOnlyList<AllocationListItem>> Handle(ListAllocations query, CancellationToken ct)
    {
        var q = db.Allocations.AsNoTracking();
        if (query.UnitId is { } unitId) q = q.Where(a => a.UnitId == unitId);
        if (query.Year is { } year) q = q.Where(a => a.Year == year);
        if (query.Status is { } status) q = q.Where(a => a.Status == status);
        if (query.BudgetId is { } budgetId) q = q.Where(a => a.BudgetId == budgetId);
        var rows = await q.OrderByDescending(a => a.CreatedAtUtc).Take(500)
            .Select(a => new { a.Id, a.UnitId, a.Year, a.Purpose, a.TargetKind, a.TargetLabel, a.Status, a.Amount, a.Version, Sources = a.Parts.Select(p => p.SourceId).ToList() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var remaining = await db.Balances.AsNoTracking().Where(b => ids.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Remaining, ct);
        var sourceIds = rows.SelectMany(r => r.Sources).Distinct().ToList();
        var sourceNames = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(a => new AllocationListItem(a.Id, a.UnitId, names.GetValueOrDefault(a.UnitId, ""), a.Year, a.Purpose, a.TargetKind, a.TargetLabel,
            a.Status, a.Amount, remaining.GetValueOrDefault(a.Id), string.Join(", ", a.Sources.Select(s => sourceNames.GetValueOrDefault(s, ""))), a.Version)).ToList();
    }
}

internal sealed class ListAllocationsEndpoint(IMediator mediator) : Endpoint<ListAllocations, IReadOnlyList<AllocationListItem>>
{
    public override void Configure()
    {
        Get(ListAllocations.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "List the allocations of the units in scope");
    }

    public override async Task HandleAsync(ListAllocations req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
