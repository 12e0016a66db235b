using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>Gives a user a role over a unit (and everything below it).</summary>
public sealed record GrantRole : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/admin/users/{id}/grants";
    public Guid Id { get; init; }
    public string Role { get; init; } = "";
    public Guid UnitId { get; init; }
}

internal sealed class GrantRoleValidator : AbstractValidator<GrantRole>
{
    public GrantRoleValidator()
    {
        RuleFor(x => x.Role).NotEmpty().Must(Roles.IsKnown).WithMessage($"Role must be one of: {string.Join(", ", Roles.All)}.",
            $"Vai trò phải là một trong: {string.Join(", ", Roles.All)}.");
        RuleFor(x => x.UnitId).NotEmpty();
    }
}

internal sealed class GrantRoleHandler(PlatformDbContext db, IMediator mediator) : Mediator.ICommandHandler<GrantRole, Guid>
{
    public async ValueTask<Guid> Handle(GrantRole command, CancellationToken ct)
    {
        var user = await db.VisibleUserAsync(command.Id, ct);
        return (await UserGrants.AddAsync(db, mediator, user.Id, new GrantInput { Role = command.Role, UnitId = command.UnitId }, ct)).Id;
    }
}

/// <summary>Giving a role, here and when a user is created: the unit in the caller's rights, not held twice.</summary>
internal static class UserGrants
{
    public static async Task<UserGrant> AddAsync(PlatformDbContext db, IMediator mediator, Guid userId, GrantInput grant, CancellationToken ct)
    {
        await db.DemandGrantableUnitAsync(mediator, grant.UnitId, ct);
        if (await db.Grants.AnyAsync(g => g.UserId == userId && g.Role == grant.Role && g.UnitId == grant.UnitId, ct))
            throw new BusinessRuleException("grant_exists",
                Localized.Text("The user already holds this role in this unit.", "Người dùng đã có vai trò này tại đơn vị này."));
        var entity = new UserGrant { UserId = userId, Role = grant.Role, UnitId = grant.UnitId };
        db.Grants.Add(entity);
        return entity;
    }
}

internal sealed class GrantRoleEndpoint(IMediator mediator) : CreatedEndpoint<GrantRole, UserView>(mediator)
{
    public override void Configure()
    {
        Post(GrantRole.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Assign a role to a user in a unit";
            s.Response<UserView>(201, "The user with the new role.");
        });
    }

    protected override IQuery<UserView> ReadBack(GrantRole command, Guid id) => new GetUser { Id = command.Id };

    protected override string Location(GrantRole command, Guid id) => $"/api/v1/admin/users/{command.Id}";
}
