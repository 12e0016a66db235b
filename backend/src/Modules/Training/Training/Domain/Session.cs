using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

public enum SessionStatus { Scheduled, Cancelled }

/// <summary>
/// A session of a course: when (UTC in storage; entered and shown in Asia/Ho_Chi_Minh), which room, which
/// instructor. <see cref="PartnerId"/> is copied from the course so the room/instructor clash check runs over
/// every course of the partner with one indexed query. <see cref="Sequence"/> counts the changes calendar apps
/// must follow (iCalendar SEQUENCE).
/// </summary>
internal sealed partial class Session : Entity
{
    private Session() { }

    public Guid CourseId { get; private set; }
    public Guid PartnerId { get; private set; }
    public string Topic { get; private set; } = "";
    public DateTime StartsAtUtc { get; private set; }
    public DateTime EndsAtUtc { get; private set; }
    public string Room { get; private set; } = "";
    public Guid? InstructorId { get; private set; }
    public SessionStatus Status { get; private set; } = SessionStatus.Scheduled;
    public int Sequence { get; private set; }

    public static Session Schedule(Course course, string topic, DateTime startsAtUtc, DateTime endsAtUtc, string room, Guid? instructorId)
    {
        CheckTimes(startsAtUtc, endsAtUtc);
        return new Session
        {
            CourseId = course.Id, PartnerId = course.PartnerId, Topic = topic.Trim(), StartsAtUtc = startsAtUtc,
            EndsAtUtc = endsAtUtc, Room = room.Trim(), InstructorId = instructorId,
        };
    }

    public void Reschedule(string topic, DateTime startsAtUtc, DateTime endsAtUtc, string room, Guid? instructorId)
    {
        if (Status == SessionStatus.Cancelled) throw new BusinessRuleException("session_cancelled", Localized.Text("A cancelled session cannot be rescheduled.",
            "Không thể đổi lịch buổi học đã hủy."));
        CheckTimes(startsAtUtc, endsAtUtc);
        Topic = topic.Trim();
        StartsAtUtc = startsAtUtc;
        EndsAtUtc = endsAtUtc;
        Room = room.Trim();
        InstructorId = instructorId;
        Sequence++;
    }

    public void Cancel()
    {
        if (Status == SessionStatus.Cancelled) return;
        Status = SessionStatus.Cancelled;
        Sequence++;
    }

    /// <summary>Half-open intervals: a session ending at 10:00 does not clash with one starting at 10:00.</summary>
    public bool Overlaps(DateTime startsAtUtc, DateTime endsAtUtc) => StartsAtUtc < endsAtUtc && startsAtUtc < EndsAtUtc;

    private static void CheckTimes(DateTime startsAtUtc, DateTime endsAtUtc)
    {
        if (endsAtUtc <= startsAtUtc) throw new BusinessRuleException("session_times", Localized.Text("A session must end after it starts.",
            "Buổi học phải kết thúc sau khi bắt đầu."));
    }
}
