using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Khcn.BuildingBlocks.Http;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Attendance;

public sealed record AttendanceEntry(Guid EnrolmentId, AttendanceMark Mark);

/// <summary>
/// Marks of one session for many participants at once, all or nothing: only enrolled participants, only a session
/// that has started, not on a completed or cancelled course. Bad rows are listed per row (marks[i].enrolmentId).
/// </summary>
public sealed record RecordAttendance : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{courseId}/sessions/{sessionId}/attendance";
    public static string For(Guid courseId, Guid sessionId) => $"/api/v1/training/courses/{courseId}/sessions/{sessionId}/attendance";
    public Guid CourseId { get; init; }
    public Guid SessionId { get; init; }
    public List<AttendanceEntry> Marks { get; init; } = [];
}

internal sealed class RecordAttendanceValidator : AbstractValidator<RecordAttendance>
{
    public RecordAttendanceValidator()
    {
        RuleFor(x => x.Marks).NotEmpty();
        RuleForEach(x => x.Marks).ChildRules(m =>
        {
            m.RuleFor(x => x.EnrolmentId).NotEmpty();
            m.RuleFor(x => x.Mark).IsInEnum();
        });
    }
}

/// <summary>Messages of the per-row checks both sheets share.</summary>
internal static class RowMessages
{
    public static string NotAParticipant => Localized.Text("Not a participant of this course.", "Không phải học viên của khóa học này.");
    public static string NothingSaved => Localized.Text("Some rows cannot be recorded; nothing was saved.", "Một số dòng không ghi nhận được nên chưa lưu gì.");
}

internal sealed class RecordAttendanceHandler(TrainingDbContext db, TrainingAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RecordAttendance, Guid>
{
    public async ValueTask<Guid> Handle(RecordAttendance command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.CourseId, Permission.AttendanceRecord, ct);
        course.EnsureParticipantsChangeable();
        var now = clock.GetUtcNow().UtcDateTime;
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SessionId && s.CourseId == course.Id, ct)
                      ?? throw new NotFoundException(Localized.Text("Session", "buổi học"), command.SessionId);
        if (session.Status == SessionStatus.Cancelled)
            throw new BusinessRuleException("session_cancelled",
                Localized.Text("The session was cancelled: no attendance is taken.", "Buổi học đã hủy: không điểm danh."));
        if (session.StartsAtUtc > now)
            throw new BusinessRuleException("session_not_started",
                Localized.Text("Attendance is taken once the session has started.", "Chỉ điểm danh khi buổi học đã bắt đầu."));

        var ids = command.Marks.Select(m => m.EnrolmentId).Distinct().ToList();
        var enrolments = await db.OfCourse(course.Id).Include(e => e.Attendance).Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < command.Marks.Count; i++)
        {
            var row = command.Marks[i];
            if (!enrolments.TryGetValue(row.EnrolmentId, out var e))
                errors[$"marks[{i}].enrolmentId"] = [RowMessages.NotAParticipant];
            else if (e.Status != EnrolmentStatus.Enrolled)
                errors[$"marks[{i}].enrolmentId"] = [Localized.Text($"{e.OfficialName} is {e.Status.ToString().ToLowerInvariant()}, not enrolled.",
                    e.Status == EnrolmentStatus.Waitlisted ? $"{e.OfficialName} đang chờ chỗ, chưa ghi danh vào lớp." : $"{e.OfficialName} đã rút khỏi khóa học.")];
            else if (command.Marks.Take(i).Any(m => m.EnrolmentId == row.EnrolmentId))
                errors[$"marks[{i}].enrolmentId"] = [Localized.Text("The participant appears twice.", "Học viên bị lặp lại.")];
        }
        if (errors.Count > 0)
            throw new BusinessRuleException("attendance_rows", RowMessages.NothingSaved, errors);

        foreach (var row in command.Marks)
            enrolments[row.EnrolmentId].Mark(session.Id, row.Mark, access.Actor.Name, now);
        return course.Id;
    }
}

internal sealed class RecordAttendanceEndpoint(IMediator mediator) : ChangedEndpoint<RecordAttendance, AttendanceSheetView>(mediator)
{
    public override void Configure()
    {
        Put(RecordAttendance.Route);
        Policies(Permission.AttendanceRecord);
        Summary(s => s.Summary = "Record a session's attendance for many participants (all or nothing, per-row errors)");
    }

    protected override IQuery<AttendanceSheetView> ReadBack(RecordAttendance req) => new GetAttendanceSheet { CourseId = req.CourseId };
}
