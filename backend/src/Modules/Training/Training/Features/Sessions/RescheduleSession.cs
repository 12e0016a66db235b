using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

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
        Concurrency.GuardUpdate(db, session, command.IfMatch);
        await SessionRules.EnsureInstructorAsync(db, course, command.InstructorId, ct);
        var room = await Partners.PartnerVenues.CanonicalAsync(db, course.PartnerId, command.Room, ct);
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

internal sealed class RescheduleSessionEndpoint(IMediator mediator) : ChangedEndpoint<RescheduleSession, SessionView>(mediator)
{
    public override void Configure()
    {
        Put(RescheduleSession.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Reschedule a session (If-Match; times with offset, returned in +07:00; 409 session_clash); participants are notified");
    }

    protected override IQuery<SessionView> ReadBack(RescheduleSession command) => new GetSession(command.Id, command.SessionId);
}
