using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>What an allocation pays for. The target is another module's record: a plain id and a label, never a key.</summary>
public enum AllocationTargetKind { ResearchTopic, Course, Campaign, Commendation, InitiativeRemuneration, Other }

public enum AllocationStatus { Open, Settled }

/// <summary>
/// An allocation (phân bổ) of approved budget to a target, drawn from one or more sources (a part per source, each
/// within that source's budget line). Tranches are disbursed against it; settlement (quyết toán) records what was
/// spent, returns the rest to the budget lines and closes it.
/// </summary>
internal sealed class Allocation : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public Guid BudgetId { get; private set; }
    public BudgetPurpose Purpose { get; private set; }
    public AllocationTargetKind TargetKind { get; private set; }
    public Guid? TargetId { get; private set; }
    public string TargetLabel { get; private set; } = "";
    /// <summary>The initiative-remuneration obligation this allocation funds, if any.</summary>
    public Guid? ObligationId { get; private set; }
    public AllocationStatus Status { get; private set; }
    public decimal Amount { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public decimal? SpentAmount { get; private set; }
    public decimal ReturnedUnspent { get; private set; }
    public decimal ReturnedUnrequested { get; private set; }
    public string? SettlementNote { get; private set; }
    public string? SettledBy { get; private set; }
    public DateTime? SettledAtUtc { get; private set; }
    public List<AllocationPart> Parts { get; private set; } = [];

    private Allocation() { }

    public static Allocation Create(Guid unitId, int year, Guid budgetId, BudgetPurpose purpose, AllocationTargetKind targetKind, Guid? targetId,
        string targetLabel, Guid? obligationId, IReadOnlyList<(Guid BudgetLineId, Guid SourceId, decimal Amount)> parts, Actor by)
    {
        if (parts.Count == 0)
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["parts"] = [Localized.Text("Draw from at least one source.", "Chọn ít nhất một nguồn kinh phí.")],
            });
        for (var i = 0; i < parts.Count; i++) Money.RequireWholePositive(parts[i].Amount, $"parts[{i}].amount");
        if (parts.GroupBy(p => p.SourceId).Any(g => g.Count() > 1))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["parts"] = [Localized.Text("One part per source.", "Mỗi nguồn chỉ một dòng.")],
            });
        var a = new Allocation
        {
            UnitId = unitId, Year = year, BudgetId = budgetId, Purpose = purpose, TargetKind = targetKind, TargetId = targetId,
            TargetLabel = targetLabel.Trim(), ObligationId = obligationId, Status = AllocationStatus.Open, CreatedBy = by.Name,
        };
        a.Parts.AddRange(parts.Select(p => new AllocationPart(a.Id, p.BudgetLineId, p.SourceId, p.Amount)));
        a.Amount = a.Parts.Sum(p => p.Amount);
        return a;
    }

    public void RequireOpen()
    {
        if (Status != AllocationStatus.Open)
            throw new BusinessRuleException("allocation_settled", Localized.Text("The allocation is settled and closed.", "Khoản phân bổ đã quyết toán và đóng."));
    }

    /// <summary>Settlement: what was spent of what was paid; the unspent and the never-requested amounts go back per source.</summary>
    public void Settle(decimal spent, IReadOnlyDictionary<Guid, decimal> returnedBySource, decimal returnedUnspent, decimal returnedUnrequested,
        string? note, Actor by, DateTime nowUtc)
    {
        RequireOpen();
        SpentAmount = spent;
        ReturnedUnspent = returnedUnspent;
        ReturnedUnrequested = returnedUnrequested;
        foreach (var part in Parts) part.Returned = returnedBySource.GetValueOrDefault(part.SourceId);
        SettlementNote = note?.Trim();
        SettledBy = by.Name;
        SettledAtUtc = nowUtc;
        Status = AllocationStatus.Settled;
    }
}

/// <summary>The share of an allocation one source funds, drawn from that source's budget line.</summary>
internal sealed class AllocationPart
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AllocationId { get; private set; }
    public Guid BudgetLineId { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal Amount { get; private set; }
    /// <summary>Returned to the budget line at settlement.</summary>
    public decimal Returned { get; set; }

    private AllocationPart() { }

    public AllocationPart(Guid allocationId, Guid budgetLineId, Guid sourceId, decimal amount)
    {
        AllocationId = allocationId;
        BudgetLineId = budgetLineId;
        SourceId = sourceId;
        Amount = amount;
    }
}

public enum TrancheKind { Advance, Milestone, Final }

public enum TrancheStatus { Requested, Approved, Paid, Rejected }

