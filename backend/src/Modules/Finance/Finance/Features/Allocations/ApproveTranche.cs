using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Mediator;

namespace Khcn.Finance.Features.Allocations;

/// <summary>Approves a requested tranche — by another person than its requester (four-eyes: 409 <c>four_eyes</c>).</summary>
public sealed record ApproveTranche : TrancheStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/tranches/{id}/approve";
}

internal sealed class ApproveTrancheHandler(FinanceDbContext db, FinanceAccess access, TimeProvider clock) : Mediator.ICommandHandler<ApproveTranche, Guid>
{
    public async ValueTask<Guid> Handle(ApproveTranche c, CancellationToken ct)
    {
        var tranche = await access.TrancheAsync(c.AllocationId, c.Id, ct);
        access.Access.Demand(Permission.FinanceApprove, tranche.UnitId, Localized.Text("Unit", "đơn vị"), tranche.UnitId);
        Concurrency.GuardUpdate(db, tranche, c.IfMatch);
        tranche.Approve(access.Actor, clock.GetUtcNow().UtcDateTime);
        return tranche.Id;
    }
}

internal sealed class ApproveTrancheEndpoint(IMediator mediator) : TrancheStepEndpoint<ApproveTranche>(mediator)
{
    protected override string Route => ApproveTranche.Route;
    protected override string RequiredPermission => Permission.FinanceApprove;
    protected override string StepSummary => "Approve a requested tranche; never by its requester (If-Match; 409 four_eyes, tranche_state)";
}
