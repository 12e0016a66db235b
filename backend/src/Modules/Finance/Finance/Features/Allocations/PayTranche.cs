using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;

namespace Khcn.Finance.Features.Allocations;

/// <summary>Records the payment of an approved tranche with its voucher (chứng từ) number and date; posts payable → disbursed. Requires Idempotency-Key.</summary>
public sealed record PayTranche : TrancheStepCommand, Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/tranches/{id}/pay";
    public string VoucherNumber { get; init; } = "";
    public DateOnly PaidOn { get; init; }
}

internal sealed class PayTrancheValidator : AbstractValidator<PayTranche>
{
    public PayTrancheValidator()
    {
        RuleFor(x => x.VoucherNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.PaidOn).NotEmpty();
    }
}

internal sealed class PayTrancheHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger) : Mediator.ICommandHandler<PayTranche, Guid>
{
    public async ValueTask<Guid> Handle(PayTranche c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var tranche = await access.TrancheAsync(c.AllocationId, c.Id, ct);
        access.DemandManage(tranche.UnitId);
        Concurrency.GuardUpdate(db, tranche, c.IfMatch);
        var allocation = await access.AllocationAsync(c.AllocationId, ct, tracked: false);
        await ledger.RequireOpenYearAsync(allocation.UnitId, allocation.Year, ct);
        tranche.Pay(c.VoucherNumber, c.PaidOn, access.Actor);
        var payable = await ledger.HoldingsAsync(AccountKind.Payable, tranche.Id, ct);
        ledger.Post(allocation.UnitId, allocation.Year, LedgerEvent.TranchePaid, tranche.Id, $"Chi theo chứng từ {c.VoucherNumber.Trim()}", access.Actor,
            payable.Where(p => p.Value > 0).Select(p => new Movement(p.Key, p.Value, AccountKind.Payable, tranche.Id, AccountKind.Disbursed, allocation.Id)));
        return tranche.Id;
    }
}

internal sealed class PayTrancheEndpoint(IMediator mediator) : TrancheStepEndpoint<PayTranche>(mediator)
{
    protected override string Route => PayTranche.Route;
    protected override string RequiredPermission => Permission.FinanceManage;
    protected override string StepSummary => "Record the payment of an approved tranche with its voucher number and date (Idempotency-Key required; If-Match; 409 tranche_state)";
}
