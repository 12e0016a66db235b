using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;

namespace Khcn.Finance.Features.Allocations;

/// <summary>
/// Rejects a requested or approved (unpaid) tranche. Nothing is deleted: new ledger entries reverse the request's
/// (referencing its transaction) and the amount returns to the allocation's remainder. Requires Idempotency-Key.
/// </summary>
public sealed record RejectTranche : TrancheStepCommand, Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/tranches/{id}/reject";
    public string Reason { get; init; } = "";
}

internal sealed class RejectTrancheValidator : AbstractValidator<RejectTranche>
{
    public RejectTrancheValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class RejectTrancheHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger) : Mediator.ICommandHandler<RejectTranche, Guid>
{
    public async ValueTask<Guid> Handle(RejectTranche c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var tranche = await access.TrancheAsync(c.AllocationId, c.Id, ct);
        access.Access.Demand(Permission.FinanceApprove, tranche.UnitId, Localized.Text("Unit", "đơn vị"), tranche.UnitId);
        Concurrency.GuardUpdate(db, tranche, c.IfMatch);
        var allocation = await access.AllocationAsync(c.AllocationId, ct, tracked: false);
        await ledger.RequireOpenYearAsync(allocation.UnitId, allocation.Year, ct);
        tranche.Reject(c.Reason, access.Actor);
        var payable = await ledger.HoldingsAsync(AccountKind.Payable, tranche.Id, ct);
        ledger.Post(allocation.UnitId, allocation.Year, LedgerEvent.TrancheRejected, tranche.Id, $"Đảo bút toán đề nghị giải ngân: {c.Reason.Trim()}", access.Actor,
            payable.Where(p => p.Value > 0).Select(p => new Movement(p.Key, p.Value, AccountKind.Payable, tranche.Id, AccountKind.Allocation, allocation.Id)),
            reverses: tranche.RequestTransactionId);
        await ledger.GiveAsync(allocation.Id, tranche.Amount, ct);
        return tranche.Id;
    }
}

internal sealed class RejectTrancheEndpoint(IMediator mediator) : TrancheStepEndpoint<RejectTranche>(mediator)
{
    protected override string Route => RejectTranche.Route;
    protected override string RequiredPermission => Permission.FinanceApprove;
    protected override string StepSummary => "Reject an unpaid tranche: reversing entries return its amount to the allocation (Idempotency-Key required; If-Match; 409 tranche_state)";
}
