using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

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

    public TopicAttachment(Guid topicId, Guid unitId, Attachment file, string? text)
    {
        TopicId = topicId;
        UnitId = unitId;
        File = file;
        Text = text;
    }

    public Guid TopicId { get; private set; }
    public Guid UnitId { get; private set; }
    public Attachment File { get; private set; } = null!;
    /// <summary>The words read from the file (PDF, DOCX; at most <see cref="AttachmentText.MaxChars"/>), for the search; null when it has none.</summary>
    [NotAudited] public string? Text { get; private set; }
}
