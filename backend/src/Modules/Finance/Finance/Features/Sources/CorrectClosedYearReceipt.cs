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

namespace Khcn.Finance.Features.Sources;

/// <summary>
/// Corrects a socialised sponsor's receipt recorded in a fiscal year that is now closed (e.g. the amount was wrong) —
/// the same rule as a closed year's payment (Luật Kế toán 88/2015/QH13, Điều 27 khoản 3: corrected in the books of the
/// year the error is found, with an explanation; khoản 1 điểm c: the adjusting entry records the difference). The
/// correcting transaction is posted in the unit's next open year, never in the closed one, references the receipt's
/// transaction and keeps the reason; it moves the amount from the sponsor's received account back to its receivable
/// (outstanding again), so the sponsor's received figure — and with it what allocations may still draw — follows. Whole,
/// or a part (<see cref="Amount"/>), several parts until the receipt is fully corrected, never beyond. 409
/// <c>correction_no_open_year</c>, <c>correction_year_open</c> (use the ordinary reversal), <c>correction_already_made</c>
/// (reversed, or nothing left), <c>correction_exceeds_uncorrected</c> (with <c>uncorrected</c>),
/// <c>correction_not_supported</c> (a reversal). Requires Idempotency-Key.
/// </summary>
public sealed record CorrectClosedYearReceipt : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/sources/{sourceId}/receipts/{receiptId}/corrections";
    public Guid SourceId { get; init; }
    public Guid ReceiptId { get; init; }
    public string Reason { get; init; } = "";
    /// <summary>The part to correct, in whole đồng; none: all that is still uncorrected of the receipt.</summary>
    public decimal? Amount { get; init; }
}

internal sealed class CorrectClosedYearReceiptValidator : AbstractValidator<CorrectClosedYearReceipt>
{
    public CorrectClosedYearReceiptValidator()
    {
        RuleFor(x => x.SourceId).NotEmpty();
        RuleFor(x => x.ReceiptId).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().WithMessage(Localized.Text("Give the reason for the correction.", "Nhập lý do điều chỉnh."))
            .MaximumLength(2000);
        RuleFor(x => x.Amount!.Value).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi))
            .OverridePropertyName(nameof(CorrectClosedYearReceipt.Amount)).When(x => x.Amount is not null);
    }
}

internal sealed class CorrectClosedYearReceiptHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<CorrectClosedYearReceipt, Guid>
{
    public async ValueTask<Guid> Handle(CorrectClosedYearReceipt c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var source = await SponsorFundsSteps.SponsorAsync(db, access, c.SourceId, ct);
        var receipt = await db.SponsorReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == c.ReceiptId && r.SourceId == source.Id, ct)
                      ?? throw new NotFoundException(Localized.Text("Receipt", "khoản thực nhận"), c.ReceiptId);
        var closedYear = receipt.ReceivedOn.Year;
        var unitYears = await db.FiscalYears.Where(f => f.UnitId == source.UnitId).ToDictionaryAsync(f => f.Year, f => f.Status, ct);
        if (unitYears.GetValueOrDefault(closedYear, FiscalYearStatus.Open) != FiscalYearStatus.Closed) throw ClosedYearCorrectionRules.YearStillOpen(closedYear);
        if (receipt.IsReversal) throw ClosedYearCorrectionRules.NotCorrectable(LedgerEvent.SponsorReceiptReversed);
        if (await db.SponsorReceipts.AnyAsync(r => r.ReversesReceiptId == receipt.Id, ct)) throw ClosedYearCorrectionRules.AlreadyCorrected();
        var year = ClosedYearCorrectionRules.NextOpenYear(closedYear, unitYears);

        // What the receipt brought in less what earlier corrections took back of it (Điều 27 khoản 1 điểm c: the difference).
        var earlier = await db.ClosedYearCorrections.AsNoTracking().Where(x => x.OriginalTransactionId == receipt.TransactionId)
            .Select(x => x.Amount).ToListAsync(ct);
        var uncorrected = receipt.Amount - earlier.Sum();
        var amount = c.Amount ?? uncorrected;
        ClosedYearCorrectionRules.WithinUncorrected(amount, uncorrected);

        var part = amount < receipt.Amount ? $" (điều chỉnh {SponsorRules.Vnd(amount)}/{SponsorRules.Vnd(receipt.Amount)} đồng)" : "";
        var tx = ledger.Post(source.UnitId, year, LedgerEvent.ClosedYearCorrected, receipt.Id,
            $"Điều chỉnh khoản thực nhận tài trợ năm {closedYear} (phiếu thu {receipt.VoucherNumber}){part}: {c.Reason.Trim()}", access.Actor,
            [new Movement(source.Id, amount, AccountKind.SponsorReceived, source.Id, AccountKind.SponsorReceivable, source.Id)], reverses: receipt.TransactionId);
        // Outstanding again: the sponsor still owes it under its pledge (the balance row follows the receivable, ADR 0013).
        await ledger.GiveAsync(source.Id, amount, ct);
        // The sequence is unique per original: of two racing corrections, the second fails on the index (409) instead of over-correcting.
        var correction = ClosedYearCorrection.Record(source.UnitId, receipt.TransactionId, earlier.Count + 1, closedYear, year, tx, receipt.Id, amount,
            c.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        db.ClosedYearCorrections.Add(correction);
        return correction.Id;
    }
}

internal sealed class CorrectClosedYearReceiptEndpoint(IMediator mediator) : CreatedEndpoint<CorrectClosedYearReceipt, FundingSourceDetail>(mediator)
{
    public override void Configure()
    {
        Post(CorrectClosedYearReceipt.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Correct a closed year's sponsor receipt, whole or a part (amount), in the next open year, referencing it, with a reason " +
                                 "(Idempotency-Key required; 409 correction_no_open_year, correction_already_made, correction_exceeds_uncorrected, " +
                                 "correction_year_open, correction_not_supported)");
    }

    protected override IQuery<FundingSourceDetail> ReadBack(CorrectClosedYearReceipt command, Guid id) => new GetFundingSource { Id = command.SourceId };
    protected override string Location(CorrectClosedYearReceipt command, Guid id) => GetFundingSource.For(command.SourceId);
}
