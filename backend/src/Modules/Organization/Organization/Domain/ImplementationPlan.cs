using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Domain;

public enum ImplementationPlanStatus
{
    Draft,
    Issued,
}

/// <summary>
/// A unit's own plan implementing a parent plan (plan IV.2: "build and issue the implementation plan"): one per
/// (parent plan, unit), drafted, then issued with a number and a date; every later change to an issued plan is a
/// revision that re-issues it, and all revisions are kept. Whether it was late is computed from the first issue
/// against the parent's deadline, never typed.
/// </summary>
internal sealed class ImplementationPlan : Entity, IUnitOwned
{
    private ImplementationPlan() { }

    public Guid PlanId { get; private set; }
    /// <summary>The unit issuing it; strictly below the parent plan's issuing unit.</summary>
    public Guid UnitId { get; private set; }
    public ImplementationPlanStatus Status { get; private set; }
    public string Title { get; private set; } = "";
    public string? Number { get; private set; }
    public DateOnly? IssuedOn { get; private set; }
    /// <summary>The first issue's date: what on-time compliance is judged by (a revision does not make a plan late).</summary>
    public DateOnly? FirstIssuedOn { get; private set; }
    public string? Note { get; private set; }
    /// <summary>0 while a draft, 1 once issued, +1 for every revision.</summary>
    public int RevisionNo { get; private set; }
    public List<ImplementationPlanRevision> Revisions { get; private set; } = [];
    public List<ImplementationPlanAttachment> Attachments { get; private set; } = [];

    public bool IsLate(DateOnly deadline) => FirstIssuedOn is { } first && first > deadline;

    /// <summary>Starts the draft of <paramref name="unit"/>'s plan implementing <paramref name="plan"/>.</summary>
    public static ImplementationPlan StartDraft(Plan plan, string planIssuerPath, UnionUnit unit, string title, string? note)
    {
        if (unit.Id == plan.UnitId || !unit.Path.StartsWith(planIssuerPath, StringComparison.Ordinal))
            throw new BusinessRuleException("not_below_plan_issuer",
                Localized.Text("Only the units below the unit that issued the plan implement it.", "Chỉ các đơn vị cấp dưới của đơn vị ban hành mới triển khai kế hoạch."),
                new Dictionary<string, string[]>
                {
                    ["unitId"] = [Localized.Text("Choose a unit below the plan's issuing unit.", "Chọn một đơn vị cấp dưới của đơn vị ban hành kế hoạch.")],
                });
        if (unit.Status != UnitStatus.Active)
            throw new BusinessRuleException("unit_inactive", Localized.Text($"The unit is {unit.Status.ToString().ToLowerInvariant()}: it issues no more plans.",
                $"Đơn vị {UnitKindRules.StatusName(unit.Status)}: không ban hành kế hoạch nữa."));
        return new ImplementationPlan
        {
            PlanId = plan.Id, UnitId = unit.Id, Status = ImplementationPlanStatus.Draft, Title = title.Trim(), Note = Clean(note),
        };
    }

    public void EditDraft(string title, string? note)
    {
        if (Status != ImplementationPlanStatus.Draft)
            throw new BusinessRuleException("implementation_plan_issued", Localized.Text("The plan is issued: change it by a revision with a new number and date.",
                "Kế hoạch đã ban hành: muốn thay đổi, hãy ban hành bản sửa đổi với số và ngày mới."));
        Title = title.Trim();
        Note = Clean(note);
    }

    /// <summary>Issues the draft as revision 1.</summary>
    public void Issue(IssueDetails d, Plan parent, DateOnly today, string? by, DateTime atUtc)
    {
        if (Status != ImplementationPlanStatus.Draft)
            throw new BusinessRuleException("implementation_plan_not_draft", Localized.Text("Only a draft can be issued; an issued plan changes by a revision.",
                "Chỉ ban hành được bản dự thảo; kế hoạch đã ban hành được thay đổi bằng bản sửa đổi."));
        EnsureIssueDate(d.IssuedOn, parent.IssuedOn, today, null);
        Status = ImplementationPlanStatus.Issued;
        FirstIssuedOn = d.IssuedOn;
        Apply(d, by, atUtc);
    }

    /// <summary>Re-issues an issued plan with a new number and date; the previous issue stays in the history.</summary>
    public void Revise(IssueDetails d, Plan parent, DateOnly today, string? by, DateTime atUtc)
    {
        if (Status != ImplementationPlanStatus.Issued)
            throw new BusinessRuleException("implementation_plan_not_issued", Localized.Text("Only an issued plan is revised; issue the draft first.",
                "Chỉ sửa đổi được kế hoạch đã ban hành; hãy ban hành bản dự thảo trước."));
        EnsureIssueDate(d.IssuedOn, parent.IssuedOn, today, IssuedOn);
        Apply(d, by, atUtc);
    }

