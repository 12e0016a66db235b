using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>Where a research topic stands.</summary>
public enum TopicStatus
{
    Draft, Submitted, UnderSelection, Selected, NotSelected, Contracted, InProgress, UnderAcceptance, Accepted, NotAccepted, Applied, Withdrawn,
    /// <summary>Cancelled by the ordering unit, with a reason, before its acceptance (see ResearchTopic.Ending.cs).</summary>
    Cancelled,
    /// <summary>Closed by the ordering unit after its acceptance: read-only from then on.</summary>
    Closed,
}

/// <summary>Who pays a budget line.</summary>
public enum TopicFundingSource { UnionFunds, StateBudget, Sponsor, Other }

public enum ExtensionStatus { Requested, Granted, Refused }

/// <summary>A person on the topic: an official picked in the SPA, resolved by the Organization module.</summary>
internal sealed record TopicPerson(Guid OfficialId, string FullName, string? Email, string? Position);

internal sealed record TopicBudget(TopicFundingSource Source, string Item, decimal Amount);

/// <summary>The editable content of a proposal (thuyết minh đề tài).</summary>
internal sealed record TopicDetails(string Title, string Field, TopicPerson Lead, IReadOnlyList<TopicPerson> Members, string Objectives,
    string ExpectedProducts, int DurationMonths, IReadOnlyList<TopicBudget> Budget);

internal sealed record MilestonePlan(string Title, string? Deliverable, DateOnly DueDate);

/// <summary>
/// A research topic (đề tài nghiên cứu KH,CN&amp;ĐMST) proposed by a unit against a call. Owned by the proposing unit
/// (the scope filter); the ordering unit (the call's) selects, contracts, extends and accepts it.
/// Lifecycle: draft → submitted → under selection council → selected / not selected → contracted → in progress
/// (milestones; late ones flagged; extensions) → under acceptance council → accepted (Xuất sắc / Khá / Đạt) or not
/// accepted (Không đạt) → applied → closed. A draft or a submitted proposal may be withdrawn; a selected, contracted or
/// running topic may be cancelled by the ordering unit, with a reason. Every other move answers 409
/// <c>topic_state</c>; every move is recorded in <see cref="Steps"/> with its actor and time. The contract, milestones,
/// extensions and application are in ResearchTopic.Execution.cs; cancelling and closing in ResearchTopic.Ending.cs;
/// the child records in TopicParts.cs.
/// </summary>
internal sealed partial class ResearchTopic : Entity, IUnitOwned
{
    private ResearchTopic() { }

