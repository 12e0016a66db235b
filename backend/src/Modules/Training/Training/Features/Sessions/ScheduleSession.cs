using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Sessions;

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

/// <summary>
/// Commits inside its clash-check transaction, so it marks its commit itself (<c>IdempotentRequest.MarkCommit</c>):
/// a keyed retry after a crash between the commit and the answer returns this session instead of meeting it as a clash.
/// </summary>
internal sealed class ScheduleSessionHandler(TrainingDbContext db, TrainingAccess access, IdempotentRequest idempotent, TimeProvider clock)
    : Mediator.ICommandHandler<ScheduleSession, Guid>
{
    public async ValueTask<Guid> Handle(ScheduleSession command, CancellationToken ct)
    {
        var course = await SessionRules.CourseForSchedulingAsync(access, command.Id, ct);
        await SessionRules.EnsureInstructorAsync(db, course, command.InstructorId, ct);
        var room = await Partners.PartnerVenues.CanonicalAsync(db, course.PartnerId, command.Room, ct);
        var session = Session.Schedule(course, command.Topic, command.StartsAtUtc, command.EndsAtUtc, room, command.InstructorId);
        await SessionScheduling.SaveWithoutClashAsync(db, course.PartnerId, session.StartsAtUtc, session.EndsAtUtc, session.Room,
            session.InstructorId, null, () =>
            {
                db.Sessions.Add(session);
                idempotent.MarkCommit<ScheduleSession, Guid>(db, session.Id, clock.GetUtcNow().UtcDateTime);
            }, ct);
        return session.Id;
    }
}

internal sealed class ScheduleSessionEndpoint(IMediator mediator) : CreatedEndpoint<ScheduleSession, SessionView>(mediator)
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

    protected override IQuery<SessionView> ReadBack(ScheduleSession command, Guid id) => new GetSession(command.Id, id);

    protected override string Location(ScheduleSession command, Guid id) => $"/api/v1/training/courses/{command.Id}/sessions/{id}";
}
