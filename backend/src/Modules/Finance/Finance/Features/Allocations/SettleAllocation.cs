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
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Allocations;

/// <summary>
/// Settles (quyết toán) an allocation once no tranche is waiting: <see cref="Spent"/> of what was paid is accepted;
/// the unspent part of the advances and everything never requested return to the sources' budget lines (split by
/// what each source holds); the allocation closes. Requires Idempotency-Key and If-Match.
/// </summary>
public sealed record SettleAllocation : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations/{id}/settle";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
    /// <summary>What was actually spent, at most what was paid (whole đồng, may be 0).</summary>
    public decimal Spent { get; init; }
    public string? Note { get; init; }
}

internal sealed class SettleAllocationValidator : AbstractValidator<SettleAllocation>
{
    public SettleAllocationValidator()
    {
        RuleFor(x => x.Spent).Must(s => s == 0 || Money.IsWholePositive(s))
            .WithMessage(Localized.Text("The amount spent is a whole number of đồng, 0 or more.", "Số đã chi là số đồng nguyên, từ 0 trở lên."));
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class SettleAllocationHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock) : Mediator.ICommandHandler<SettleAllocation, Guid>
{
    public async ValueTask<Guid> Handle(SettleAllocation c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var allocation = await access.AllocationAsync(c.Id, ct);
        access.DemandManage(allocation.UnitId);
        Concurrency.GuardUpdate(db, allocation, c.IfMatch);
        allocation.RequireOpen();
        await ledger.RequireOpenYearAsync(allocation.UnitId, allocation.Year, ct);
        if (await db.Tranches.AnyAsync(t => t.AllocationId == allocation.Id && (t.Status == TrancheStatus.Requested || t.Status == TrancheStatus.Approved), ct))
            throw new BusinessRuleException("tranches_pending", Localized.Text("Pay or reject the waiting tranches before settling.",
                "Hãy chi hoặc từ chối các đợt giải ngân đang chờ trước khi quyết toán."));

        var paid = await ledger.HoldingsAsync(AccountKind.Disbursed, allocation.Id, ct);
        var paidTotal = paid.Values.Sum();
        if (c.Spent > paidTotal)
            throw new BusinessRuleException("spent_exceeds_paid", Localized.Text($"Spent cannot exceed what was paid ({paidTotal:0} VND).",
                $"Số đã chi không được vượt số đã giải ngân ({AllocationProblems.Vnd(paidTotal)} đồng)."));
        var remaining = await ledger.RemainingAsync(allocation.Id, ct);
        if (remaining > 0) await ledger.TakeAsync(allocation.Id, remaining, AllocationProblems.AllocationShort, ct);
        var unrequested = await ledger.HoldingsAsync(AccountKind.Allocation, allocation.Id, ct);
        var settlement = SettlementPostings.Of(allocation, c.Spent, paid, unrequested);
        var lineOf = allocation.Parts.ToDictionary(p => p.SourceId, p => p.BudgetLineId);
        var label = allocation.TargetLabel;

        ledger.Post(allocation.UnitId, allocation.Year, LedgerEvent.SettlementSpent, allocation.Id, $"Quyết toán: {label}", access.Actor, settlement.Spent);
        ledger.Post(allocation.UnitId, allocation.Year, LedgerEvent.SettlementReturned, allocation.Id, $"Hoàn trả nguồn khi quyết toán: {label}", access.Actor, settlement.Returned);
        foreach (var (sourceId, amount) in settlement.Returns.Where(r => r.Value > 0).OrderBy(r => lineOf[r.Key]))
            await ledger.GiveAsync(lineOf[sourceId], amount, ct);
        allocation.Settle(c.Spent, settlement.Returns, paidTotal - c.Spent, remaining, c.Note, access.Actor, clock.GetUtcNow().UtcDateTime);
        return allocation.Id;
    }
}

internal sealed class SettleAllocationEndpoint(IMediator mediator) : ChangedEndpoint<SettleAllocation, AllocationDetail>(mediator)
{
    public override void Configure()
    {
        Post(SettleAllocation.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Settle an allocation: spent vs paid, the rest back to its sources, then closed (Idempotency-Key required; If-Match; 409 tranches_pending, spent_exceeds_paid, allocation_settled)");
    }

    protected override IQuery<AllocationDetail> ReadBack(SettleAllocation command) => new GetAllocation { Id = command.Id };
}
