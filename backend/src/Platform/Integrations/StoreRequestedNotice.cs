using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Integrations;

/// <summary>
/// Stores the notices other modules queue with <c>ModuleDbContext.Notify</c>: once per event (the inbox) and once
/// per key (a notice already stored, even by a racing replica, is skipped). A person known by e-mail is looked up
/// now; a notice for an e-mail without an active account is dropped.
/// </summary>
internal sealed class StoreRequestedNotice(PlatformDbContext db, TimeProvider clock) : IntegrationEventHandler<NoticeRequested, PlatformDbContext>(db)
{
    protected override Task HandleOnceAsync(NoticeRequested @event, CancellationToken ct) =>
        NoticeStore.AddAsync(Db, @event.Target, new Notice(@event.Key, @event.Kind, @event.Text, @event.Link, @event.Params), clock.GetUtcNow().UtcDateTime, ct);
}

/// <summary>
/// Removes the notices a module withdrew (<c>ModuleDbContext.Withdraw</c>), with their read marks: e.g. the "report not
/// submitted" reminder once the unit has submitted (#16), so nobody is left with a request already met.
/// </summary>
internal sealed class RemoveWithdrawnNotices(PlatformDbContext db) : IntegrationEventHandler<NoticesWithdrawn, PlatformDbContext>(db)
{
    protected override async Task HandleOnceAsync(NoticesWithdrawn @event, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(@event.KeyPrefix)) return;
        var withdrawn = await Db.Notifications.Where(n => n.Key.StartsWith(@event.KeyPrefix)).ToListAsync(ct);
        if (withdrawn.Count == 0) return;
        var ids = withdrawn.Select(n => n.Id).ToList();
        Db.NotificationReads.RemoveRange(await Db.NotificationReads.Where(r => ids.Contains(r.NotificationId)).ToListAsync(ct));
        Db.Notifications.RemoveRange(withdrawn);
    }
}

internal static class NoticeStore
{
    /// <summary>Adds the notification to <paramref name="db"/> (not saved) unless its key is stored or the person has no active account.</summary>
    public static async Task AddAsync(PlatformDbContext db, NoticeTarget target, Notice notice, DateTime nowUtc, CancellationToken ct)
    {
        if (target.Audience == NoticeAudience.Holders)
        {
            // One notification per holder, keyed by the notice and the user, so that each is stored once.
            var roles = Roles.All.Where(r => Permission.RoleHas(r, target.Permission ?? "")).ToList();
            var holders = await db.Grants.IgnoreQueryFilters().Where(g => g.UnitId == target.Id && roles.Contains(g.Role)).Select(g => g.UserId)
                .Where(u => db.Users.Any(x => x.Id == u && !x.IsDisabled && !x.IsServiceAccount)).Distinct().ToListAsync(ct);
            foreach (var holder in holders.Order())
                await AddAsync(db, NoticeTarget.User(holder), notice with { Key = $"{notice.Key}:{holder:N}" }, nowUtc, ct);
            return;
        }
        var unitId = target.Audience == NoticeAudience.Unit ? target.Id : null;
        var userId = target.Audience switch
        {
            NoticeAudience.User => target.Id,
            NoticeAudience.Person => await UserDirectory.ActiveUserIdAsync(db, target.Email ?? "", ct),
            _ => null,
        };
        if (unitId is null && userId is null) return;
        if (db.Notifications.Local.Any(n => n.Key == notice.Key) || await db.Notifications.AnyAsync(n => n.Key == notice.Key, ct)) return;
        db.Notifications.Add(Notification.For(unitId, userId, notice.Key, notice.Kind, notice.Text, notice.Link, notice.Params, nowUtc));
    }
}
