using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Integrations;

internal sealed class UserDirectory(PlatformDbContext db) : IUserDirectory
{
    public async Task<UserAccess?> FindActiveAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.FullName, u.MustChangePassword }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == userId)
            .Select(g => new Grant(g.Role, g.UnitId)).ToListAsync(ct);
        return new UserAccess(user.Id, user.Email ?? "", user.FullName, grants, user.MustChangePassword);
    }

    public Task<Guid> AccessStampAsync(CancellationToken ct) => db.ReadChangeStampAsync(AccessStamps.Users, ct);

    public async Task<UserAccess?> FindActiveByEmailAsync(string email, CancellationToken ct) =>
        await ActiveUserIdAsync(db, email, ct) is { } userId ? await FindActiveAsync(userId, ct) : null;

    /// <summary>The active account signing in with this e-mail, if there is one.</summary>
    public static async Task<Guid?> ActiveUserIdAsync(PlatformDbContext db, string email, CancellationToken ct)
    {
        var normalized = email.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && !u.IsDisabled)
            .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }
}
