using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>
/// The correction of a transaction posted in a fiscal year that is now closed (issue #14: "corrections after closing go
/// into the next open year with a reference"). Luật Kế toán 88/2015/QH13, Điều 27 khoản 3: an error found after the
/// year's annual financial statements were submitted is corrected in the books of the year it is found, with an
/// explanation of the correction (thuyết minh) — so nothing of the closed year changes: the correcting transaction is
/// posted in the unit's next open year, references the original (<see cref="OriginalTransactionId"/>, also on each
/// correcting entry as <c>ReversesTransactionId</c>) and keeps the reason. Điều 27 khoản 1 điểm c (ghi điều chỉnh: an
/// adjusting voucher, "chứng từ điều chỉnh", recording the difference) is why a correction may take back part of the
/// original: the difference between what was posted and what should have been.
/// <para>
/// What it corrects is a disbursement wrongly paid (<see cref="LedgerEvent.TranchePaid"/>): the amount comes back
/// from the allocation's disbursed account to its sources' fund accounts, in the open year. It does not touch that
/// year's budget lines or allocations: the money is back in the fund, to be budgeted again (a budget or an adjustment of
/// the open year), never spendable by the closed year's allocation. A transaction may be corrected in several parts
/// (<see cref="Sequence"/> 1, 2, …, unique per original so that two racing corrections cannot both pass), never beyond
/// what it posted.
/// </para>
/// <para>
/// It also corrects a socialised sponsor's receipt recorded wrongly (<see cref="LedgerEvent.SponsorReceived"/>, e.g. the
/// amount was wrong): the amount goes back from the sponsor's received account to its receivable (outstanding again), in
/// the open year; <see cref="DocumentId"/> is then the receipt.
/// </para>
/// </summary>
internal sealed class ClosedYearCorrection : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public Guid OriginalTransactionId { get; private set; }
    /// <summary>The how-manieth correction of the original (1, 2, …): unique per original.</summary>
    public int Sequence { get; private set; } = 1;
    public int OriginalYear { get; private set; }
    /// <summary>The open year the correcting transaction is posted in.</summary>
    public int Year { get; private set; }
    public Guid TransactionId { get; private set; }
    /// <summary>The document of the original transaction (the tranche, or the sponsor's receipt).</summary>
    public Guid DocumentId { get; private set; }
    public decimal Amount { get; private set; }
    public string Reason { get; private set; } = "";
    public string CorrectedBy { get; private set; } = "";
    public DateTime CorrectedAtUtc { get; private set; }

    private ClosedYearCorrection() { }

    public static ClosedYearCorrection Record(Guid unitId, Guid originalTransactionId, int sequence, int originalYear, int year, Guid transactionId,
        Guid documentId, decimal amount, string reason, Actor by, DateTime nowUtc) => new()
    {
        UnitId = unitId, OriginalTransactionId = originalTransactionId, Sequence = sequence, OriginalYear = originalYear, Year = year, TransactionId = transactionId,
        DocumentId = documentId, Amount = amount, Reason = reason.Trim(), CorrectedBy = by.Name, CorrectedAtUtc = nowUtc,
    };
}

/// <summary>The rules of a closed year's correction (Luật Kế toán 88/2015/QH13, Điều 27 khoản 3 and khoản 1 điểm c), each a named 409.</summary>
internal static class ClosedYearCorrectionRules
{
    /// <summary>The postings a closed year's correction knows how to take back: a payment, a sponsor's receipt.</summary>
    public static bool Corrects(LedgerEvent @event) => @event is LedgerEvent.TranchePaid or LedgerEvent.SponsorReceived;

    /// <summary>What an original transaction posted (the sum of its debits): the most its corrections together may take back.</summary>
    public static decimal Posted(IEnumerable<decimal> debits) => debits.Sum();

