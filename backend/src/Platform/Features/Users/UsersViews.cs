using Khcn.Organization.Contracts;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

public sealed record UserGrantView(Guid Id, string Role, Guid UnitId, string? UnitName);

public sealed record UserView(Guid Id, string Email, string FullName, bool IsDisabled, DateTime? LockedUntil, IReadOnlyList<UserGrantView> Grants);

public sealed record GrantInput
{
    /// <summary>One of the roles of domain.md §3 (admin, federation-leader, …).</summary>
    public string Role { get; init; } = "";
    public Guid UnitId { get; init; }
}

/// <summary>Builds <see cref="UserView"/>: the user's grants with their units' names (from Organization) and the lockout as it stands now.</summary>
internal static class UserViews
{
    public static async Task<UserView> UserViewAsync(this PlatformDbContext db, IMediator mediator, TimeProvider clock, Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.Role).ToListAsync(ct);
        var names = (await mediator.Send(new GetUnitSummaries(grants.Select(g => g.UnitId).ToList()), ct)).ToDictionary(u => u.Id, u => u.Name);
        return ToView(user, grants, names, clock);
    }

    public static UserView ToView(AppUser user, IEnumerable<UserGrant> grants, IReadOnlyDictionary<Guid, string> unitNames, TimeProvider clock)
    {
        var lockedUntil = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end.UtcDateTime : (DateTime?)null;
        return new UserView(user.Id, user.Email!, user.FullName, user.IsDisabled, lockedUntil,
            grants.Select(g => new UserGrantView(g.Id, g.Role, g.UnitId, unitNames.GetValueOrDefault(g.UnitId))).ToList());
    }
}
