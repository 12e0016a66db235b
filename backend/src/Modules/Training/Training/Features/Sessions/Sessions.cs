using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Khcn.Training.Features.Courses;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Khcn.Training.Features.Enrolments;

namespace Khcn.Training.Features.Sessions;

public sealed record ListSessions : IQuery<IReadOnlyList<SessionView>>
{
    public const string Route = "/api/v1/training/courses/{id}/sessions";
    public Guid Id { get; init; }
}

internal sealed class ListSessionsHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<ListSessions, IReadOnlyList<SessionView>>
{
    public async ValueTask<IReadOnlyList<SessionView>> Handle(ListSessions query, CancellationToken ct)
    {
        var course = await access.CourseAsync(query.Id, ct, tracked: false);
        return await CourseViews.SessionsAsync(db, course.Id, ct);
    }
}

internal sealed class ListSessionsEndpoint(IMediator mediator) : Endpoint<ListSessions, IReadOnlyList<SessionView>>
{
    public override void Configure()
    {
        Get(ListSessions.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a course's sessions (times returned with offset +07:00, Asia/Ho_Chi_Minh)");
    }

    public override async Task HandleAsync(ListSessions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>When, where and with whom a session takes place.</summary>
public abstract record SessionFields
{
    public string Topic { get; init; } = "";
    /// <summary>ISO 8601 with offset, e.g. 2025-03-10T08:00:00+07:00 (stored in UTC, shown in Asia/Ho_Chi_Minh).</summary>
    public DateTimeOffset StartsAt { get; init; }
    /// <summary>ISO 8601 with offset; after startsAt.</summary>
    public DateTimeOffset EndsAt { get; init; }
    public string Room { get; init; } = "";
    /// <summary>One of the partner agency's instructors.</summary>
    public Guid? InstructorId { get; init; }

    internal DateTime StartsAtUtc => StartsAt.UtcDateTime;
    internal DateTime EndsAtUtc => EndsAt.UtcDateTime;
}

internal static class SessionFieldRules
{
    public static void AddSessionRules<T>(this AbstractValidator<T> v) where T : SessionFields
    {
        v.RuleFor(x => x.Topic).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Room).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.StartsAt).NotEmpty();
        v.RuleFor(x => x.EndsAt).NotEmpty().GreaterThan(x => x.StartsAt).WithMessage("A session ends after it starts.", "Buổi học phải kết thúc sau khi bắt đầu.");
        v.RuleFor(x => x).Must(x => x.EndsAt - x.StartsAt <= TimeSpan.FromHours(12))
            .WithName("endsAt").WithMessage("A session lasts at most 12 hours.", "Mỗi buổi học kéo dài tối đa 12 giờ.");
    }
}

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

/// <summary>Schedules a session of a course (the coordinator or the course's partner); 409 session_clash when a room or instructor is taken.</summary>
public sealed record ScheduleSession : SessionFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/sessions";
    public Guid Id { get; init; }
}

internal sealed class ScheduleSessionValidator : AbstractValidator<ScheduleSession>
{
    public ScheduleSessionValidator() => this.AddSessionRules();
}

internal sealed class ScheduleSessionHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<ScheduleSession, Guid>
{
    public async ValueTask<Guid> Handle(ScheduleSession command, CancellationToken ct)
    {
        var course = await SessionRules.CourseForSchedulingAsync(access, command.Id, ct);
        await SessionRules.EnsureInstructorAsync(db, course, command.InstructorId, ct);
        var session = Session.Schedule(course, command.Topic, command.StartsAtUtc, command.EndsAtUtc, command.Room, command.InstructorId);
        await SessionScheduling.SaveWithoutClashAsync(db, course.PartnerId, session.StartsAtUtc, session.EndsAtUtc, session.Room,
            session.InstructorId, null, () => db.Sessions.Add(session), ct);
        return session.Id;
    }
}

internal sealed class ScheduleSessionEndpoint(IMediator mediator) : Endpoint<ScheduleSession, SessionView>
{
    public override void Configure()
    {
        Post(ScheduleSession.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s =>
        {
            s.Summary = "Schedule a session: times ISO 8601 with offset, entered and returned in Asia/Ho_Chi_Minh (+07:00); 409 session_clash names the conflicting session";
            s.Response<SessionView>(201, "The session.");
        });
    }