/// <summary>
/// A disbursement tranche against an allocation: requested by one person (reserving the amount from the allocation's
/// remainder), approved by another (four-eyes: the requester never approves), paid with a voucher number and date —
/// or rejected, which reverses its reservation with new ledger entries.
/// </summary>
internal sealed class Tranche : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public Guid AllocationId { get; private set; }
    public TrancheKind Kind { get; private set; }
    public decimal Amount { get; private set; }
    public string? Purpose { get; private set; }
    public TrancheStatus Status { get; private set; }
    public Guid? RequestedByUserId { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public Guid RequestTransactionId { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public string? VoucherNumber { get; private set; }
    public DateOnly? PaidOn { get; private set; }
    public string? PaidBy { get; private set; }
    public string? RejectionReason { get; private set; }
    public string? RejectedBy { get; private set; }

    private Tranche() { }

    public static Tranche Request(Allocation allocation, TrancheKind kind, decimal amount, string? purpose, Actor by, Guid transactionId, DateTime nowUtc) => new()
    {
        UnitId = allocation.UnitId, AllocationId = allocation.Id, Kind = kind, Amount = amount, Purpose = purpose?.Trim(),
        Status = TrancheStatus.Requested, RequestedByUserId = by.UserId, RequestedBy = by.Name, RequestedAtUtc = nowUtc,
        RequestTransactionId = transactionId,
    };

    public void Approve(Actor by, DateTime nowUtc)
    {
        RequireStatus(TrancheStatus.Requested);
        if (by.UserId is null || by.UserId == RequestedByUserId)
            throw new BusinessRuleException("four_eyes", Localized.Text(
                "The person who requested a disbursement can never approve it: another person must.",
                "Người đề nghị giải ngân không được tự phê duyệt: phải do người khác phê duyệt (nguyên tắc bốn mắt)."));
        Status = TrancheStatus.Approved;
        ApprovedBy = by.Name;
        ApprovedAtUtc = nowUtc;
    }

    public void Pay(string voucherNumber, DateOnly paidOn, Actor by)
    {
        RequireStatus(TrancheStatus.Approved);
        Status = TrancheStatus.Paid;
        VoucherNumber = voucherNumber.Trim();
        PaidOn = paidOn;
        PaidBy = by.Name;
    }

    public void Reject(string reason, Actor by)
    {
        if (Status is not (TrancheStatus.Requested or TrancheStatus.Approved)) RequireStatus(TrancheStatus.Requested);
        Status = TrancheStatus.Rejected;
        RejectionReason = reason.Trim();
        RejectedBy = by.Name;
    }

    private void RequireStatus(TrancheStatus expected)
    {
        if (Status != expected)
            throw new BusinessRuleException("tranche_state", Localized.Text($"The tranche is {Status}; this needs it {expected}.",
                $"Đợt giải ngân đang ở trạng thái {Status}; thao tác cần trạng thái {expected}."));
    }
}

/// <summary>
/// How an amount drawn from (or returned to) a mixed-source allocation divides between its sources: in proportion
/// to what each source still holds there, in whole đồng, the leftover đồng going to the largest fractions (ties: the
/// larger holding, then the source id). No source is ever given more than it holds; the shares add up exactly.
/// </summary>
internal static class SourceSplit
{
    public static IReadOnlyDictionary<Guid, decimal> Of(decimal amount, IReadOnlyDictionary<Guid, decimal> holdings)
    {
        var total = holdings.Values.Sum();
        if (amount < 0 || amount > total) throw new InvalidOperationException($"Cannot split {amount} over holdings of {total}.");
        if (amount == 0 || total == 0) return holdings.Keys.ToDictionary(k => k, _ => 0m);
        var shares = holdings.Select(h =>
        {
            var exact = amount * h.Value / total;
            var floor = decimal.Floor(exact);
            return (h.Key, h.Value, Floor: floor, Fraction: exact - floor);
        }).ToList();
        var leftover = amount - shares.Sum(s => s.Floor);
        var result = shares.ToDictionary(s => s.Key, s => s.Floor);
        foreach (var s in shares.Where(s => s.Fraction > 0).OrderByDescending(s => s.Fraction).ThenByDescending(s => s.Value).ThenBy(s => s.Key))
        {
            if (leftover == 0) break;
            result[s.Key] += 1;
            leftover -= 1;
        }
        return result;
    }
}

/// <summary>
/// The two postings of an allocation's settlement: what was spent moves from disbursed to spent (split over the sources
/// as they were paid), then each source's unspent payment and its never-requested remainder go back to the budget line
/// it came from. <see cref="Returns"/> is what each source gets back. The use case and both seeders post these, so a
/// seeded settlement is the one the API makes.
/// </summary>
internal sealed record SettlementPostings(IReadOnlyList<Movement> Spent, IReadOnlyList<Movement> Returned, Dictionary<Guid, decimal> Returns)
{
    /// <param name="a">The allocation settled.</param>
    /// <param name="spent">What was spent of it, in VND.</param>
    /// <param name="paid">What each source holds on the allocation's disbursed account.</param>
    /// <param name="unrequested">What each source still holds on the allocation itself (after its remainder was drawn).</param>
    public static SettlementPostings Of(Allocation a, decimal spent, IReadOnlyDictionary<Guid, decimal> paid, IReadOnlyDictionary<Guid, decimal> unrequested)
    {
        var spentSplit = SourceSplit.Of(spent, paid);
        var spentMovements = spentSplit.Select(s => new Movement(s.Key, s.Value, AccountKind.Disbursed, a.Id, AccountKind.Spent, a.Id)).ToList();
        var returns = new Dictionary<Guid, decimal>();
        var returned = new List<Movement>();
        foreach (var part in a.Parts)
        {
            var unspent = paid.GetValueOrDefault(part.SourceId) - spentSplit.GetValueOrDefault(part.SourceId);
            var left = unrequested.GetValueOrDefault(part.SourceId);
            returned.Add(new Movement(part.SourceId, unspent, AccountKind.Disbursed, a.Id, AccountKind.BudgetLine, part.BudgetLineId));
            returned.Add(new Movement(part.SourceId, left, AccountKind.Allocation, a.Id, AccountKind.BudgetLine, part.BudgetLineId));
            returns[part.SourceId] = unspent + left;
        }
        return new SettlementPostings(spentMovements, returned, returns);
    }
}
