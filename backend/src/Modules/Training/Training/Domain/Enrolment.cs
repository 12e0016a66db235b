using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

public enum EnrolmentStatus { Enrolled, Waitlisted, Withdrawn }

public enum AttendanceMark { Present, Late, Excused, Absent }

/// <summary>Computed from attendance and the assessment by the course's completion rule, never typed in.</summary>
public enum CompletionResult { Pending, Completed, NotCompleted }

/// <summary>
/// An official nominated to a course by a union unit (cử đi học). Within capacity the official is enrolled;
/// beyond it they wait in order of <see cref="QueueNumber"/> and are promoted when a place frees up. The
/// official's name and contact are copied from the Organization module at nomination time (plain ids across
/// modules). Owned by the official's unit for the scope filter.
/// </summary>
internal sealed partial class Enrolment : Entity, IUnitOwned
{
    private Enrolment() { }

    public Guid CourseId { get; private set; }
    public Guid OfficialId { get; private set; }
    /// <summary>The official's unit: the nominating side's scope.</summary>
    public Guid UnitId { get; private set; }
    public string OfficialName { get; private set; } = "";
    public string? OfficialEmail { get; private set; }
    public string? OfficialPosition { get; private set; }
    public EnrolmentStatus Status { get; private set; }
    /// <summary>Order of arrival within the course: the waitlist is served in this order.</summary>
    public long QueueNumber { get; private set; }
    public DateTime NominatedAtUtc { get; private set; }
    public string NominatedBy { get; private set; } = "";
    /// <summary>Set when a coordinator overrode a timetable clash with another course; the reason is kept.</summary>
    public string? ClashOverrideReason { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawalReason { get; private set; }
    /// <summary>The assessment's outcome when the course requires one (null: not assessed yet).</summary>
    public bool? AssessmentPassed { get; private set; }
    public CompletionResult Result { get; private set; } = CompletionResult.Pending;
    public List<AttendanceRecord> Attendance { get; private set; } = [];

    public static Enrolment Nominate(Course course, NominatedOfficial official, EnrolmentStatus status, long queueNumber,
        string nominatedBy, DateTime nowUtc, string? clashOverrideReason) => new()
    {
        CourseId = course.Id, OfficialId = official.OfficialId, UnitId = official.UnitId, OfficialName = official.FullName,
        OfficialEmail = official.Email, OfficialPosition = official.Position, Status = status, QueueNumber = queueNumber,
        NominatedAtUtc = nowUtc, NominatedBy = nominatedBy, ClashOverrideReason = clashOverrideReason,
    };

    internal void SetStatus(EnrolmentStatus status) => Status = status;

    internal void MarkWithdrawn(DateTime nowUtc, string? reason)
    {
        Status = EnrolmentStatus.Withdrawn;
        WithdrawnAtUtc = nowUtc;
        WithdrawalReason = reason;
    }

    internal void SetAssessment(bool? passed) => AssessmentPassed = passed;

    internal void SetResult(CompletionResult result) => Result = result;
}

/// <summary>An official as Organization describes them when nominated (a snapshot kept by Training).</summary>
internal sealed record NominatedOfficial(Guid OfficialId, Guid UnitId, string FullName, string? Email, string? Position);

/// <summary>One participant's attendance at one session.</summary>
internal sealed class AttendanceRecord
{
    public Guid EnrolmentId { get; set; }
    public Guid SessionId { get; set; }
    public AttendanceMark Mark { get; set; }
    public string RecordedBy { get; set; } = "";
    public DateTime RecordedAtUtc { get; set; }
}