    public override async Task HandleAsync(ScheduleSession req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.ResponseAsync(await mediator.Send(new GetSession(req.Id, id), ct), StatusCodes.Status201Created, ct);
    }
}

/// <summary>Moves a session (If-Match with the session's ETag); enrolled participants are notified.</summary>
public sealed record RescheduleSession : SessionFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/sessions/{sessionId}";
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class RescheduleSessionValidator : AbstractValidator<RescheduleSession>
{
    public RescheduleSessionValidator() => this.AddSessionRules();
}

internal sealed class RescheduleSessionHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<RescheduleSession, Guid>
{
    public async ValueTask<Guid> Handle(RescheduleSession command, CancellationToken ct)
    {
        var course = await SessionRules.CourseForSchedulingAsync(access, command.Id, ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId && s.CourseId == course.Id, ct)
                      ?? throw new NotFoundException(Localized.Text("Session", "buổi học"), command.SessionId);
        ETags.GuardUpdate(db, session, command.IfMatch);
        await SessionRules.EnsureInstructorAsync(db, course, command.InstructorId, ct);
        var room = command.Room.Trim();
        var participants = await SessionRules.ParticipantEmailsAsync(db, course.Id, ct);
        // The notices are saved with the move, in the scheduling transaction.
        await SessionScheduling.SaveWithoutClashAsync(db, course.PartnerId, command.StartsAtUtc, command.EndsAtUtc, room,
            command.InstructorId, session.Id, () =>
            {
                session.Reschedule(command.Topic, command.StartsAtUtc, command.EndsAtUtc, room, command.InstructorId);
                SessionNotices.Notify(db, course, session, participants, "session.rescheduled",
                    $"Buổi học \"{session.Topic}\" của khóa {course.Code} đổi lịch: {session.LocalTimeText()}.");
            }, ct);
        return session.Id;
    }
}

internal sealed class RescheduleSessionEndpoint(IMediator mediator) : Endpoint<RescheduleSession, SessionView>
{
    public override void Configure()
    {
        Put(RescheduleSession.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Reschedule a session (If-Match; times with offset, returned in +07:00; 409 session_clash); participants are notified");
    }

    public override async Task HandleAsync(RescheduleSession req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetSession(req.Id, id), ct), ct);
    }
}

/// <summary>Cancels a session; enrolled participants are notified and calendars follow.</summary>
public sealed record CancelSession : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/courses/{id}/sessions/{sessionId}/cancel";
    public Guid Id { get; init; }
    public Guid SessionId { get; init; }
}

internal sealed class CancelSessionHandler(TrainingDbContext db, TrainingAccess access) : Mediator.ICommandHandler<CancelSession, Guid>
{
    public async ValueTask<Guid> Handle(CancelSession command, CancellationToken ct)
    {
        var course = await SessionRules.CourseForSchedulingAsync(access, command.Id, ct);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.SessionId && s.CourseId == course.Id, ct)
                      ?? throw new NotFoundException(Localized.Text("Session", "buổi học"), command.SessionId);
        if (session.Status == SessionStatus.Cancelled)
            throw new BusinessRuleException("session_cancelled", Localized.Text("The session is already cancelled.", "Buổi học đã bị hủy."));
        session.Cancel();
        SessionNotices.Notify(db, course, session, await SessionRules.ParticipantEmailsAsync(db, course.Id, ct), "session.cancelled",
            $"Buổi học \"{session.Topic}\" ({session.LocalTimeText()}) của khóa {course.Code} đã bị hủy.");
        return session.Id;
    }
}

internal sealed class CancelSessionEndpoint(IMediator mediator) : Endpoint<CancelSession, SessionView>
{
    public override void Configure()
    {
        Post(CancelSession.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Cancel a session; enrolled participants are notified");
    }

    public override async Task HandleAsync(CancelSession req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        await Send.OkAsync(await mediator.Send(new GetSession(req.Id, id), ct), ct);
    }
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

/// <summary>One session of a course as the API answers it (read back after a change).</summary>
internal sealed record GetSession(Guid CourseId, Guid SessionId) : IQuery<SessionView>;

internal sealed class GetSessionHandler(TrainingDbContext db) : IQueryHandler<GetSession, SessionView>
{
    public async ValueTask<SessionView> Handle(GetSession query, CancellationToken ct) => await CourseViews.SessionAsync(db, query.CourseId, query.SessionId, ct);
}
