using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Training.Domain;

/// <summary>What a course builds (plan II.2: expertise, political theory, foreign language, research methods).</summary>
public enum CourseSubject { Expertise, PoliticalTheory, ForeignLanguage, ResearchMethods, InnovationSkills, Other }

public enum CourseStatus { Proposed, Confirmed, OpenForNomination, Running, Completed, Cancelled }

/// <summary>Who pays the fee; the Finance module funds it through <see cref="Course.FundingAllocationId"/>.</summary>
public enum FeePayer { Federation, NominatingUnit, Partner, Sponsor, Free }

/// <summary>
/// A course organised with a partner agency and requested by a union unit. Its lifecycle (proposed → confirmed
/// by the partner → open for nomination → running → completed, or cancelled before completion) is recorded
/// step by step in <see cref="Steps"/>. Sessions, nominations and attendance hang off it.
/// </summary>
internal sealed partial class Course : Entity
{
    private Course() { }

    public Guid PartnerId { get; private set; }
    /// <summary>The union unit that asked for the course (the provincial federation, a district federation…).</summary>
    public Guid RequestingUnitId { get; private set; }
    public string Code { get; private set; } = "";
    public string Title { get; private set; } = "";
    public CourseSubject Subject { get; private set; }
    public string? Audience { get; private set; }
    public string? Description { get; private set; }
    public int Capacity { get; private set; }
    public DateOnly EnrolmentOpensOn { get; private set; }
    public DateOnly EnrolmentClosesOn { get; private set; }
    public string? Venue { get; private set; }
    public decimal Fee { get; private set; }
    public FeePayer FeePaidBy { get; private set; }
    /// <summary>
    /// The free-text funding reference courses had before Finance existed, kept read-only as it was typed (migrated
    /// data); new and revised courses pick an allocation instead (<see cref="FundingAllocationId"/>).
    /// </summary>
    public string? FundingReference { get; private set; }
    /// <summary>The Finance allocation (phân bổ) of the requesting unit's training budget that funds the course: a plain id.</summary>
    public Guid? FundingAllocationId { get; private set; }
    /// <summary>The allocation's label when it was picked, so lists show it without asking Finance.</summary>
    public string? FundingAllocationLabel { get; private set; }
    /// <summary>Completion rule: the least share of sessions attended (present or late), in percent.</summary>
    public int MinAttendancePercent { get; private set; } = 80;
    /// <summary>Completion rule: whether a passed assessment is also required.</summary>
    public bool AssessmentRequired { get; private set; }
    public CourseStatus Status { get; private set; } = CourseStatus.Proposed;
    public string? CancellationReason { get; private set; }
    /// <summary>What the partner asked to change before confirming (#16), who asked and when; cleared when the course is revised or confirmed.</summary>
    public string? ChangesRequested { get; private set; }
    public string? ChangesRequestedBy { get; private set; }
    public DateTime? ChangesRequestedAtUtc { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<CourseStep> Steps { get; private set; } = [];

    public static Course Propose(Guid partnerId, Guid requestingUnitId, CourseDetails details, Actor actor, DateTime nowUtc)
    {
        var course = new Course { PartnerId = partnerId, RequestingUnitId = requestingUnitId };
        course.Apply(details);
        course.Steps.Add(CourseStep.Of(course.Id, null, CourseStatus.Proposed, actor, nowUtc, null));
        return course;
    }

    public void Apply(CourseDetails d)
    {
        if (d.Capacity < 1) throw new BusinessRuleException("course_capacity", Localized.Text("A course takes at least one participant.",
            "Khóa học phải nhận ít nhất một học viên."));
        if (d.EnrolmentClosesOn < d.EnrolmentOpensOn)
            throw new BusinessRuleException("enrolment_window", Localized.Text("The enrolment window closes before it opens.",
                "Ngày kết thúc cử học viên không thể trước ngày bắt đầu."));
        if (d.MinAttendancePercent is < 0 or > 100)
            throw new BusinessRuleException("completion_rule", Localized.Text("The attendance share of the completion rule is a percentage.",
                "Tỷ lệ chuyên cần để hoàn thành khóa học phải là phần trăm (0–100)."));
        Code = d.Code.Trim().ToUpperInvariant();
        Title = d.Title.Trim();
        Subject = d.Subject;
        Audience = Clean(d.Audience);
        Description = Clean(d.Description);
        Capacity = d.Capacity;
        EnrolmentOpensOn = d.EnrolmentOpensOn;
        EnrolmentClosesOn = d.EnrolmentClosesOn;
        Venue = Clean(d.Venue);
        Fee = d.Fee;
        FeePaidBy = d.FeePaidBy;
        FundingAllocationId = d.Funding?.AllocationId;
        FundingAllocationLabel = d.Funding?.Label;
        MinAttendancePercent = d.MinAttendancePercent;
        AssessmentRequired = d.AssessmentRequired;
        SearchText = VietnameseText.FoldAll(Code, Title, Audience);
    }

    /// <summary>
    /// Links the course to the allocation its old free-text reference names (#14's migration); the allocation was checked
    /// by the course form's rule. The old text is kept as it was typed.
    /// </summary>
    internal void LinkFunding(CourseFunding funding)
    {
        FundingAllocationId = funding.AllocationId;
        FundingAllocationLabel = funding.Label;
    }

    /// <summary>Moves the course to <paramref name="to"/>, recording who did it and when.</summary>
    internal void MoveTo(CourseStatus to, Actor actor, DateTime nowUtc, string? note)
    {
        Steps.Add(CourseStep.Of(Id, Status, to, actor, nowUtc, note));
        Status = to;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record CourseDetails(
    string Code, string Title, CourseSubject Subject, string? Audience, string? Description, int Capacity,
    DateOnly EnrolmentOpensOn, DateOnly EnrolmentClosesOn, string? Venue, decimal Fee, FeePayer FeePaidBy,
    CourseFunding? Funding, int MinAttendancePercent, bool AssessmentRequired);

/// <summary>The allocation a course is funded from, as Finance named it when it was picked.</summary>
internal sealed record CourseFunding(Guid AllocationId, string Label);

/// <summary>Who did something: a user id and the name shown in the history.</summary>
internal sealed record Actor(Guid? UserId, string Name);

/// <summary>One step of a course's lifecycle: from, to, who, when, and why (a cancellation's reason).</summary>
internal sealed class CourseStep
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid CourseId { get; private set; }
    public CourseStatus? From { get; private set; }
    public CourseStatus To { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public DateTime AtUtc { get; private set; }
    public string? Note { get; private set; }

    public static CourseStep Of(Guid courseId, CourseStatus? from, CourseStatus to, Actor actor, DateTime atUtc, string? note) =>
        new() { CourseId = courseId, From = from, To = to, ActorUserId = actor.UserId, ActorName = actor.Name, AtUtc = atUtc, Note = note };
}