    /// <summary>
    /// The year the correction goes into: the unit's first open year after the closed one. Without one, 409 naming the
    /// year to open (the first year after the closed one that the unit has not opened).
    /// </summary>
    public static int NextOpenYear(int closedYear, IReadOnlyDictionary<int, FiscalYearStatus> unitYears)
    {
        var open = unitYears.Where(y => y.Key > closedYear && y.Value == FiscalYearStatus.Open).Select(y => (int?)y.Key).Min();
        if (open is { } year) return year;
        var toOpen = closedYear + 1;
        while (unitYears.ContainsKey(toOpen)) toOpen++;
        throw NoOpenYear(closedYear, toOpen);
    }

    public static BusinessRuleException NoOpenYear(int closedYear, int toOpen) => new("correction_no_open_year", Localized.Text(
        $"Fiscal year {closedYear} is closed and the unit has no open year after it: open fiscal year {toOpen} to post the correction in.",
        $"Năm tài chính {closedYear} đã khoá sổ và đơn vị chưa có năm tài chính nào đang mở sau năm đó: hãy mở năm tài chính {toOpen} để ghi điều chỉnh."));

    public static BusinessRuleException YearStillOpen(int year) => new("correction_year_open", Localized.Text(
        $"Fiscal year {year} is still open: correct the entry there with the ordinary reversal.",
        $"Năm tài chính {year} còn đang mở: hãy dùng bút toán đảo thông thường trong năm đó, không điều chỉnh sang năm sau."));

    public static BusinessRuleException AlreadyCorrected() => new("correction_already_made", Localized.Text(
        "This entry has been corrected or reversed already.",
        "Bút toán này đã được điều chỉnh hết hoặc đã đảo rồi."));

    /// <summary>
    /// Luật Kế toán 88/2015/QH13, Điều 27 khoản 1 điểm c: a correction records the difference, so the corrections of one
    /// posting together never exceed what it posted: 409 naming what is still uncorrected.
    /// </summary>
    public static void WithinUncorrected(decimal amount, decimal uncorrected)
    {
        if (uncorrected <= 0) throw AlreadyCorrected();
        if (amount > uncorrected) throw new ApiProblemException(409, "correction_exceeds_uncorrected",
            Localized.Text("The correction exceeds what is left to correct.", "Số tiền điều chỉnh vượt quá phần chưa điều chỉnh."),
            Localized.Text($"Only {uncorrected:0} VND of this entry is still uncorrected.",
                $"Bút toán này chỉ còn {SponsorRules.Vnd(uncorrected)} đồng chưa điều chỉnh."),
            new Dictionary<string, object?> { ["uncorrected"] = uncorrected });
    }

    /// <summary>
    /// Splits a partial correction over the original's sources in proportion to what each still has uncorrected, in whole
    /// đồng; the rounding goes to the largest. Never more than a source's uncorrected amount.
    /// </summary>
    public static Dictionary<Guid, decimal> Split(decimal amount, IReadOnlyDictionary<Guid, decimal> uncorrected)
    {
        var open = uncorrected.Where(u => u.Value > 0).OrderByDescending(u => u.Value).ThenBy(u => u.Key).ToList();
        var total = open.Sum(u => u.Value);
        if (amount == total) return open.ToDictionary(u => u.Key, u => u.Value);
        var parts = open.ToDictionary(u => u.Key, u => Math.Floor(amount * u.Value / total));
        var rest = amount - parts.Values.Sum();
        foreach (var u in open)
        {
            if (rest == 0) break;
            var more = Math.Min(rest, u.Value - parts[u.Key]);
            parts[u.Key] += more;
            rest -= more;
        }
        return parts.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value);
    }

    public static BusinessRuleException ExceedsHeld(AccountKind account) => new("correction_exceeds_held", Localized.Text(
        $"The allocation's {account} account no longer holds the amount of this payment.",
        "Khoản phân bổ không còn giữ đủ số tiền của lần chi này để điều chỉnh."));

    public static BusinessRuleException NotCorrectable(LedgerEvent @event) => new("correction_not_supported", Localized.Text(
        $"A closed year's {@event} entry cannot be corrected here: only a paid disbursement or a sponsor's receipt can.",
        "Chỉ điều chỉnh sang năm sau được bút toán chi giải ngân (đã chi) hoặc khoản thực nhận tài trợ của năm đã khoá sổ."));
}