    /// <summary>Attaches a file to the current revision, with the words read from it (the search finds the plan by them).</summary>
    public ImplementationPlanAttachment Attach(BuildingBlocks.Files.Attachment file, string? text = null)
    {
        var attachment = new ImplementationPlanAttachment(Id, UnitId, RevisionNo, file, text);
        Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>
    /// Removes a file of the current revision (its attachments loaded); null when the plan has no such file. The files of an
    /// earlier issue are its signed record and stay with it.
    /// </summary>
    public ImplementationPlanAttachment? Detach(Guid attachmentId)
    {
        var attachment = Attachments.FirstOrDefault(a => a.Id == attachmentId);
        if (attachment is null) return null;
        if (attachment.RevisionNo != RevisionNo)
            throw new BusinessRuleException("implementation_file_of_earlier_revision",
                Localized.Text($"The file belongs to revision {attachment.RevisionNo}, an earlier issue of the plan: it stays in its record.",
                    $"Tệp thuộc lần ban hành {attachment.RevisionNo} trước đây của kế hoạch: tệp được giữ lại trong hồ sơ của lần đó."));
        Attachments.Remove(attachment);
        return attachment;
    }

    private void Apply(IssueDetails d, string? by, DateTime atUtc)
    {
        RevisionNo++;
        Number = d.Number.Trim();
        IssuedOn = d.IssuedOn;
        if (!string.IsNullOrWhiteSpace(d.Title)) Title = d.Title.Trim();
        Note = Clean(d.Note) ?? Note;
        Revisions.Add(new ImplementationPlanRevision(Id, RevisionNo, Number, IssuedOn.Value, Title, Clean(d.Note), by, atUtc));
    }

    private static void EnsureIssueDate(DateOnly issuedOn, DateOnly parentIssuedOn, DateOnly today, DateOnly? previous)
    {
        string? error = null;
        if (issuedOn > today) error = Localized.Text("The issue date cannot be in the future.", "Ngày ban hành không thể ở tương lai.");
        else if (issuedOn < parentIssuedOn)
            error = Localized.Text($"The plan cannot be issued before the plan it implements ({parentIssuedOn:dd/MM/yyyy}).",
                $"Kế hoạch không thể ban hành trước kế hoạch cấp trên mà nó triển khai ({parentIssuedOn:dd/MM/yyyy}).");
        else if (previous is { } p && issuedOn < p)
            error = Localized.Text($"A revision cannot be dated before the current issue ({p:dd/MM/yyyy}).",
                $"Bản sửa đổi không thể mang ngày trước lần ban hành hiện tại ({p:dd/MM/yyyy}).");
        if (error is not null) throw new RequestValidationException(new Dictionary<string, string[]> { ["issuedOn"] = [error] });
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record IssueDetails(string Number, DateOnly IssuedOn, string? Title, string? Note);

/// <summary>One issue of an implementation plan: revision 1 is the first issue, the later ones its revisions.</summary>
internal sealed class ImplementationPlanRevision
{
    private ImplementationPlanRevision() { }

    public ImplementationPlanRevision(Guid implementationPlanId, int revisionNo, string number, DateOnly issuedOn, string title, string? note,
        string? changedBy, DateTime changedAtUtc)
    {
        ImplementationPlanId = implementationPlanId;
        RevisionNo = revisionNo;
        Number = number;
        IssuedOn = issuedOn;
        Title = title;
        Note = note;
        ChangedBy = changedBy;
        ChangedAtUtc = changedAtUtc;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ImplementationPlanId { get; private set; }
    public int RevisionNo { get; private set; }
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    public string Title { get; private set; } = "";
    public string? Note { get; private set; }
    public string? ChangedBy { get; private set; }
    public DateTime ChangedAtUtc { get; private set; }
}

/// <summary>A file of an implementation plan (the signed document of a revision); downloads are authorised like the plan.</summary>
internal sealed class ImplementationPlanAttachment : Entity, IUnitOwned
{
    private ImplementationPlanAttachment() { }

    public ImplementationPlanAttachment(Guid implementationPlanId, Guid unitId, int revisionNo, BuildingBlocks.Files.Attachment file, string? text)
    {
        ImplementationPlanId = implementationPlanId;
        UnitId = unitId;
        RevisionNo = revisionNo;
        File = file;
        Text = text;
    }

    public Guid ImplementationPlanId { get; private set; }
    public Guid UnitId { get; private set; }
    /// <summary>The revision the file belongs to (0: the draft).</summary>
    public int RevisionNo { get; private set; }
    public BuildingBlocks.Files.Attachment File { get; private set; } = null!;
    /// <summary>The words read from the file (PDF, DOCX; at most <see cref="BuildingBlocks.Files.AttachmentText.MaxChars"/>), for the search; null when it has none.</summary>
    [NotAudited] public string? Text { get; private set; }
}
