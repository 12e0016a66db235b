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
/// Corrects a disbursement wrongly paid in a fiscal year that is now closed (Luật Kế toán 88/2015/QH13, Điều 27 khoản 3:
/// corrected in the books of the year the error is found, with an explanation). The correcting transaction is posted in
/// the unit's next open year — never in the closed one — and takes the amount back, per source, from the allocation's
/// disbursed account (its spent account once settled) to the source's fund; each entry references the original
/// transaction, and the reason is kept. Whole, or a part (<see cref="Amount"/>: Điều 27 khoản 1 điểm c, recording the
/// difference) — several parts until the original is fully corrected. 409 <c>correction_no_open_year</c> (naming the
/// year to open), <c>correction_already_made</c> (nothing left to correct), <c>correction_exceeds_uncorrected</c> (with
/// <c>uncorrected</c>), <c>correction_year_open</c> (use the ordinary reversal), <c>correction_not_supported</c>.
/// Requires Idempotency-Key.
/// </summary>
public sealed record CorrectClosedYearEntry : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/allocations/{allocationId}/corrections";
    public Guid AllocationId { get; init; }
    /// <summary>The transaction to correct (a payment of one of the allocation's tranches).</summary>
    public Guid TransactionId { get; init; }
    public string Reason { get; init; } = "";
    /// <summary>The part to correct, in whole đồng; none: all that is still uncorrected of the original.</summary>
    public decimal? Amount { get; init; }
}

internal sealed class CorrectClosedYearEntryValidator : AbstractValidator<CorrectClosedYearEntry>
{
    public CorrectClosedYearEntryValidator()
    {
        RuleFor(x => x.AllocationId).NotEmpty();
        RuleFor(x => x.TransactionId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().WithMessage(Localized.Text("Give the reason for the correction.", "Nhập lý do điều chỉnh."))
            .MaximumLength(2000);
        RuleFor(x => x.Amount!.Value).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi))
            .OverridePropertyName(nameof(CorrectClosedYearEntry.Amount)).When(x => x.Amount is not null);
    }
}

internal sealed class CorrectClosedYearEntryHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<CorrectClosedYearEntry, Guid>
{
    public async ValueTask<Guid> Handle(CorrectClosedYearEntry c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var allocation = await access.AllocationAsync(c.AllocationId, ct, tracked: false);
        access.DemandManage(allocation.UnitId);
        var tranches = await db.Tranches.AsNoTracking().Where(t => t.AllocationId == allocation.Id).ToDictionaryAsync(t => t.Id, ct);
        var original = await db.LedgerEntries.AsNoTracking().Where(e => e.TransactionId == c.TransactionId).ToListAsync(ct);
        if (original.Count == 0 || original.Any(e => !tranches.ContainsKey(e.DocumentId) && e.DocumentId != allocation.Id))
            throw new NotFoundException(Localized.Text("Ledger transaction", "bút toán"), c.TransactionId);
        var (closedYear, @event) = (original[0].Year, original[0].Event);

        var unitYears = await db.FiscalYears.Where(f => f.UnitId == allocation.UnitId).ToDictionaryAsync(f => f.Year, f => f.Status, ct);
        if (unitYears.GetValueOrDefault(closedYear, FiscalYearStatus.Open) != FiscalYearStatus.Closed) throw ClosedYearCorrectionRules.YearStillOpen(closedYear);
        if (!ClosedYearCorrectionRules.Corrects(@event)) throw ClosedYearCorrectionRules.NotCorrectable(@event);
        // Taken back by the ordinary reversal (a rejection) before the year closed: nothing to correct.
        if (await db.LedgerEntries.AnyAsync(e => e.ReversesTransactionId == c.TransactionId && e.Event != LedgerEvent.ClosedYearCorrected, ct))
            throw ClosedYearCorrectionRules.AlreadyCorrected();
        var year = ClosedYearCorrectionRules.NextOpenYear(closedYear, unitYears);

        // What the original paid per source, less what earlier corrections took back of it (Điều 27 khoản 1 điểm c: the difference).
        var paid = original.Where(e => e.Account == AccountKind.Disbursed && e.Debit > 0).GroupBy(e => e.SourceId).ToDictionary(g => g.Key, g => g.Sum(e => e.Debit));
        var earlier = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.ReversesTransactionId == c.TransactionId && e.Event == LedgerEvent.ClosedYearCorrected && e.Account == AccountKind.Source)
            .Select(e => new { e.SourceId, e.Debit }).ToListAsync(ct);
        var uncorrected = paid.ToDictionary(p => p.Key, p => p.Value - earlier.Where(e => e.SourceId == p.Key).Sum(e => e.Debit));
        var amount = c.Amount ?? uncorrected.Values.Sum();
        ClosedYearCorrectionRules.WithinUncorrected(amount, uncorrected.Values.Sum());
        var taken = ClosedYearCorrectionRules.Split(amount, uncorrected);

        // Where the paid money is now: disbursed until settlement, then spent (settlement returned the unspent to the lines).
        var holding = allocation.Status == AllocationStatus.Settled ? AccountKind.Spent : AccountKind.Disbursed;
        var held = await ledger.HoldingsAsync(holding, allocation.Id, ct);
        if (taken.Any(p => held.GetValueOrDefault(p.Key) < p.Value)) throw ClosedYearCorrectionRules.ExceedsHeld(holding);

        var document = original[0].DocumentId;
        var voucher = tranches.GetValueOrDefault(document)?.VoucherNumber;
        var part = amount < paid.Values.Sum() ? $" (điều chỉnh {SponsorRules.Vnd(amount)}/{SponsorRules.Vnd(paid.Values.Sum())} đồng)" : "";
        var tx = ledger.Post(allocation.UnitId, year, LedgerEvent.ClosedYearCorrected, document,
            $"Điều chỉnh bút toán năm {closedYear}{(voucher is null ? "" : $" (chi theo chứng từ {voucher})")}{part}: {c.Reason.Trim()}", access.Actor,
            taken.Select(p => new Movement(p.Key, p.Value, holding, allocation.Id, AccountKind.Source, p.Key)), reverses: c.TransactionId);
        // The sequence is unique per original: of two racing corrections, the second fails on the index (409) instead of over-correcting.
        var sequence = await db.ClosedYearCorrections.CountAsync(x => x.OriginalTransactionId == c.TransactionId, ct) + 1;
        var correction = ClosedYearCorrection.Record(allocation.UnitId, c.TransactionId, sequence, closedYear, year, tx, document, amount, c.Reason,
            access.Actor, clock.GetUtcNow().UtcDateTime);
        db.ClosedYearCorrections.Add(correction);
        return correction.Id;
    }
}

internal sealed class CorrectClosedYearEntryEndpoint(IMediator mediator) : CreatedEndpoint<CorrectClosedYearEntry, AllocationDetail>(mediator)
{
    public override void Configure()
    {
        Post(CorrectClosedYearEntry.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Correct a closed year's payment, whole or a part (amount), in the next open year, referencing it, with a reason " +
                                 "(Idempotency-Key required; 409 correction_no_open_year, correction_already_made, correction_exceeds_uncorrected, " +
                                 "correction_year_open, correction_not_supported)");
    }

    protected override IQuery<AllocationDetail> ReadBack(CorrectClosedYearEntry command, Guid id) => new GetAllocation { Id = command.AllocationId };
    protected override string Location(CorrectClosedYearEntry command, Guid id) => GetAllocation.For(command.AllocationId);
}
