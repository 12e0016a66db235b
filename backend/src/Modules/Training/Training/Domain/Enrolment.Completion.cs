using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

internal sealed partial class Enrolment
{
    public bool IsActive => Status != EnrolmentStatus.Withdrawn;

    public void Withdraw(DateTime nowUtc, string? reason)
    {
        if (Status == EnrolmentStatus.Withdrawn)
            throw new BusinessRuleException("already_withdrawn", Localized.Text("The participant is already withdrawn.",
                "Học viên đã rút khỏi khóa học."));
        MarkWithdrawn(nowUtc, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
    }

    public void Promote()
    {
        if (Status != EnrolmentStatus.Waitlisted) throw new BusinessRuleException("not_waitlisted", Localized.Text("Only a waiting participant can be promoted.",
            "Chỉ học viên đang chờ chỗ mới được chuyển vào lớp."));
        SetStatus(EnrolmentStatus.Enrolled);
    }

    /// <summary>Records the mark of one session (replacing an earlier one).</summary>
    public void Mark(Guid sessionId, AttendanceMark mark, string recordedBy, DateTime nowUtc)
    {
        var record = Attendance.FirstOrDefault(a => a.SessionId == sessionId);
        if (record is null)
            Attendance.Add(new AttendanceRecord { EnrolmentId = Id, SessionId = sessionId, Mark = mark, RecordedBy = recordedBy, RecordedAtUtc = nowUtc });
        else if (record.Mark != mark)
        {
            record.Mark = mark;
            record.RecordedBy = recordedBy;
            record.RecordedAtUtc = nowUtc;
        }
    }

    public void Assess(bool? passed) => SetAssessment(passed);

    /// <summary>Fixes the computed result when the course completes.</summary>
    public void Conclude(CompletionResult result) => SetResult(result);
}

/// <summary>
/// A course's completion rule: at least <see cref="Course.MinAttendancePercent"/> of its scheduled sessions
/// attended (present or late) and, when <see cref="Course.AssessmentRequired"/>, a passed assessment.
/// </summary>
internal static class CompletionRule
{
    public static bool Counts(AttendanceMark mark) => mark is AttendanceMark.Present or AttendanceMark.Late;

    /// <summary>Integer arithmetic: 4 of 5 sessions is exactly 80 %.</summary>
    public static CompletionResult Evaluate(Course course, int scheduledSessions, int attended, bool? assessmentPassed)
    {
        var enough = scheduledSessions == 0 || attended * 100 >= course.MinAttendancePercent * scheduledSessions;
        var assessed = !course.AssessmentRequired || assessmentPassed == true;
        return enough && assessed ? CompletionResult.Completed : CompletionResult.NotCompleted;
    }

    public static int Percent(int scheduledSessions, int attended) =>
        scheduledSessions == 0 ? 100 : (int)Math.Floor(attended * 100.0 / scheduledSessions);
}
