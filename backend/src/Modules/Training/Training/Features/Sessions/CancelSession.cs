using FastEndpoints;
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

internal sealed class CancelSessionEndpoint(IMediator mediator) : ChangedEndpoint<CancelSession, SessionView>(mediator)
{
    public override void Configure()
    {
        Post(CancelSession.Route);
        Policies(Permission.SessionsSchedule);
        Summary(s => s.Summary = "Cancel a session; enrolled participants are notified");
    }

    protected override IQuery<SessionView> ReadBack(CancelSession command) => new GetSession(command.Id, command.SessionId);
}
