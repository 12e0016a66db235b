using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>A budget with its lines and, once approved, what each line has allocated and has left (its balance).</summary>
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
        var canApprove = b.Status == BudgetStatus.Submitted && (await access.ApprovesBudgetsOfAsync(b.UnitId, ct)).Acts
                         && b.SubmittedByUserId != access.Access.UserId;
        return new BudgetDetail(b.Id, b.UnitId, names.GetValueOrDefault(b.UnitId, ""), b.Year, b.Status, b.Note, b.Total, lines, b.CreatedBy,
            b.SubmittedBy, b.SubmittedAtUtc, b.ApprovedBy, b.ApprovedAtUtc, b.Status == BudgetStatus.Draft && access.MayManage(b.UnitId), canApprove, b.Version);
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
