using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>
/// A socialised sponsor's pledge (cam kết tài trợ): what it commits to give, on a date. Kept as recorded (pledges add
/// up); its ledger transaction moves the amount from the sponsor's pledge account to its receivable (outstanding).
/// </summary>
internal sealed class SponsorPledge : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly PledgedOn { get; private set; }
    public string? Note { get; private set; }
    public Guid TransactionId { get; private set; }
    public string RecordedBy { get; private set; } = "";

    private SponsorPledge() { }

    public static SponsorPledge Record(FundingSource source, decimal amount, DateOnly pledgedOn, string? note, Guid transactionId, Actor by)
    {
        SponsorRules.RequireSponsor(source);
        Money.RequireWholePositive(amount, "amount");
        return new SponsorPledge
        {
            UnitId = source.UnitId, SourceId = source.Id, Amount = amount, PledgedOn = pledgedOn,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), TransactionId = transactionId, RecordedBy = by.Name,
        };
    }
}

/// <summary>
/// Money a sponsor actually paid in (thực nhận), with its receipt voucher (phiếu thu) number and date — or, when
/// <see cref="ReversesReceiptId"/> is set, the reversal of a wrong receipt (never a change or a deletion): its ledger
/// transaction reverses the original's, moving the amount back from received to the receivable.
/// </summary>
internal sealed class SponsorReceipt : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string VoucherNumber { get; private set; } = "";
    public string? Note { get; private set; }
    public Guid TransactionId { get; private set; }
    /// <summary>Set on a reversal: the receipt it takes back.</summary>
    public Guid? ReversesReceiptId { get; private set; }
    public string RecordedBy { get; private set; } = "";

    private SponsorReceipt() { }

    public bool IsReversal => ReversesReceiptId is not null;

    public static SponsorReceipt Record(FundingSource source, decimal amount, DateOnly receivedOn, string voucherNumber, string? note, Guid transactionId, Actor by)
    {
        SponsorRules.RequireSponsor(source);
        Money.RequireWholePositive(amount, "amount");
        return new SponsorReceipt
        {
            UnitId = source.UnitId, SourceId = source.Id, Amount = amount, ReceivedOn = receivedOn, VoucherNumber = voucherNumber.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), TransactionId = transactionId, RecordedBy = by.Name,
        };
    }

    /// <summary>The reversal of this receipt on <paramref name="on"/> (not before the receipt), for <paramref name="reason"/>.</summary>
    public SponsorReceipt Reverse(DateOnly on, string reason, Guid transactionId, Actor by)
    {
        if (IsReversal)
            throw new BusinessRuleException("sponsor_receipt_is_reversal", Localized.Text("A reversal cannot itself be reversed.", "Không thể đảo một bút toán đảo."));
        if (on < ReceivedOn)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["reversedOn"] = [Localized.Text("The reversal cannot be dated before the receipt.", "Ngày đảo bút toán không được trước ngày nhận tiền.")],
            });
        return new SponsorReceipt
        {
            UnitId = UnitId, SourceId = SourceId, Amount = Amount, ReceivedOn = on, VoucherNumber = VoucherNumber, Note = reason.Trim(),
            TransactionId = transactionId, ReversesReceiptId = Id, RecordedBy = by.Name,
        };
    }
}

internal static class SponsorRules
{
    public static void RequireSponsor(FundingSource source)
    {
        if (source.Kind != FundingSourceKind.Sponsor)
            throw new BusinessRuleException("source_not_sponsor", Localized.Text("Only a sponsor source has pledges and receipts.",
                "Chỉ nguồn tài trợ xã hội hoá mới có cam kết và khoản thực nhận."));
    }

    /// <summary>A receipt beyond what is pledged and not yet received is refused (record the larger pledge first).</summary>
    public static ApiProblemException BeyondPledge(decimal outstanding) => new(409, "sponsor_receipt_exceeds_pledge",
        Localized.Text("The receipt exceeds what the sponsor pledged.", "Khoản thực nhận vượt số tiền nhà tài trợ đã cam kết."),
        Localized.Text($"Only {outstanding:0} VND of the pledge is outstanding; record the sponsor's further pledge first.",
            $"Số cam kết chưa nhận chỉ còn {Vnd(outstanding)} đồng; hãy ghi nhận cam kết bổ sung của nhà tài trợ trước."),
        new Dictionary<string, object?> { ["outstanding"] = outstanding });

    /// <summary>
    /// <b>An allocation draws on a sponsor only up to what the sponsor has actually paid in</b> (thực nhận), net of
    /// reversed receipts, less what its earlier allocations already draw (net of settlement returns). A pledge is a
    /// promise that may never be kept; allocating it would commit money that is not in hand, and issue #14 asks that
    /// money be "never overspent". The pledge bounds the receipts (<see cref="BeyondPledge"/>); the receipts bound the
    /// allocations. Both figures come from the ledger, the truth (<c>Ledger.SponsorAvailableAsync</c>).
    /// </summary>
    public static decimal AvailableToAllocate(decimal received, decimal drawnByAllocations) => Math.Max(0, received - drawnByAllocations);

    /// <summary>The 409 of <see cref="AvailableToAllocate"/>: names the sponsor and carries what it still has available (<c>available</c>).</summary>
    public static ApiProblemException AllocationBeyondReceived(Guid sourceId, string sponsorName, decimal available) => new(409, "sponsor_funds_exceeded",
        Localized.Text("The allocation exceeds what the sponsor has paid in.", "Khoản phân bổ vượt số tiền nhà tài trợ đã thực nhận."),
        Localized.Text($"Sponsor '{sponsorName}' has only {available:0} VND received and not yet allocated; record its receipts first.",
            $"Nhà tài trợ '{sponsorName}' chỉ còn {Vnd(available)} đồng đã thực nhận chưa phân bổ; hãy ghi nhận khoản thực nhận trước khi phân bổ thêm."),
        new Dictionary<string, object?> { ["available"] = available, ["sourceId"] = sourceId });

    public static BusinessRuleException DuplicateVoucher(string voucher) => new("sponsor_voucher_duplicate", Localized.Text(
        $"Receipt voucher {voucher} is already recorded for this sponsor.", $"Phiếu thu số {voucher} đã được ghi nhận cho nhà tài trợ này."));

    public static BusinessRuleException AlreadyReversed() => new("sponsor_receipt_reversed", Localized.Text(
        "This receipt has already been reversed.", "Khoản thực nhận này đã được đảo bút toán."));

    /// <summary>
    /// A receipt corrected in part into a later year (a closed year's correction) is not reversed whole as well: that
    /// would take back more than it brought in. The rest is corrected the same way.
    /// </summary>
    public static BusinessRuleException PartlyCorrected() => new("sponsor_receipt_corrected", Localized.Text(
        "This receipt has been corrected in part into a later year: correct what is left the same way instead of reversing it.",
        "Khoản thực nhận này đã được điều chỉnh một phần sang năm sau: hãy điều chỉnh tiếp phần còn lại, không đảo cả bút toán."));

    public static string Vnd(decimal amount) => amount.ToString("#,0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
}
