using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>
/// A budget with its lines and, once approved, what each line has allocated and has left (its balance), the version in
/// force and its adjustments (each with the amounts it replaced).
/// </summary>
public sealed record GetBudget : IQuery<BudgetDetail>
{
    public const string Route = "/api/v1/finance/budgets/{id}";
    public static string For(Guid id) => $"/api/v1/finance/budgets/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetBudgetHandler(FinanceDbContext db, FinanceAccess access, IMediator mediator) : IQueryHandler<GetBudget, BudgetDetail>
{
    public async ValueTask<BudgetDetail> Handle(GetBudget query, CancellationToken ct)
    {
        var b = await access.BudgetAsync(query.Id, ct, tracked: false);
        var lineIds = b.Lines.Select(l => l.Id).ToList();
        var balances = await db.Balances.AsNoTracking().Where(x => lineIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Remaining, ct);
        var sourceIds = b.Lines.Select(l => l.SourceId).Distinct().ToList();
        var sources = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var names = await mediator.NamesAsync([b.UnitId], ct);
        var lines = b.Lines.OrderBy(l => l.Purpose).ThenBy(l => sources.GetValueOrDefault(l.SourceId)?.Kind).Select(l =>
        {
            var unallocated = balances.TryGetValue(l.Id, out var left) ? left : l.Amount;
            var s = sources.GetValueOrDefault(l.SourceId);
            return new BudgetLineView(l.Id, l.Purpose, l.SourceId, s?.Name ?? "", s?.Kind ?? FundingSourceKind.Other, l.Amount, l.Amount - unallocated, unallocated);
        }).ToList();
        var approvesAbove = (await access.ApprovesBudgetsOfAsync(b.UnitId, ct)).Acts;
        var canApprove = b.Status == BudgetStatus.Submitted && approvesAbove && b.SubmittedByUserId != access.Access.UserId;
        var adjustments = await db.BudgetAdjustments.AsNoTracking().Include(a => a.Lines).Where(a => a.BudgetId == b.Id).OrderByDescending(a => a.Number).ToListAsync(ct);
        var adjustmentSources = adjustments.SelectMany(a => a.Lines).Select(l => l.SourceId).Where(id => !sources.ContainsKey(id)).Distinct().ToList();
        if (adjustmentSources.Count > 0)
            foreach (var s in await db.FundingSources.AsNoTracking().Where(s => adjustmentSources.Contains(s.Id)).ToListAsync(ct)) sources[s.Id] = s;
        var adjustmentViews = adjustments.Select(a => new BudgetAdjustmentView(a.Id, a.Number, a.Reason, a.Status, a.SubmittedBy, a.SubmittedAtUtc, a.DecidedBy,
            a.DecidedAtUtc, a.Lines.OrderBy(l => l.Purpose).Select(l => new BudgetAdjustmentLineView(l.Purpose, l.SourceId, sources.GetValueOrDefault(l.SourceId)?.Name ?? "",
                l.PreviousAmount, l.Amount)).ToList(),
            a.Status == BudgetAdjustmentStatus.Submitted && approvesAbove && a.SubmittedByUserId != access.Access.UserId, a.Version)).ToList();
        var canAdjust = b.Status == BudgetStatus.Approved && access.MayManage(b.UnitId) && adjustments.All(a => a.Status != BudgetAdjustmentStatus.Submitted);
        return new BudgetDetail(b.Id, b.UnitId, names.GetValueOrDefault(b.UnitId, ""), b.Year, b.Status, b.Note, b.Total, lines, b.CreatedBy,
            b.SubmittedBy, b.SubmittedAtUtc, b.ApprovedBy, b.ApprovedAtUtc, b.Status == BudgetStatus.Draft && access.MayManage(b.UnitId), canApprove, b.Version,
            b.CurrentVersion, canAdjust, adjustmentViews);
    }
}

internal sealed class GetBudgetEndpoint(IMediator mediator) : Endpoint<GetBudget, BudgetDetail>
{
    public override void Configure()
    {
        Get(GetBudget.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "Get a budget with its lines and what each has left");
    }

    public override async Task HandleAsync(GetBudget req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
