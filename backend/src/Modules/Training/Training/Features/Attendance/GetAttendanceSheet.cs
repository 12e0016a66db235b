using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Attendance;

public sealed record SheetSession(Guid Id, string Topic, DateTime StartsAt, DateTime EndsAt, bool Started);

public sealed record SheetMark(Guid SessionId, AttendanceMark Mark);

/// <summary>
/// One enrolled participant's row: marks, the share attended, the assessment, the result the completion rule
/// gives now (<see cref="ComputedResult"/>) and the result fixed at completion (<see cref="Result"/>).
/// </summary>
public sealed record SheetRow(
    Guid EnrolmentId, Guid OfficialId, string OfficialName, string? OfficialPosition, List<SheetMark> Marks, int Attended,
    int AttendancePercent, bool? AssessmentPassed, CompletionResult ComputedResult, CompletionResult Result);

public sealed record AttendanceSheetView(
    Guid CourseId, string Code, string Title, CourseStatus Status, long CourseVersion, int MinAttendancePercent,
    bool AssessmentRequired, List<SheetSession> Sessions, List<SheetRow> Rows);

/// <summary>Participants × sessions with their marks and the live computed result (the coordinator, the course's partner).</summary>
public sealed record GetAttendanceSheet : IQuery<AttendanceSheetView>
{
    public const string Route = "/api/v1/training/courses/{courseId}/attendance";
    public static string For(Guid courseId) => $"/api/v1/training/courses/{courseId}/attendance";
    public Guid CourseId { get; init; }
}

internal sealed class GetAttendanceSheetHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock)
    : IQueryHandler<GetAttendanceSheet, AttendanceSheetView>
{
    public async ValueTask<AttendanceSheetView> Handle(GetAttendanceSheet query, CancellationToken ct)
    {
        var course = await access.CourseForAsync(query.CourseId, Permission.AttendanceRecord, ct);
        return await BuildAsync(db, course, clock.GetUtcNow().UtcDateTime, ct);
    }

    internal static async Task<AttendanceSheetView> BuildAsync(TrainingDbContext db, Course course, DateTime nowUtc, CancellationToken ct)
    {
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .OrderBy(s => s.StartsAtUtc).ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToHashSet();
        var enrolments = await db.OfCourse(course.Id).AsNoTracking().Include(e => e.Attendance)
            .Where(e => e.Status == EnrolmentStatus.Enrolled).OrderBy(e => e.OfficialName).ThenBy(e => e.QueueNumber).ToListAsync(ct);
        var rows = enrolments.Select(e =>
        {
            var marks = e.Attendance.Where(a => ids.Contains(a.SessionId)).Select(a => new SheetMark(a.SessionId, a.Mark)).ToList();
            var attended = marks.Count(m => CompletionRule.Counts(m.Mark));
            return new SheetRow(e.Id, e.OfficialId, e.OfficialName, e.OfficialPosition, marks, attended,
                CompletionRule.Percent(sessions.Count, attended), e.AssessmentPassed,
                CompletionRule.Evaluate(course, sessions.Count, attended, e.AssessmentPassed), e.Result);
        }).ToList();
        return new AttendanceSheetView(course.Id, course.Code, course.Title, course.Status, course.Version, course.MinAttendancePercent,
            course.AssessmentRequired, sessions.Select(s => new SheetSession(s.Id, s.Topic, s.StartsAtUtc, s.EndsAtUtc, s.StartsAtUtc <= nowUtc)).ToList(),
            rows);
    }
}

internal sealed class GetAttendanceSheetEndpoint(IMediator mediator) : Endpoint<GetAttendanceSheet, AttendanceSheetView>
{
    public override void Configure()
    {
        Get(GetAttendanceSheet.Route);
        Policies(Permission.AttendanceRecord);
        Summary(s => s.Summary = "Attendance sheet: enrolled participants × sessions, marks and the computed result");
    }

    public override async Task HandleAsync(GetAttendanceSheet req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
