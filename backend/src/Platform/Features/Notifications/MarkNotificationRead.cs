using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Notifications;

/// <summary>Marks one of the caller's notifications read (404 when it is not theirs).</summary>
public sealed record MarkNotificationRead : Mediator.ICommand<Mediator.Unit>
{
    public const string Route = "/api/v1/me/notifications/{id}/read";
    public Guid Id { get; init; }
}

internal sealed class MarkNotificationReadHandler(PlatformDbContext db, AccessContext access, TimeProvider clock) : Mediator.ICommandHandler<MarkNotificationRead, Mediator.Unit>
{
    public async ValueTask<Mediator.Unit> Handle(MarkNotificationRead command, CancellationToken ct)
    {
        var me = access.UserId!.Value;
        if (!await db.MyNotifications(access).AnyAsync(n => n.Id == command.Id, ct)) throw new NotFoundException(Localized.Text("Notification", "thông báo"), command.Id);
        if (!await db.NotificationReads.AnyAsync(r => r.NotificationId == command.Id && r.UserId == me, ct))
            db.NotificationReads.Add(new NotificationRead { NotificationId = command.Id, UserId = me, ReadAtUtc = clock.GetUtcNow().UtcDateTime });
        return Mediator.Unit.Value;
    }
}

internal sealed class MarkNotificationReadEndpoint(IMediator mediator) : Endpoint<MarkNotificationRead>
{
    public override void Configure()
    {
        Post(MarkNotificationRead.Route);
        Summary(s =>
        {
            s.Summary = "Mark a notification read";
            s.Response(204, "Marked read.");
        });
    }

    public override async Task HandleAsync(MarkNotificationRead req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
