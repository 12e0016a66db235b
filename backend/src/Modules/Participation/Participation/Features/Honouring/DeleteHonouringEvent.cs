using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The holding unit calls off an honouring event before its day (If-Match with the event's ETag: 428 missing, 412
/// stale; audited): its certificates go with it (their codes no longer verify) and its decisions may be honoured at
/// another event. 409 <c>honouring_event_held</c> from its day on: a held event stays as the record of the certificates
/// handed out. 403 without the decide permission over the unit, 404 outside scope.
/// </summary>
public sealed record DeleteHonouringEvent : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class DeleteHonouringEventHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<DeleteHonouringEvent, Guid>
{
    public async ValueTask<Guid> Handle(DeleteHonouringEvent command, CancellationToken ct)
    {
        var e = await access.HonouringEventForChangeAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, e, command.IfMatch);
        e.EnsureNotHeld(VietnamTime.Today(clock));
        db.HonouringEvents.Remove(e);
        return e.Id;
    }
}

internal sealed class DeleteHonouringEventEndpoint(IMediator mediator) : Endpoint<DeleteHonouringEvent>
{
    public override void Configure()
    {
        Delete(DeleteHonouringEvent.Route);
        Policies(Permission.CommendationsDecide);
        Summary(s =>
        {
            s.Summary = "Call off an honouring event before its day, with its certificates (If-Match; 412 when stale; 409 honouring_event_held)";
            s.Response(204, "Deleted.");
        });
    }

    public override async Task HandleAsync(DeleteHonouringEvent req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
