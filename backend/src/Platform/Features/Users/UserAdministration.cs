using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>Rules shared by the user-administration use cases.</summary>
internal sealed class UserAdministration(PlatformDbContext db, IMediator mediator, TimeProvider clock)
{
    public async Task<UserGrant> AddGrantAsync(Guid userId, GrantInput grant, CancellationToken ct)
    {
        var units = await mediator.Send(new GetUnitSummaries([grant.UnitId]), ct);
        if (units.Count == 0 || !db.Access.CanSee(grant.UnitId)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), grant.UnitId);
        db.Access.Demand(Permission.UsersManage, grant.UnitId, Localized.Text("Unit", "đơn vị"), grant.UnitId);
        if (await db.Grants.AnyAsync(g => g.UserId == userId && g.Role == grant.Role && g.UnitId == grant.UnitId, ct))
            throw new BusinessRuleException("grant_exists",
                Localized.Text("The user already holds this role in this unit.", "Người dùng đã có vai trò này tại đơn vị này."));
        var entity = new UserGrant { UserId = userId, Role = grant.Role, UnitId = grant.UnitId };
        db.Grants.Add(entity);
        return entity;
    }

    public async Task<UserView> ViewAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == userId, ct);
        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == userId).OrderBy(g => g.Role).ToListAsync(ct);
        var names = (await mediator.Send(new GetUnitSummaries(grants.Select(g => g.UnitId).ToList()), ct)).ToDictionary(u => u.Id, u => u.Name);
        return ToView(user, grants, names);
    }

    public UserView ToView(AppUser user, IEnumerable<UserGrant> grants, IReadOnlyDictionary<Guid, string> unitNames)
    {
        var lockedUntil = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end.UtcDateTime : (DateTime?)null;
        return new UserView(user.Id, user.Email!, user.FullName, user.IsDisabled, lockedUntil,
            grants.Select(g => new UserGrantView(g.Id, g.Role, g.UnitId, unitNames.GetValueOrDefault(g.UnitId))).ToList());
    }
}
