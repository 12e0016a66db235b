using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Access;

/// <summary>Platform's record-level access: who sees which row beyond the permissions of <see cref="AccessContext"/>.</summary>
internal static class PlatformAccess
{
    /// <summary>The caller's notifications: those addressed to them and to the units they hold a role over.</summary>
    public static IQueryable<Notification> MyNotifications(this PlatformDbContext db, AccessContext access)
    {
        var me = access.UserId!.Value;
        var units = access.Grants.Select(g => g.UnitId).Distinct().ToList();
        return db.Notifications.Where(n => n.UserId == me || (n.UnitId != null && units.Contains(n.UnitId.Value)));
    }

    /// <summary>The user, if some grant of theirs lies in the caller's scope (or the caller is province-wide); else 404.</summary>
    public static async Task<AppUser> VisibleUserAsync(this PlatformDbContext db, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException(Localized.Text("User", "người dùng"), userId);
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
}
