using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

internal static class SessionRules
{
    public static async Task<Course> CourseForSchedulingAsync(TrainingAccess access, Guid courseId, CancellationToken ct)
    {
        var course = await access.CourseForAsync(courseId, Permission.SessionsSchedule, ct);
        if (!course.SchedulingOpen)
            throw new BusinessRuleException("course_state", Localized.Text($"A {course.Status} course's sessions cannot change.",
                $"Khóa học {Course.StatusName(course.Status)}: không thể thay đổi buổi học."));
        return course;
    }

    public static async Task EnsureInstructorAsync(TrainingDbContext db, Course course, Guid? instructorId, CancellationToken ct)
    {
        if (instructorId is { } id && !await db.Instructors.AnyAsync(i => i.Id == id && i.PartnerId == course.PartnerId, ct))
            throw new RequestValidationException(new Dictionary<string, string[]> { ["instructorId"] = [Localized.Text("Choose one of the partner agency's instructors.", "Chọn một giảng viên của cơ quan đối tác.")] });
    }

    /// <summary>Enrolled participants' e-mails: they hear when a session moves or is cancelled.</summary>
    public static async Task<IReadOnlyList<string>> ParticipantEmailsAsync(TrainingDbContext db, Guid courseId, CancellationToken ct) =>
        await db.OfAnyUnit()
            .Where(e => e.CourseId == courseId && e.Status == EnrolmentStatus.Enrolled && e.OfficialEmail != null)
            .Select(e => e.OfficialEmail!).Distinct().ToListAsync(ct);
}

/// <summary>Enrolled participants hear when a session moves or is cancelled: once per session change (its sequence) and person.</summary>
internal static class SessionNotices
{
    public static void Notify(TrainingDbContext db, Course course, Session session, IReadOnlyList<string> participantEmails, string kind, string text)
    {
        var args = new Dictionary<string, string> { ["course"] = course.Code, ["topic"] = session.Topic, ["time"] = session.LocalTimeText() };
        foreach (var email in participantEmails)
            db.Notify(NoticeTarget.Person(email),
                new Notice($"session:{session.Id}:{session.Sequence}:{email.ToLowerInvariant()}", kind, text, $"/training/courses/{course.Id}", args));
    }
}
