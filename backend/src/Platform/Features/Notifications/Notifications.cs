using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Notifications;

/// <summary>An in-app notification for a unit's officers or for one user (see <see cref="Notice"/>).</summary>
internal sealed class Notification : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Key { get; set; } = "";
    public Guid? UnitId { get; set; }
    public Guid? UserId { get; set; }
    public string Kind { get; set; } = "";
    public string Text { get; set; } = "";
    public string? Link { get; set; }
    public string? ParamsJson { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

internal sealed class NotificationRead : INotAudited
{
    public Guid NotificationId { get; set; }
    public Guid UserId { get; set; }
    public DateTime ReadAtUtc { get; set; }
}

/// <summary>Stores notices in platform.notifications, once per key (a duplicate key, even from a racing replica, is ignored).</summary>
internal sealed class Notifier(PlatformContexts contexts, TimeProvider clock) : INotifier
{
    public Task NotifyUnitAsync(Guid unitId, Notice notice, CancellationToken ct) => AddAsync(unitId, null, notice, ct);

    public Task NotifyUserAsync(Guid userId, Notice notice, CancellationToken ct) => AddAsync(null, userId, notice, ct);

    public async Task NotifyPersonAsync(string email, Notice notice, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        Guid? userId;
        await using (var db = contexts.Create())
            userId = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && !u.IsDisabled)
                .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (userId is { } id) await AddAsync(null, id, notice, ct);
    }

    private async Task AddAsync(Guid? unitId, Guid? userId, Notice notice, CancellationToken ct)
    {
        await using var db = contexts.Create();
        if (await db.Notifications.AnyAsync(n => n.Key == notice.Key, ct)) return;
        db.Notifications.Add(new Notification
        {
            Key = notice.Key,
            UnitId = unitId,
            UserId = userId,
            Kind = notice.Kind,
            Text = notice.Text,
            Link = notice.Link,
            ParamsJson = notice.Params is null ? null : JsonSerializer.Serialize(notice.Params),
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { /* the same key was stored meanwhile */ }
    }
}

public sealed record NotificationView(Guid Id, string Kind, string Text, string? Link, IReadOnlyDictionary<string, string>? Params, DateTime CreatedAtUtc, bool Read);

public sealed record NotificationsPage(IReadOnlyList<NotificationView> Items, int UnreadCount, int Total, int Page, int PageSize);

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

internal static class MyNotifications
{
    public static IQueryable<Notification> Of(PlatformDbContext db, AccessContext access)
    {
        var me = access.UserId!.Value;
        var units = access.Grants.Select(g => g.UnitId).Distinct().ToList();
        return db.Notifications.Where(n => n.UserId == me || (n.UnitId != null && units.Contains(n.UnitId.Value)));
    }
}

internal sealed class ListMyNotificationsHandler(PlatformDbContext db, AccessContext access) : IQueryHandler<ListMyNotifications, NotificationsPage>
{
    public async ValueTask<NotificationsPage> Handle(ListMyNotifications query, CancellationToken ct)
    {
        var me = access.UserId!.Value;
        var mine = MyNotifications.Of(db, access).AsNoTracking()
            .Select(n => new { n, Read = db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserId == me) });
        var unread = await mine.CountAsync(x => !x.Read, ct);
        var filtered = query.UnreadOnly ? mine.Where(x => !x.Read) : mine;
        var total = await filtered.CountAsync(ct);
        var rows = await filtered.OrderByDescending(x => x.n.CreatedAtUtc).ThenByDescending(x => x.n.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(ct);
        var items = rows.Select(x => new NotificationView(x.n.Id, x.n.Kind, x.n.Text, x.n.Link,
            x.n.ParamsJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(x.n.ParamsJson),
            x.n.CreatedAtUtc, x.Read)).ToList();
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
        if (!await MyNotifications.Of(db, access).AnyAsync(n => n.Id == command.Id, ct)) throw new NotFoundException(Localized.Text("Notification", "thông báo"), command.Id);
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