    public Guid UnitId { get; private set; }
    public Guid CallId { get; private set; }
    public string Title { get; private set; } = "";
    public string Field { get; private set; } = "";
    public Guid LeadOfficialId { get; private set; }
    public string LeadName { get; private set; } = "";
    public string? LeadEmail { get; private set; }
    public string Objectives { get; private set; } = "";
    public string ExpectedProducts { get; private set; } = "";
    public int DurationMonths { get; private set; }
    public TopicStatus Status { get; private set; }
    public string FiledBy { get; private set; } = "";
    public DateTime? SubmittedAtUtc { get; private set; }
    public decimal? SelectionScore { get; private set; }
    public decimal? AcceptanceScore { get; private set; }
    public AcceptanceRating? Rating { get; private set; }
    public string? RuleSetCode { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? ContractNumber { get; private set; }
    public DateOnly? ContractDate { get; private set; }
    public DateOnly? StartDate { get; private set; }
    public DateOnly? EndDate { get; private set; }
    public string? AppliedAt { get; private set; }
    public DateOnly? AppliedSince { get; private set; }
    public string? ApplicationResults { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public string? CancellationReason { get; private set; }
    public string? CancelledBy { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }
    public string? ClosingNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<TopicMember> Members { get; private set; } = [];
    public List<TopicBudgetLine> BudgetLines { get; private set; } = [];
    public List<TopicMilestone> Milestones { get; private set; } = [];
    public List<TopicExtension> Extensions { get; private set; } = [];
    public List<TopicStep> Steps { get; private set; } = [];
    /// <summary>The proposal documents (thuyết minh, dự toán…), through the shared attachment mechanism.</summary>
    public List<TopicAttachment> Attachments { get; private set; } = [];

    public decimal BudgetTotal => BudgetLines.Sum(l => l.Amount);

    public static ResearchTopic Draft(Guid unitId, ResearchCall call, TopicDetails details, Actor by, DateTime nowUtc)
    {
        var t = new ResearchTopic { UnitId = unitId, CallId = call.Id, Status = TopicStatus.Draft, FiledBy = by.Name };
        t.Apply(details, call);
        t.Steps.Add(new TopicStep(t.Id, null, TopicStatus.Draft, by.Name, nowUtc, null));
        return t;
    }

    /// <summary>The author list the conflict-of-interest rules compare council members with: the lead and the members.</summary>
    public IReadOnlyList<ItemAuthor> People =>
        [new ItemAuthor(LeadName, LeadEmail, LeadOfficialId), .. Members.OrderBy(m => m.Order).Select(m => new ItemAuthor(m.FullName, m.Email, m.OfficialId))];

    public void Revise(TopicDetails details, ResearchCall call)
    {
        if (Status != TopicStatus.Draft)
            throw new BusinessRuleException("topic_locked", Localized.Text("Only a draft proposal can be changed.",
                "Chỉ sửa được thuyết minh đề tài khi còn là bản nháp."));
        Apply(details, call);
    }

    /// <summary>Attaches a proposal document; only while a draft (409 <c>topic_locked</c>).</summary>
    public TopicAttachment Attach(Attachment file, string? text = null)
    {
        if (Status != TopicStatus.Draft)
            throw new BusinessRuleException("topic_locked", Localized.Text("Only a draft proposal can be changed.",
                "Chỉ sửa được thuyết minh đề tài khi còn là bản nháp."));
        var a = new TopicAttachment(Id, UnitId, file, text);
        Attachments.Add(a);
        return a;
    }

    /// <summary>Removes a proposal document; only while a draft (409 <c>topic_locked</c>); null when the topic has no such file.</summary>
    public TopicAttachment? Detach(Guid attachmentId)
    {
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return null;
        if (Status != TopicStatus.Draft)
            throw new BusinessRuleException("topic_locked", Localized.Text("Only a draft proposal can be changed.",
                "Chỉ sửa được thuyết minh đề tài khi còn là bản nháp."));
        Attachments.Remove(attachment);
        return attachment;
    }

    /// <summary>Submits the draft before the call's deadline (409 <c>call_closed</c> after it).</summary>
    public void Submit(ResearchCall call, DateOnly today, Actor by, DateTime nowUtc)
    {
        Guard(TopicStatus.Submitted);
        if (!call.OpenOn(today))
            throw new BusinessRuleException("call_closed", Localized.Text($"The call closed on {call.Deadline:dd/MM/yyyy}.",
                $"Đã hết hạn nhận hồ sơ của đợt đặt hàng/tuyển chọn (hạn cuối {call.Deadline:dd/MM/yyyy})."),
                new Dictionary<string, string[]> { ["deadline"] = [call.Deadline.ToString("yyyy-MM-dd")] });
        EnsureWithinCeiling(call);
        SubmittedAtUtc = nowUtc;
        Move(TopicStatus.Submitted, by, nowUtc);
    }

    public void Withdraw(string? reason, Actor by, DateTime nowUtc)
    {
        Guard(TopicStatus.Withdrawn);
        WithdrawalReason = Clean(reason);
        Move(TopicStatus.Withdrawn, by, nowUtc, WithdrawalReason);
    }

    /// <summary>Put before a selection council (submitted) or an acceptance council (in progress): its closing decides.</summary>
    public void SendToCouncil(CouncilItemKind kind, Actor by, DateTime nowUtc) =>
        Move(kind == CouncilItemKind.TopicSelection ? TopicStatus.UnderSelection : TopicStatus.UnderAcceptance, by, nowUtc);

    public void DecideSelection(bool selected, decimal average, TopicRuleSet rules, string decisionNumber, DateOnly decisionDate, Actor council, DateTime nowUtc)
    {
        var to = selected ? TopicStatus.Selected : TopicStatus.NotSelected;
        Guard(to);
        SelectionScore = average;
        RuleSetCode = rules.Code;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        Move(to, council, nowUtc, $"Điểm trung bình có trọng số {average:0.00}");
    }

    public void DecideAcceptance(decimal average, TopicRuleSet rules, string decisionNumber, DateOnly decisionDate, Actor council, DateTime nowUtc)
    {
        var rating = rules.RatingOf(average);
        var to = rating == AcceptanceRating.Fail ? TopicStatus.NotAccepted : TopicStatus.Accepted;
        Guard(to);
        AcceptanceScore = average;
        Rating = rating;
        RuleSetCode = rules.Code;
        DecisionNumber = decisionNumber;
        DecisionDate = decisionDate;
        Move(to, council, nowUtc, $"Xếp loại {TopicRules.RatingName(rating)} ({average:0.00} điểm)");
    }


    private static readonly IReadOnlyDictionary<TopicStatus, TopicStatus[]> Transitions = new Dictionary<TopicStatus, TopicStatus[]>
    {
        [TopicStatus.Draft] = [TopicStatus.Submitted, TopicStatus.Withdrawn],
        [TopicStatus.Submitted] = [TopicStatus.UnderSelection, TopicStatus.Withdrawn],
        [TopicStatus.UnderSelection] = [TopicStatus.Selected, TopicStatus.NotSelected],
        [TopicStatus.Selected] = [TopicStatus.Contracted, TopicStatus.Cancelled],
        [TopicStatus.NotSelected] = [],
        [TopicStatus.Contracted] = [TopicStatus.InProgress, TopicStatus.Cancelled],
        [TopicStatus.InProgress] = [TopicStatus.UnderAcceptance, TopicStatus.Cancelled],
        [TopicStatus.UnderAcceptance] = [TopicStatus.Accepted, TopicStatus.NotAccepted],
        [TopicStatus.Accepted] = [TopicStatus.Applied, TopicStatus.Closed],
        [TopicStatus.NotAccepted] = [TopicStatus.Closed],
        [TopicStatus.Applied] = [TopicStatus.Closed],
        [TopicStatus.Withdrawn] = [],
        [TopicStatus.Cancelled] = [],
        [TopicStatus.Closed] = [],
    };

    /// <summary>The states this topic may move to next.</summary>
    public IReadOnlyList<TopicStatus> AllowedMoves => Transitions[Status];

    private TopicStatus Guard(TopicStatus to)
    {
        if (!Transitions[Status].Contains(to))
            throw StateError(Localized.Text($"A topic that is {Status} cannot become {to}.",
                $"Đề tài đang ở trạng thái \"{StatusName(Status)}\" không thể chuyển sang \"{StatusName(to)}\"."));
        return to;
    }

    private void Move(TopicStatus to, Actor by, DateTime nowUtc, string? note = null)
    {
        Guard(to);
        Steps.Add(new TopicStep(Id, Status, to, by.Name, nowUtc, note));
        Status = to;
    }

    private BusinessRuleException StateError(string message) => new("topic_state", message,
        new Dictionary<string, string[]> { ["status"] = [Status.ToString()] });

    public static string StatusName(TopicStatus s) => s switch
    {
        TopicStatus.Draft => "bản nháp",
        TopicStatus.Submitted => "đã nộp",
        TopicStatus.UnderSelection => "đang xét tuyển chọn",
        TopicStatus.Selected => "được tuyển chọn",
        TopicStatus.NotSelected => "không được tuyển chọn",
        TopicStatus.Contracted => "đã ký hợp đồng",
        TopicStatus.InProgress => "đang thực hiện",
        TopicStatus.UnderAcceptance => "đang nghiệm thu",
        TopicStatus.Accepted => "đã nghiệm thu",
        TopicStatus.NotAccepted => "nghiệm thu không đạt",
        TopicStatus.Applied => "đã ứng dụng",
        TopicStatus.Cancelled => "đã hủy",
        TopicStatus.Closed => "đã kết thúc",
        _ => "đã rút",
    };

    private void EnsureWithinCeiling(ResearchCall call)
    {
        if (BudgetTotal > call.BudgetCeiling)
            throw new BusinessRuleException("budget_over_ceiling",
                Localized.Text($"The budget ({BudgetTotal:N0} VND) exceeds the call's ceiling ({call.BudgetCeiling:N0} VND).",
                    $"Tổng kinh phí đề nghị ({BudgetTotal:N0} đồng) vượt mức trần của đợt ({call.BudgetCeiling:N0} đồng)."),
                new Dictionary<string, string[]> { ["budgetLines"] = [Localized.Text("Lower the amounts.", $"Tổng kinh phí tối đa {call.BudgetCeiling:N0} đồng.")] });
    }

    private void Apply(TopicDetails d, ResearchCall call)
    {
        if (d.Members.Any(m => m.OfficialId == d.Lead.OfficialId) || d.Members.Select(m => m.OfficialId).Distinct().Count() != d.Members.Count)
            throw new BusinessRuleException("topic_member_twice", Localized.Text("A person appears once on a topic.", "Mỗi người chỉ có tên một lần trong đề tài."),
                new Dictionary<string, string[]> { ["members"] = [Localized.Text("Remove the repeated person.", "Bỏ người bị chọn trùng.")] });
        Title = d.Title.Trim();
        Field = d.Field.Trim();
        LeadOfficialId = d.Lead.OfficialId;
        LeadName = d.Lead.FullName;
        LeadEmail = d.Lead.Email?.Trim().ToLowerInvariant();
        Objectives = d.Objectives.Trim();
        ExpectedProducts = d.ExpectedProducts.Trim();
        DurationMonths = d.DurationMonths;
        Members.Clear();
        var order = 0;
        foreach (var m in d.Members)
            Members.Add(new TopicMember(Id, ++order, m.OfficialId, m.FullName, m.Email?.Trim().ToLowerInvariant(), m.Position));
        BudgetLines.Clear();
        order = 0;
        foreach (var b in d.Budget)
            BudgetLines.Add(new TopicBudgetLine(Id, ++order, b.Source, b.Item.Trim(), b.Amount));
        EnsureWithinCeiling(call);
        SearchText = VietnameseText.FoldAll([Title, Field, Objectives, LeadName, .. Members.Select(m => m.FullName)]);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
