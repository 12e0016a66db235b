using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Notifications;

/// <summary>The caller's notifications, newest first: those addressed to them and to the units they hold a role over.</summary>
public sealed record ListMyNotifications : IQuery<NotificationsPage>
{
    public const string Route = "/api/v1/me/notifications";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
    /// <summary>Only those not yet read.</summary>
    public bool UnreadOnly { get; init; }
}

internal sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotifications>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100);
    }
}

internal sealed class ListMyNotificationsHandler(PlatformDbContext db, AccessContext access) : IQueryHandler<ListMyNotifications, NotificationsPage>
{
    public async ValueTask<NotificationsPage> Handle(ListMyNotifications query, CancellationToken ct)
    {
        var me = access.UserId!.Value;
        var mine = db.MyNotifications(access).AsNoTracking()
            .Select(n => new { n, Read = db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == me) });
        var unread = await mine.CountAsync(x => !x.Read, ct);
        var filtered = query.UnreadOnly ? mine.Where(x => !x.Read) : mine;
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.OrderByDescending(x => x.n.CreatedAtUtc).ThenByDescending(x => x.n.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var items = rows.Select(x => new NotificationView(x.n.Id, x.n.Kind, x.n.Text, x.n.Link, x.n.Params, x.n.CreatedAtUtc, x.Read)).ToList();
        return new NotificationsPage(items, unread, total, query.Page, query.PageSize);
    }
}

internal sealed class ListMyNotificationsEndpoint(IMediator mediator) : Endpoint<ListMyNotifications, NotificationsPage>
{
    public override void Configure()
    {
        Get(ListMyNotifications.Route);
        Summary(s => s.Summary = "The caller's in-app notifications, newest first, with the unread count");
    }

    public override async Task HandleAsync(ListMyNotifications req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
