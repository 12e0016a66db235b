using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>What a budget line is for (the purposes of plan 405 the federation funds).</summary>
public enum BudgetPurpose { ResearchTopics, Training, Awareness, EmulationAndAwards, InitiativeRemuneration, Operations }

public enum BudgetStatus { Draft, Submitted, Approved }

/// <summary>
/// A unit's budget (dự toán) for a fiscal year: lines per purpose × funding source. Drafted and submitted by the
/// unit's finance officer, approved by the finance officer of the unit above (never the unit itself); approval posts
/// every line to the ledger (source → budget line) and opens its balance.
/// </summary>
internal sealed class Budget : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public BudgetStatus Status { get; private set; }
    public string? Note { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public Guid? SubmittedByUserId { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public List<BudgetLine> Lines { get; private set; } = [];

    private Budget() { }

    public decimal Total => Lines.Sum(l => l.Amount);

    public static Budget Draft(Guid unitId, int year, string? note, IReadOnlyList<(BudgetPurpose Purpose, Guid SourceId, decimal Amount)> lines, Actor by)
    {
        var b = new Budget { UnitId = unitId, Year = year, Status = BudgetStatus.Draft, Note = note?.Trim(), CreatedBy = by.Name };
        b.SetLines(lines);
        return b;
    }

    public void Edit(string? note, IReadOnlyList<(BudgetPurpose Purpose, Guid SourceId, decimal Amount)> lines)
    {
        RequireStatus(BudgetStatus.Draft);
        Note = note?.Trim();
        SetLines(lines);
    }

    private void SetLines(IReadOnlyList<(BudgetPurpose Purpose, Guid SourceId, decimal Amount)> lines)
    {
        if (lines.GroupBy(l => (l.Purpose, l.SourceId)).Any(g => g.Count() > 1))
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["lines"] = [Localized.Text("One line per purpose and source.", "Mỗi mục đích và nguồn chỉ có một dòng.")],
            });
        for (var i = 0; i < lines.Count; i++) Money.RequireWholePositive(lines[i].Amount, $"lines[{i}].amount");
        var keep = new List<BudgetLine>();
        foreach (var (purpose, sourceId, amount) in lines)
        {
            var existing = Lines.FirstOrDefault(l => l.Purpose == purpose && l.SourceId == sourceId);
            if (existing is null) keep.Add(new BudgetLine(Id, purpose, sourceId, amount));
            else
            {
                existing.Amount = amount;
                keep.Add(existing);
            }
        }
        Lines.RemoveAll(l => !keep.Contains(l));
        foreach (var l in keep.Where(l => !Lines.Contains(l))) Lines.Add(l);
    }

    public void Submit(Actor by, DateTime nowUtc)
    {
        RequireStatus(BudgetStatus.Draft);
        if (Lines.Count == 0)
            throw new BusinessRuleException("budget_empty", Localized.Text("A budget needs at least one line.", "Dự toán phải có ít nhất một dòng."));
        Status = BudgetStatus.Submitted;
        SubmittedBy = by.Name;
        SubmittedByUserId = by.UserId;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>
    /// Approval by the unit above: <paramref name="approverActsForUnitAbove"/> says the approver holds the right over the
    /// parent unit (for the root, over the root itself); never the person who submitted it (four-eyes).
    /// </summary>
    public void Approve(Actor by, bool approverActsForUnitAbove, DateTime nowUtc)
    {
        RequireStatus(BudgetStatus.Submitted);
        if (!approverActsForUnitAbove)
            throw new ForbiddenException(Localized.Text("A budget is approved by the finance officer of the unit above, not by the unit itself.",
                "Dự toán do cán bộ tài chính của đơn vị cấp trên phê duyệt, không phải chính đơn vị lập."));
        if (by.UserId is null || by.UserId == SubmittedByUserId)
            throw new BusinessRuleException("four_eyes", Localized.Text("The person who submitted the budget cannot approve it.",
                "Người trình dự toán không được tự phê duyệt."));
        Status = BudgetStatus.Approved;
        ApprovedBy = by.Name;
        ApprovedByUserId = by.UserId;
        ApprovedAtUtc = nowUtc;
    }

    /// <summary>Sends a submitted budget back to draft (the unit above asks for changes).</summary>
    public void Return()
    {
        RequireStatus(BudgetStatus.Submitted);
        Status = BudgetStatus.Draft;
    }

    private void RequireStatus(BudgetStatus expected)
    {
        if (Status != expected)
            throw new BusinessRuleException("budget_state", Localized.Text($"The budget is {Status}; this needs it {expected}.",
                $"Dự toán đang ở trạng thái {BudgetViewsText.Status(Status)}; thao tác cần trạng thái {BudgetViewsText.Status(expected)}."));
    }
}

/// <summary>One line of a budget: a purpose funded by a source, in whole đồng.</summary>
internal sealed class BudgetLine
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid BudgetId { get; private set; }
    public BudgetPurpose Purpose { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal Amount { get; set; }

    private BudgetLine() { }

    public BudgetLine(Guid budgetId, BudgetPurpose purpose, Guid sourceId, decimal amount)
    {
        BudgetId = budgetId;
        Purpose = purpose;
        SourceId = sourceId;
        Amount = amount;
    }
}

/// <summary>The Vietnamese names of the purposes, as the screens and the exports print them.</summary>
internal static class BudgetPurposeText
{
    public static string Vi(BudgetPurpose p) => p switch
    {
        BudgetPurpose.ResearchTopics => "Đề tài nghiên cứu",
        BudgetPurpose.Training => "Đào tạo, bồi dưỡng",
        BudgetPurpose.Awareness => "Tuyên truyền",
        BudgetPurpose.EmulationAndAwards => "Thi đua, khen thưởng",
        BudgetPurpose.InitiativeRemuneration => "Thù lao sáng kiến",
        _ => "Hoạt động chung",
    };
}

internal static class BudgetViewsText
{
    public static string Status(BudgetStatus s) => s switch
    {
        BudgetStatus.Draft => "nháp",
        BudgetStatus.Submitted => "đã trình",
        _ => "đã duyệt",
    };
}
