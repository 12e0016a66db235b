using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Attendance;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Completion;

/// <summary>
/// Completes a running course whose sessions are all over (coordinator, If-Match): each enrolled participant's
/// result is fixed by the completion rule, the step is recorded, and every participant who completed is published
/// as <see cref="TrainingCompleted"/> (their official training history).
/// </summary>
public sealed record CompleteCourse : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{courseId}/complete";
    public static string For(Guid courseId) => $"/api/v1/training/courses/{courseId}/complete";
    public Guid CourseId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class CompleteCourseHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock) : Mediator.ICommandHandler<CompleteCourse, Guid>
{
    public async ValueTask<Guid> Handle(CompleteCourse command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.CourseId, Permission.CoursesManage, ct);
        Concurrency.GuardUpdate(db, course, command.IfMatch);
        if (course.Status != CourseStatus.Running) course.Complete(access.Actor, default, null); // refused by the guard table: 409 course_state
        var now = clock.GetUtcNow().UtcDateTime;
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .Select(s => new { s.Id, s.EndsAtUtc }).ToListAsync(ct);
        if (sessions.Any(s => s.EndsAtUtc > now))
            throw new BusinessRuleException("sessions_not_over",
                Localized.Text("The course still has sessions to come.", "Khóa học vẫn còn buổi học chưa diễn ra."));
        var ids = sessions.Select(s => s.Id).ToHashSet();
        var partnerName = await db.Partners.Where(p => p.Id == course.PartnerId).Select(p => p.Name).FirstAsync(ct);
        var today = VietnamTime.Today(clock);
        var enrolled = await db.OfAnyUnit().Include(e => e.Attendance)
            .Where(e => e.CourseId == course.Id && e.Status == EnrolmentStatus.Enrolled).ToListAsync(ct);
        foreach (var e in enrolled)
        {
            var attended = e.Attendance.Count(a => ids.Contains(a.SessionId) && CompletionRule.Counts(a.Mark));
            var result = CompletionRule.Evaluate(course, sessions.Count, attended, e.AssessmentPassed);
            e.Conclude(result);
            if (result == CompletionResult.Completed)
                db.Publish(new TrainingCompleted(Guid.CreateVersion7(), now, e.Id, e.OfficialId, e.UnitId, course.Id, course.Code,
                    course.Title, course.Subject.ToString(), partnerName, today));
        }
        course.Complete(access.Actor, now, $"{enrolled.Count(e => e.Result == CompletionResult.Completed)}/{enrolled.Count} completed");
        return course.Id;
    }
}

internal sealed class CompleteCourseEndpoint(IMediator mediator) : ChangedEndpoint<CompleteCourse, AttendanceSheetView>(mediator)
{
    public override void Configure()
    {
        Post(CompleteCourse.Route);
        Policies(Permission.CoursesManage);
        Summary(s => s.Summary = "Complete a running course (If-Match): results are computed by the completion rule and sent to the officials' history");
    }

    protected override IQuery<AttendanceSheetView> ReadBack(CompleteCourse command) => new GetAttendanceSheet { CourseId = command.CourseId };
}
