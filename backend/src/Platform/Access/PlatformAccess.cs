using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Access;

/// <summary>Platform's record-level access: who sees which row beyond the permissions of <see cref="AccessContext"/>.</summary>
internal static class PlatformAccess
{
    /// <summary>The caller's notifications: those addressed to them and to the units they hold a role over.</summary>
    public static IQueryable<Notification> MyNotifications(this PlatformDbContext db, AccessContext access)
    {
        var me = access.UserId!.Value;
        // A unit's notices are for the people who act for it: not its members (a member heard of their own enrolment
        // once, addressed to them, and again through the unit, in the third person — #16), nor a partner, whose grant
        // sits on the unit that admitted its agency.
        var units = access.Grants.Where(g => g.Role != Roles.Member && !Roles.IsAgencyScoped(g.Role)).Select(g => g.UnitId).Distinct().ToList();
        // One notice per person per event: a unit's notice that the caller was also sent in their own name (the same kind,
        // link and words — e.g. a topic's lead who is an officer of the proposing unit, told of its cancellation) is shown
        // once, as theirs.
        return db.Notifications.Where(n => n.UserId == me || (n.UnitId != null && units.Contains(n.UnitId.Value)
            && !db.Notifications.Any(p => p.UserId == me && p.Kind == n.Kind && p.Link == n.Link && p.Text == n.Text)));
    }

    /// <summary>The user, if some grant of theirs lies in the caller's scope (or the caller is province-wide); else 404.</summary>
    public static async Task<AppUser> VisibleUserAsync(this PlatformDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && !u.IsServiceAccount, ct) ?? throw new NotFoundException(Localized.Text("User", "người dùng"), userId);
        if (db.Access.Unrestricted) return user;
        var units = await db.Grants.Where(g => g.UserId == userId).Select(g => g.UnitId).ToListAsync(ct);
        if (!units.Any(db.Access.CanSee)) throw new NotFoundException(Localized.Text("User", "người dùng"), userId);
        return user;
    }

    /// <summary>Changing a user needs user-management rights over every unit they hold a role in (403 otherwise).</summary>
    public static async Task DemandManageAsync(this PlatformDbContext db, AppUser user, CancellationToken ct)
    {
        var units = await db.Grants.Where(g => g.UserId == user.Id).Select(g => g.UnitId).ToListAsync(ct);
        if (units.Any(u => !db.Access.Can(Permission.UsersManage, u))) throw new ForbiddenException(Localized.Text("This user holds roles outside your scope.", "Người dùng này có vai trò ở đơn vị ngoài phạm vi của bạn."));
    }

    /// <summary>The users holding a role in the caller's scope (everyone for a province-wide caller).</summary>
    public static IQueryable<AppUser> VisibleUsers(this PlatformDbContext db)
    {
        // Integrator clients' service accounts are administered as clients, not as people.
        var users = db.Users.Where(u => !u.IsServiceAccount);
        if (db.Access.Unrestricted) return users;
        var visible = db.Access.VisibleUnitIds;
        return users.Where(u => db.Grants.Any(g => g.UserId == u.Id && visible.Contains(g.UnitId)));
    }

    /// <summary>A role over a unit is given only by those managing users there: 404 for a unit unknown or out of sight, 403 without the right.</summary>
    public static async Task DemandGrantableUnitAsync(this PlatformDbContext db, IMediator mediator, Guid unitId, CancellationToken ct)
    {
        var units = await mediator.Send(new GetUnitSummaries([unitId]), ct);
        if (units.Count == 0 || !db.Access.CanSee(unitId)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
        db.Access.Demand(Permission.UsersManage, unitId, Localized.Text("Unit", "đơn vị"), unitId);
    }

    /// <summary>The integrator clients bound to a unit in the caller's scope.</summary>
    public static IQueryable<IntegratorClient> VisibleClients(this PlatformDbContext db)
    {
        if (db.Access.Unrestricted) return db.IntegratorClients;
        var visible = db.Access.VisibleUnitIds;
        return db.IntegratorClients.Where(c => visible.Contains(c.UnitId));
    }

    /// <summary>A client in the caller's scope, else 404.</summary>
    public static async Task<IntegratorClient> VisibleClientAsync(this PlatformDbContext db, Guid id, CancellationToken ct) =>
        await db.VisibleClients().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException(Localized.Text("Integrator client", "ứng dụng tích hợp"), id);

    /// <summary>A client the caller may change: 404 outside the scope, 403 without user management over its unit.</summary>
    public static async Task<IntegratorClient> ManagedClientAsync(this PlatformDbContext db, Guid id, CancellationToken ct)
    {
        var client = await db.VisibleClientAsync(id, ct);
        db.Access.Demand(Permission.UsersManage, client.UnitId, Localized.Text("Integrator client", "ứng dụng tích hợp"), id);
        return client;
    }

    /// <summary>
    /// The audit trail the caller may read. Module contexts filter by scope already; the platform context has no
    /// unit-owned filter, so the entries are narrowed here to the units in scope.
    /// </summary>
    public static IQueryable<AuditEntry> VisibleAudit(this IQueryable<AuditEntry> entries, AccessContext access)
    {
        if (access.Unrestricted) return entries;
        var visible = access.VisibleUnitIds;
        return entries.Where(e => e.UnitId != null && visible.Contains(e.UnitId.Value));
    }
}
