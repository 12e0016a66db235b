using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>Where a research topic stands.</summary>
public enum TopicStatus
{
    Draft, Submitted, UnderSelection, Selected, NotSelected, Contracted, InProgress, UnderAcceptance, Accepted, NotAccepted, Applied, Withdrawn,
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
/// accepted (Không đạt) → applied. A draft or a submitted proposal may be withdrawn. Every other move answers 409
/// <c>topic_state</c>; every move is recorded in <see cref="Steps"/> with its actor and time.
/// </summary>
internal sealed class ResearchTopic : Entity, IUnitOwned
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
    public TopicAttachment Attach(Attachment file)
    {
        if (Status != TopicStatus.Draft)
            throw new BusinessRuleException("topic_locked", Localized.Text("Only a draft proposal can be changed.",
                "Chỉ sửa được thuyết minh đề tài khi còn là bản nháp."));
        var a = new TopicAttachment(Id, UnitId, file);
        Attachments.Add(a);
        return a;
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

    /// <summary>
    /// Signs the contract: its number and date, the period, and milestones due inside it (409 <c>milestone_outside_contract</c>).
    /// The approved budget is the proposal's budget lines.
    /// </summary>
    public void Contract(string number, DateOnly contractDate, DateOnly start, DateOnly end, IReadOnlyList<MilestonePlan> milestones, Actor by, DateTime nowUtc)
    {
        Guard(TopicStatus.Contracted);
        if (end < start)
            throw new BusinessRuleException("contract_period", Localized.Text("The contract ends before it starts.", "Ngày kết thúc hợp đồng phải sau ngày bắt đầu."),
                new Dictionary<string, string[]> { ["endDate"] = [Localized.Text("Choose a later end.", "Chọn ngày kết thúc sau ngày bắt đầu.")] });
        var outside = milestones.Select((m, n) => (m, n)).FirstOrDefault(x => x.m.DueDate < start || x.m.DueDate > end);
        if (outside.m is not null)
            throw new BusinessRuleException("milestone_outside_contract",
                Localized.Text("Every milestone falls due within the contract's period.", $"Mốc \"{outside.m.Title}\" phải đến hạn trong thời gian thực hiện hợp đồng ({start:dd/MM/yyyy} – {end:dd/MM/yyyy})."),
                new Dictionary<string, string[]> { [$"milestones[{outside.n}].dueDate"] = [Localized.Text("Choose a date within the contract.", "Chọn ngày trong thời gian hợp đồng.")] });
        ContractNumber = number.Trim();
        ContractDate = contractDate;
        StartDate = start;
        EndDate = end;
        Milestones.Clear();
        var order = 0;
        foreach (var m in milestones.OrderBy(m => m.DueDate))
            Milestones.Add(new TopicMilestone(Id, ++order, m.Title.Trim(), Clean(m.Deliverable), m.DueDate));
        Move(TopicStatus.Contracted, by, nowUtc, $"Hợp đồng số {ContractNumber}");
    }

    /// <summary>A progress report on a milestone: done on a date, with what was delivered. Starts the topic when contracted.</summary>
    public void ReportMilestone(Guid milestoneId, DateOnly completedOn, string report, Actor by, DateTime nowUtc)
    {
        if (Status is not (TopicStatus.Contracted or TopicStatus.InProgress))
            throw StateError(Localized.Text("Progress is reported while the topic is being carried out.", "Chỉ báo cáo tiến độ khi đề tài đang thực hiện."));
        var m = MilestoneOf(milestoneId);
        if (StartDate is { } s && completedOn < s)
            throw new BusinessRuleException("milestone_before_start", Localized.Text("A milestone cannot be done before the contract starts.",
                "Ngày hoàn thành mốc không thể trước ngày bắt đầu hợp đồng."),
                new Dictionary<string, string[]> { ["completedOn"] = [Localized.Text("Choose a later date.", "Chọn ngày từ ngày bắt đầu hợp đồng.")] });
        m.Complete(completedOn, report.Trim());
        if (Status == TopicStatus.Contracted) Move(TopicStatus.InProgress, by, nowUtc);
    }

    /// <summary>The lead asks for a later due date of a milestone, with a reason; one request pending at a time.</summary>
    public TopicExtension RequestExtension(Guid milestoneId, DateOnly newDueDate, string reason, TopicRuleSet rules, Actor by, DateTime nowUtc)
    {
        if (Status is not (TopicStatus.Contracted or TopicStatus.InProgress))
            throw StateError(Localized.Text("An extension is asked for while the topic is being carried out.", "Chỉ đề nghị gia hạn khi đề tài đang thực hiện."));
        var m = MilestoneOf(milestoneId);
        if (m.CompletedOn is not null)
            throw new BusinessRuleException("milestone_done", Localized.Text("This milestone is done.", "Mốc này đã hoàn thành."));
        if (Extensions.Any(e => e.Status == ExtensionStatus.Requested))
            throw new BusinessRuleException("extension_pending", Localized.Text("An extension request is already waiting.", "Đang có một đề nghị gia hạn chờ quyết định."));
        EnsureExtensionsLeft(rules);
        if (newDueDate <= m.DueDate)
            throw new BusinessRuleException("extension_not_later", Localized.Text("The new due date must be later than the current one.", "Hạn mới phải sau hạn hiện tại của mốc."),
                new Dictionary<string, string[]> { ["newDueDate"] = [Localized.Text("Choose a later date.", "Chọn ngày sau hạn hiện tại.")] });
        var e = new TopicExtension(Id, m.Id, m.DueDate, newDueDate, reason.Trim(), by.Name, nowUtc);
        Extensions.Add(e);
        return e;
    }

    /// <summary>
    /// The ordering unit grants or refuses the pending request. Granting moves the milestone's due date (and the
    /// contract's end when it passes it) and is refused beyond <see cref="TopicRuleSet.MaxExtensions"/> (house rule).
    /// </summary>
    public void DecideExtension(Guid extensionId, bool grant, string? note, TopicRuleSet rules, Actor by, DateTime nowUtc)
    {
        var e = Extensions.FirstOrDefault(x => x.Id == extensionId) ?? throw new NotFoundException(Localized.Text("Extension", "đề nghị gia hạn"), extensionId);
        if (e.Status != ExtensionStatus.Requested)
            throw new BusinessRuleException("extension_decided", Localized.Text("This request has already been decided.", "Đề nghị gia hạn này đã được quyết định."));
        if (grant) EnsureExtensionsLeft(rules);
        e.Decide(grant, Clean(note), by.Name, nowUtc);
        if (!grant) return;
        var m = MilestoneOf(e.MilestoneId);
        m.Extend(e.NewDueDate);
        if (EndDate is { } end && e.NewDueDate > end) EndDate = e.NewDueDate;
        Steps.Add(new TopicStep(Id, Status, Status, by.Name, nowUtc, $"Gia hạn mốc \"{m.Title}\" đến {e.NewDueDate:dd/MM/yyyy}: {e.Reason}"));
    }

    private void EnsureExtensionsLeft(TopicRuleSet rules)
    {
        if (Extensions.Count(x => x.Status == ExtensionStatus.Granted) >= rules.MaxExtensions)
            throw new BusinessRuleException("extension_limit",
                Localized.Text($"A topic is extended at most {rules.MaxExtensions} time(s) ({rules.Code}, house rule).",
                    $"Mỗi đề tài chỉ được gia hạn tối đa {rules.MaxExtensions} lần ({rules.Code} — {TopicRules.HouseRuleBasis})."));
    }

    /// <summary>Records where and since when the accepted results are applied.</summary>
    public void RecordApplication(string appliedAt, DateOnly since, string? results, Actor by, DateTime nowUtc)
    {
        Guard(TopicStatus.Applied);
        if (DecisionDate is { } d && since < d)
            throw new BusinessRuleException("application_before_acceptance", Localized.Text("Results are applied after the acceptance.",
                "Ngày áp dụng không thể trước ngày nghiệm thu."),
                new Dictionary<string, string[]> { ["appliedSince"] = [Localized.Text("Choose a later date.", "Chọn ngày từ ngày nghiệm thu.")] });
        AppliedAt = appliedAt.Trim();
        AppliedSince = since;
        ApplicationResults = Clean(results);
        Move(TopicStatus.Applied, by, nowUtc, AppliedAt);
    }

    /// <summary>True when a milestone not yet done is past due (on the Vietnam date the caller passes from the injected clock).</summary>
    public bool IsLate(DateOnly today) => Status is TopicStatus.Contracted or TopicStatus.InProgress && Milestones.Any(m => m.IsLate(today));

    private TopicMilestone MilestoneOf(Guid id) => Milestones.FirstOrDefault(m => m.Id == id)
        ?? throw new NotFoundException(Localized.Text("Milestone", "mốc tiến độ"), id);

    private static readonly IReadOnlyDictionary<TopicStatus, TopicStatus[]> Transitions = new Dictionary<TopicStatus, TopicStatus[]>
    {
        [TopicStatus.Draft] = [TopicStatus.Submitted, TopicStatus.Withdrawn],
        [TopicStatus.Submitted] = [TopicStatus.UnderSelection, TopicStatus.Withdrawn],
        [TopicStatus.UnderSelection] = [TopicStatus.Selected, TopicStatus.NotSelected],
        [TopicStatus.Selected] = [TopicStatus.Contracted],
        [TopicStatus.NotSelected] = [],
        [TopicStatus.Contracted] = [TopicStatus.InProgress],
        [TopicStatus.InProgress] = [TopicStatus.UnderAcceptance],
        [TopicStatus.UnderAcceptance] = [TopicStatus.Accepted, TopicStatus.NotAccepted],
        [TopicStatus.Accepted] = [TopicStatus.Applied],
        [TopicStatus.NotAccepted] = [],
        [TopicStatus.Applied] = [],
        [TopicStatus.Withdrawn] = [],
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

internal sealed class TopicMember
{
    private TopicMember() { }

    public TopicMember(Guid topicId, int order, Guid officialId, string fullName, string? email, string? position)
    {
        TopicId = topicId;
        Order = order;
        OfficialId = officialId;
        FullName = fullName;
        Email = email;
        Position = position;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TopicId { get; private set; }
    public int Order { get; private set; }
    public Guid OfficialId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Position { get; private set; }
}

/// <summary>A line of the requested (and, once contracted, approved) budget: who pays, for what, how much (exact VND).</summary>
internal sealed class TopicBudgetLine
{
    private TopicBudgetLine() { }

    public TopicBudgetLine(Guid topicId, int order, TopicFundingSource source, string item, decimal amount)
    {
        TopicId = topicId;
        Order = order;
        Source = source;
        Item = item;
        Amount = amount;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TopicId { get; private set; }
    public int Order { get; private set; }
    public TopicFundingSource Source { get; private set; }
    public string Item { get; private set; } = "";
    public decimal Amount { get; private set; }
}

internal sealed class TopicMilestone
{
    private TopicMilestone() { }

    public TopicMilestone(Guid topicId, int order, string title, string? deliverable, DateOnly dueDate)
    {
        TopicId = topicId;
        Order = order;
        Title = title;
        Deliverable = deliverable;
        DueDate = dueDate;
        OriginalDueDate = dueDate;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TopicId { get; private set; }
    public int Order { get; private set; }
    public string Title { get; private set; } = "";
    public string? Deliverable { get; private set; }
    public DateOnly DueDate { get; private set; }
    public DateOnly OriginalDueDate { get; private set; }
    public DateOnly? CompletedOn { get; private set; }
    public string? Report { get; private set; }

    /// <summary>Not done and past due; or done after its due date.</summary>
    public bool IsLate(DateOnly today) => CompletedOn is { } done ? done > DueDate : DueDate < today;

    public void Complete(DateOnly on, string report)
    {
        if (CompletedOn is not null)
            throw new BusinessRuleException("milestone_done", Localized.Text("This milestone is done.", "Mốc này đã hoàn thành."));
        CompletedOn = on;
        Report = report;
    }

    public void Extend(DateOnly to) => DueDate = to;
}

internal sealed class TopicExtension
{
    private TopicExtension() { }

    public TopicExtension(Guid topicId, Guid milestoneId, DateOnly previousDueDate, DateOnly newDueDate, string reason, string requestedBy, DateTime atUtc)
    {
        TopicId = topicId;
        MilestoneId = milestoneId;
        PreviousDueDate = previousDueDate;
        NewDueDate = newDueDate;
        Reason = reason;
        RequestedBy = requestedBy;
        RequestedAtUtc = atUtc;
        Status = ExtensionStatus.Requested;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TopicId { get; private set; }
    public Guid MilestoneId { get; private set; }
    public DateOnly PreviousDueDate { get; private set; }
    public DateOnly NewDueDate { get; private set; }
    public string Reason { get; private set; } = "";
    public ExtensionStatus Status { get; private set; }
    public string RequestedBy { get; private set; } = "";
    public DateTime RequestedAtUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    public void Decide(bool grant, string? note, string by, DateTime atUtc)
    {
        Status = grant ? ExtensionStatus.Granted : ExtensionStatus.Refused;
        DecisionNote = note;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
    }
}

/// <summary>One move of the lifecycle: from, to, who, when (and a note).</summary>
internal sealed class TopicStep
{
    private TopicStep() { }

    public TopicStep(Guid topicId, TopicStatus? from, TopicStatus to, string by, DateTime atUtc, string? note)
    {
        TopicId = topicId;
        From = from;
        To = to;
        By = by;
        AtUtc = atUtc;
        Note = note is { Length: > 1000 } ? note[..1000] : note;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TopicId { get; private set; }
    public TopicStatus? From { get; private set; }
    public TopicStatus To { get; private set; }
    public string By { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? Note { get; private set; }
}

/// <summary>A file of a topic's proposal, owned by the proposing unit like the topic.</summary>
internal sealed class TopicAttachment : Entity, IUnitOwned
{
    private TopicAttachment() { }

    public TopicAttachment(Guid topicId, Guid unitId, Attachment file)
    {
        TopicId = topicId;
        UnitId = unitId;
        File = file;
    }

    public Guid TopicId { get; private set; }
    public Guid UnitId { get; private set; }
    public Attachment File { get; private set; } = null!;
}
