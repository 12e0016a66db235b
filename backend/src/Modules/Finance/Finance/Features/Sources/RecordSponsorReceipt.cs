using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Sources;

/// <summary>
/// Records money a sponsor paid in: a positive whole amount of đồng, the date received (in an open fiscal year of the
/// unit, not in the future) and the receipt voucher (phiếu thu) number, unique for the sponsor. A receipt beyond what
/// is pledged and not yet received is <b>refused</b> (409 <c>sponsor_receipt_exceeds_pledge</c> with
/// <c>outstanding</c>): record the further pledge first. The draw on the outstanding balance is one conditional
/// UPDATE in the transaction (ADR 0013), so two racing receipts never take more than the pledge. The ledger moves
/// the amount from the receivable to received. Requires Idempotency-Key.
/// </summary>
public sealed record RecordSponsorReceipt : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/sources/{sourceId}/receipts";
    public Guid SourceId { get; init; }
    public decimal Amount { get; init; }
    public DateOnly ReceivedOn { get; init; }
    public string VoucherNumber { get; init; } = "";
    public string? Note { get; init; }
}

internal sealed class RecordSponsorReceiptValidator : AbstractValidator<RecordSponsorReceipt>
{
    public RecordSponsorReceiptValidator()
    {
        RuleFor(x => x.SourceId).NotEmpty();
        RuleFor(x => x.Amount).WholePositiveVnd();
        RuleFor(x => x.ReceivedOn).Dated();
        RuleFor(x => x.VoucherNumber).NotEmpty().WithMessage(Khcn.BuildingBlocks.Domain.Localized.Text("Give the receipt voucher number.", "Nhập số phiếu thu."))
            .MaximumLength(50);
        RuleFor(x => x.Note).MaximumLength(2000);
    }
}

internal sealed class RecordSponsorReceiptHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<RecordSponsorReceipt, Guid>
{
    public async ValueTask<Guid> Handle(RecordSponsorReceipt c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var source = await SponsorFundsSteps.SponsorAsync(db, access, c.SourceId, ct);
        SponsorFundsSteps.NotInFuture(c.ReceivedOn, "receivedOn", clock);
        await ledger.RequireOpenYearAsync(source.UnitId, c.ReceivedOn.Year, ct);
        var voucher = c.VoucherNumber.Trim();
        if (await db.SponsorReceipts.AnyAsync(r => r.SourceId == source.Id && r.ReversesReceiptId == null && r.VoucherNumber == voucher
                                                     && !db.SponsorReceipts.Any(x => x.ReversesReceiptId == r.Id), ct))
            throw SponsorRules.DuplicateVoucher(voucher);
        var tx = Guid.CreateVersion7();
        var receipt = SponsorReceipt.Record(source, c.Amount, c.ReceivedOn, voucher, c.Note, tx, access.Actor);
        await ledger.TakeAsync(source.Id, c.Amount, SponsorRules.BeyondPledge, ct);
        ledger.Post(source.UnitId, c.ReceivedOn.Year, LedgerEvent.SponsorReceived, receipt.Id, $"Thực nhận tài trợ theo phiếu thu {voucher}", access.Actor,
            [new Movement(source.Id, c.Amount, AccountKind.SponsorReceivable, source.Id, AccountKind.SponsorReceived, source.Id)], transactionId: tx);
        db.SponsorReceipts.Add(receipt);
        return receipt.Id;
    }
}

internal sealed class RecordSponsorReceiptEndpoint(IMediator mediator) : CreatedEndpoint<RecordSponsorReceipt, FundingSourceDetail>(mediator)
{
    public override void Configure()
    {
        Post(RecordSponsorReceipt.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Record money a sponsor paid in (Idempotency-Key required; 409 sponsor_receipt_exceeds_pledge with outstanding, sponsor_voucher_duplicate, fiscal_year_closed)");
    }

    protected override IQuery<FundingSourceDetail> ReadBack(RecordSponsorReceipt command, Guid id) => new GetFundingSource { Id = command.SourceId };
    protected override string Location(RecordSponsorReceipt command, Guid id) => GetFundingSource.For(command.SourceId);
}
