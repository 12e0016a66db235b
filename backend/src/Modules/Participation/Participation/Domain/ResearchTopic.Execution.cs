using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>A topic being carried out: the contract, milestone reports, extensions and the application of its results.</summary>
internal sealed partial class ResearchTopic
{
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
        EnsureNotEnded();
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
}
