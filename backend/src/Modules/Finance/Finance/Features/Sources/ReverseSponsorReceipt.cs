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
/// Takes back a wrong receipt — never by changing or deleting it: a new reversal record and a ledger transaction
/// that references the receipt's (received → receivable), dated in an open fiscal year (a receipt of a closed year is
/// reversed in the open year), not before the receipt, with a reason. 409 <c>sponsor_receipt_reversed</c> when it was
/// reversed already, <c>sponsor_receipt_corrected</c> when part of it was corrected into a later year
/// (<see cref="CorrectClosedYearReceipt"/>: correct the rest the same way). Requires Idempotency-Key.
/// </summary>
public sealed record ReverseSponsorReceipt : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/sources/{sourceId}/receipts/{receiptId}/reverse";
    public Guid SourceId { get; init; }
    public Guid ReceiptId { get; init; }
    public DateOnly ReversedOn { get; init; }
    public string Reason { get; init; } = "";
}

internal sealed class ReverseSponsorReceiptValidator : AbstractValidator<ReverseSponsorReceipt>
{
    public ReverseSponsorReceiptValidator()
    {
        RuleFor(x => x.SourceId).NotEmpty();
        RuleFor(x => x.ReceiptId).NotEmpty();
        RuleFor(x => x.ReversedOn).Dated();
        RuleFor(x => x.Reason).NotEmpty().WithMessage(Localized.Text("Give the reason for the reversal.", "Nhập lý do đảo bút toán."))
            .MaximumLength(2000);
    }
}

internal sealed class ReverseSponsorReceiptHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<ReverseSponsorReceipt, Guid>
{
    public async ValueTask<Guid> Handle(ReverseSponsorReceipt c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var source = await SponsorFundsSteps.SponsorAsync(db, access, c.SourceId, ct);
        var receipt = await db.SponsorReceipts.AsNoTracking().FirstOrDefaultAsync(r => r.Id == c.ReceiptId && r.SourceId == source.Id, ct)
                      ?? throw new NotFoundException(Localized.Text("Receipt", "khoản thực nhận"), c.ReceiptId);
        if (await db.SponsorReceipts.AnyAsync(r => r.ReversesReceiptId == receipt.Id, ct)) throw SponsorRules.AlreadyReversed();
        if (await db.ClosedYearCorrections.AnyAsync(x => x.OriginalTransactionId == receipt.TransactionId, ct)) throw SponsorRules.PartlyCorrected();
        SponsorFundsSteps.NotInFuture(c.ReversedOn, "reversedOn", clock);
        var tx = Guid.CreateVersion7();
        var reversal = receipt.Reverse(c.ReversedOn, c.Reason, tx, access.Actor);
        await ledger.RequireOpenYearAsync(source.UnitId, c.ReversedOn.Year, ct);
        ledger.Post(source.UnitId, c.ReversedOn.Year, LedgerEvent.SponsorReceiptReversed, reversal.Id,
            $"Đảo bút toán thực nhận theo phiếu thu {receipt.VoucherNumber}: {c.Reason.Trim()}", access.Actor,
            [new Movement(source.Id, receipt.Amount, AccountKind.SponsorReceived, source.Id, AccountKind.SponsorReceivable, source.Id)],
            reverses: receipt.TransactionId, transactionId: tx);
        await ledger.GiveAsync(source.Id, receipt.Amount, ct);
        db.SponsorReceipts.Add(reversal);
        return reversal.Id;
    }
}

internal sealed class ReverseSponsorReceiptEndpoint(IMediator mediator) : CreatedEndpoint<ReverseSponsorReceipt, FundingSourceDetail>(mediator)
{
    public override void Configure()
    {
        Post(ReverseSponsorReceipt.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Reverse a wrong sponsor receipt with a new entry referencing it (Idempotency-Key required; 409 sponsor_receipt_reversed, sponsor_receipt_corrected, fiscal_year_closed)");
    }

    protected override IQuery<FundingSourceDetail> ReadBack(ReverseSponsorReceipt command, Guid id) => new GetFundingSource { Id = command.SourceId };
    protected override string Location(ReverseSponsorReceipt command, Guid id) => GetFundingSource.For(command.SourceId);
}
