using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;

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
}
