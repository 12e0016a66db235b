using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

public enum BudgetAdjustmentStatus { Submitted, Approved, Rejected }

/// <summary>
/// An adjustment (điều chỉnh dự toán) of an approved budget: a new version, proposed with a reason by the unit's finance
/// officer and approved — like the budget — by the finance officer of the unit above, never by its proposer. Each of
/// its lines keeps the amount it replaces, so every earlier version stays visible; approval posts only the difference
/// to the ledger (more: source → budget line; less: budget line → source, never below what is allocated).
/// </summary>
internal sealed class BudgetAdjustment : Entity, IUnitOwned
{
    public Guid BudgetId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The version this adjustment makes of the budget (the approved original is version 1).</summary>
    public int Number { get; private set; }
    public string Reason { get; private set; } = "";
    public BudgetAdjustmentStatus Status { get; private set; }
    public Guid? SubmittedByUserId { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTime SubmittedAtUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? RejectionReason { get; private set; }
    public List<BudgetAdjustmentLine> Lines { get; private set; } = [];

    private BudgetAdjustment() { }

    /// <summary>Proposes new amounts for some lines of an approved budget (a new purpose × source pair adds a line).</summary>
    public static BudgetAdjustment Propose(Budget budget, int number, string reason, IReadOnlyList<(BudgetPurpose Purpose, Guid SourceId, decimal Amount)> lines,
        Actor by, DateTime nowUtc)
    {
        if (budget.Status != BudgetStatus.Approved)
            throw new BusinessRuleException("budget_state", Localized.Text("Only an approved budget is adjusted; edit a draft instead.",
                "Chỉ điều chỉnh dự toán đã duyệt; dự toán nháp thì sửa trực tiếp."));
        if (lines.Count == 0 || lines.GroupBy(l => (l.Purpose, l.SourceId)).Any(g => g.Count() > 1))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["lines"] = [Localized.Text("Name each changed line once.", "Mỗi dòng điều chỉnh chỉ nêu một lần.")],
            });
        var a = new BudgetAdjustment
        {
            BudgetId = budget.Id, UnitId = budget.UnitId, Number = number, Reason = reason.Trim(), Status = BudgetAdjustmentStatus.Submitted,
            SubmittedByUserId = by.UserId, SubmittedBy = by.Name, SubmittedAtUtc = nowUtc,
        };
        foreach (var (purpose, sourceId, amount) in lines)
        {
            var previous = budget.Lines.FirstOrDefault(l => l.Purpose == purpose && l.SourceId == sourceId)?.Amount ?? 0m;
            a.Lines.Add(new BudgetAdjustmentLine(a.Id, purpose, sourceId, previous, amount));
        }
        if (a.Lines.All(l => l.Amount == l.PreviousAmount))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["lines"] = [Localized.Text("The adjustment changes no amount.", "Điều chỉnh không thay đổi số tiền nào.")],
            });
        return a;
    }

    /// <summary>Approval by the unit above, never the proposer (four-eyes); the budget takes the new amounts and version.</summary>
    public void Approve(Budget budget, Actor by, bool approverActsForUnitAbove, DateTime nowUtc)
    {
        if (Status != BudgetAdjustmentStatus.Submitted)
            throw new BusinessRuleException("adjustment_state", Localized.Text("The adjustment has been decided already.", "Điều chỉnh dự toán đã được quyết định."));
        if (!approverActsForUnitAbove)
            throw new ForbiddenException(Localized.Text("A budget adjustment is approved by the finance officer of the unit above.",
                "Điều chỉnh dự toán do cán bộ tài chính của đơn vị cấp trên phê duyệt."));
        if (by.UserId is null || by.UserId == SubmittedByUserId)
            throw new BusinessRuleException("four_eyes", Localized.Text("The person who proposed the adjustment cannot approve it.",
                "Người đề nghị điều chỉnh dự toán không được tự phê duyệt."));
        Status = BudgetAdjustmentStatus.Approved;
        DecidedBy = by.Name;
        DecidedAtUtc = nowUtc;
        budget.Adopt(Number, Lines.Select(l => (l.Purpose, l.SourceId, l.Amount)));
    }
}

/// <summary>A line of an adjustment: the amount it replaces (0 for a new line) and the new one, whole đồng.</summary>
internal sealed class BudgetAdjustmentLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid AdjustmentId { get; private set; }
    public BudgetPurpose Purpose { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal PreviousAmount { get; private set; }
    public decimal Amount { get; private set; }

    private BudgetAdjustmentLine() { }

    public BudgetAdjustmentLine(Guid adjustmentId, BudgetPurpose purpose, Guid sourceId, decimal previousAmount, decimal amount)
    {
        AdjustmentId = adjustmentId;
        Purpose = purpose;
        SourceId = sourceId;
        PreviousAmount = previousAmount;
        Amount = amount;
    }

    public decimal Difference => Amount - PreviousAmount;
}
