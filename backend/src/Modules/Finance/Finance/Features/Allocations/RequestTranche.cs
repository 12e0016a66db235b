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
/// Requests a disbursement tranche (advance, milestone payment, final) against an allocation. The amount is reserved
/// from the allocation's remainder in the same transaction — never more than is left, however many requests race
/// (409 <c>allocation_remainder_exceeded</c> with <c>remaining</c>) — and split across its sources in proportion to
/// what each still holds there. Requires Idempotency-Key.
/// </summary>
public sealed record RequestTranche : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/tranches";
    public Guid AllocationId { get; init; }
    public TrancheKind Kind { get; init; }
    public decimal Amount { get; init; }
    public string? Purpose { get; init; }
}

internal sealed class RequestTrancheValidator : AbstractValidator<RequestTranche>
{
    public RequestTrancheValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Amount).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi));
        RuleFor(x => x.Purpose).MaximumLength(1000);
    }
}

internal sealed class RequestTrancheHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock) : Mediator.ICommandHandler<RequestTranche, Guid>
{
    public async ValueTask<Guid> Handle(RequestTranche c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var allocation = await access.AllocationAsync(c.AllocationId, ct, tracked: false);
        access.DemandManage(allocation.UnitId);
        allocation.RequireOpen();
        await ledger.RequireOpenYearAsync(allocation.UnitId, allocation.Year, ct);
        await ledger.TakeAsync(allocation.Id, c.Amount, AllocationProblems.AllocationShort, ct);
        // After the draw: what each source holds on the allocation is now stable (this transaction holds the row).
        var holdings = await ledger.HoldingsAsync(AccountKind.Allocation, allocation.Id, ct);
        var split = SourceSplit.Of(c.Amount, holdings);
        var transactionId = Guid.CreateVersion7();
        var tranche = Tranche.Request(allocation, c.Kind, c.Amount, c.Purpose, access.Actor, transactionId, clock.GetUtcNow().UtcDateTime);
        ledger.Post(allocation.UnitId, allocation.Year, LedgerEvent.TrancheRequested, tranche.Id, $"Đề nghị giải ngân: {allocation.TargetLabel}", access.Actor,
            split.Select(s => new Movement(s.Key, s.Value, AccountKind.Allocation, allocation.Id, AccountKind.Payable, tranche.Id)), transactionId: transactionId);
        db.Tranches.Add(tranche);
        return tranche.Id;
    }
}

internal sealed class RequestTrancheEndpoint(IMediator mediator) : CreatedEndpoint<RequestTranche, TrancheView>(mediator)
{
    public override void Configure()
    {
        Post(RequestTranche.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Request a disbursement tranche against an allocation (Idempotency-Key required; 409 allocation_remainder_exceeded with remaining, allocation_settled, fiscal_year_closed)");
    }

    protected override IQuery<TrancheView> ReadBack(RequestTranche command, Guid id) => new GetTranche { AllocationId = command.AllocationId, Id = id };
    protected override string Location(RequestTranche command, Guid id) => GetTranche.For(command.AllocationId, id);
}
