using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Allocations;

/// <summary>One tranche of an allocation.</summary>
public sealed record GetTranche : IQuery<TrancheView>
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/tranches/{id}";
    public static string For(Guid allocationId, Guid id) => $"/api/v1/finance/allocations/{allocationId}/tranches/{id}";
    public Guid AllocationId { get; init; }
    public Guid Id { get; init; }
}

internal sealed class GetTrancheHandler(FinanceDbContext db, FinanceAccess access) : IQueryHandler<GetTranche, TrancheView>
{
    public async ValueTask<TrancheView> Handle(GetTranche query, CancellationToken ct)
    {
        var t = await db.Tranches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id && x.AllocationId == query.AllocationId, ct)
                ?? throw new NotFoundException(Localized.Text("Tranche", "đợt giải ngân"), query.Id);
        return TrancheViews.View(t, access);
    }
}

internal static class TrancheViews
{
    public static TrancheView View(Tranche t, FinanceAccess access) => new(t.Id, t.AllocationId, t.Kind, t.Amount, t.Purpose, t.Status, t.RequestedBy,
        t.RequestedAtUtc, t.ApprovedBy, t.ApprovedAtUtc, t.VoucherNumber, t.PaidOn, t.PaidBy, t.RejectionReason, t.RejectedBy,
        t.Status == TrancheStatus.Requested && access.MayApproveTranche(t), t.Version);
}

internal sealed class GetTrancheEndpoint(IMediator mediator) : Endpoint<GetTranche, TrancheView>
{
    public override void Configure()
    {
        Get(GetTranche.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "Get a tranche of an allocation");
    }

    public override async Task HandleAsync(GetTranche req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
