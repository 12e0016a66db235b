using FluentValidation;
using Khcn.BuildingBlocks.Application;
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
    /// <summary>The user, if some grant of theirs lies in the caller's scope (or the caller is province-wide).</summary>
    public async Task<AppUser> FindVisibleAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct) ?? throw new NotFoundException(Localized.Text("User", "người dùng"), userId);
        if (db.Access.Unrestricted) return user;
        var units = await db.Grants.Where(g => g.UserId == userId).Select(g => g.UnitId).ToListAsync(ct);
        if (!units.Any(db.Access.CanSee)) throw new NotFoundException(Localized.Text("User", "người dùng"), userId);
        return user;
    }

    /// <summary>Changing a user needs user-management rights over every unit they hold a role in.</summary>
    public async Task DemandManageAsync(AppUser user, CancellationToken ct)
    {
        var units = await db.Grants.Where(g => g.UserId == user.Id).Select(g => g.UnitId).ToListAsync(ct);
        if (units.Any(u => !db.Access.Can(Permission.UsersManage, u))) throw new ForbiddenException(Localized.Text("This user holds roles outside your scope.", "Người dùng này có vai trò ở đơn vị ngoài phạm vi của bạn."));
    }

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

internal sealed class GrantInputValidator : AbstractValidator<GrantInput>
{
    public GrantInputValidator()
    {
        RuleFor(x => x.Role).NotEmpty().Must(Roles.IsKnown).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.",
            $"Vai trò phải là một trong: {string.Join(", ", Roles.All)}.");
        RuleFor(x => x.UnitId).NotEmpty();
    }
}
