using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>One user in the caller's scope.</summary>
public sealed record GetUser : IQuery<UserView>
{
    public const string Route = "/api/v1/admin/users/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetUserHandler(UserAdministration admin) : IQueryHandler<GetUser, UserView>
{
    public async ValueTask<UserView> Handle(GetUser query, CancellationToken ct)
    {
        await admin.FindVisibleAsync(query.Id, ct);
        return await admin.ViewAsync(query.Id, ct);
    }
}

internal sealed class GetUserEndpoint(IMediator mediator) : Endpoint<GetUser, UserView>
{
    public override void Configure()
    {
        Get(GetUser.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Get a user");
    }

    public override async Task HandleAsync(GetUser req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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

internal sealed class GrantRoleHandler(UserAdministration admin) : Mediator.ICommandHandler<GrantRole, Guid>
{
    public async ValueTask<Guid> Handle(GrantRole command, CancellationToken ct)
    {
        var user = await admin.FindVisibleAsync(command.Id, ct);
        return (await admin.AddGrantAsync(user.Id, new GrantInput { Role = command.Role, UnitId = command.UnitId }, ct)).Id;
    }
}

internal sealed class GrantRoleEndpoint(IMediator mediator, UserAdministration admin) : Endpoint<GrantRole, UserView>
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

    public override async Task HandleAsync(GrantRole req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = $"/api/v1/admin/users/{req.Id}";
        await Send.ResponseAsync(await admin.ViewAsync(req.Id, ct), StatusCodes.Status201Created, ct);
    }
}

/// <summary>Takes a role away.</summary>
public sealed record RevokeGrant : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/users/{id}/grants/{grantId}";
    public Guid Id { get; init; }
    public Guid GrantId { get; init; }
}

internal sealed class RevokeGrantHandler(PlatformDbContext db, UserAdministration admin) : Mediator.ICommandHandler<RevokeGrant>
{
    public async ValueTask<Mediator.Unit> Handle(RevokeGrant command, CancellationToken ct)
    {
        await admin.FindVisibleAsync(command.Id, ct);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == command.GrantId && g.UserId == command.Id, ct)
                    ?? throw new NotFoundException(Localized.Text("Grant", "vai trò được giao"), command.GrantId);
        db.Access.Demand(Permission.UsersManage, grant.UnitId, Localized.Text("Grant", "vai trò được giao"), grant.Id);
        db.Grants.Remove(grant);
        return Mediator.Unit.Value;
    }
}

internal sealed class RevokeGrantEndpoint(IMediator mediator) : Endpoint<RevokeGrant>
{
    public override void Configure()
    {
        Delete(RevokeGrant.Route);
        Policies(Permission.UsersManage);
        Description(d => d.Produces(204));
        Summary(s => s.Summary = "Remove a role from a user");
    }

    public override async Task HandleAsync(RevokeGrant req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}

/// <summary>Disables (or re-enables) a user: a disabled user's tokens stop working at once.</summary>
public sealed record SetUserDisabled(Guid Id, bool Disabled) : Mediator.ICommand
{
    public const string DisableRoute = "/api/v1/admin/users/{id}/disable";
    public const string EnableRoute = "/api/v1/admin/users/{id}/enable";
}

/// <summary>A user picked by the route.</summary>
public sealed record UserRoute
{
    public Guid Id { get; init; }
}

internal sealed class SetUserDisabledHandler(PlatformDbContext db, UserAdministration admin, TimeProvider clock) : Mediator.ICommandHandler<SetUserDisabled>
{
    public async ValueTask<Mediator.Unit> Handle(SetUserDisabled command, CancellationToken ct)
    {
        var user = await admin.FindVisibleAsync(command.Id, ct);
        await admin.DemandManageAsync(user, ct);
        if (command.Disabled && user.Id == db.Access.UserId) throw new BusinessRuleException("self_disable",
            Localized.Text("You cannot disable your own account.", "Bạn không thể tự khóa tài khoản của chính mình."));
        user.IsDisabled = command.Disabled;
        if (command.Disabled)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
        }
        return Mediator.Unit.Value;
    }
}

internal sealed class DisableUserEndpoint(IMediator mediator, UserAdministration admin) : Endpoint<UserRoute, UserView>
{
    public override void Configure()
    {
        Post(SetUserDisabled.DisableRoute);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Disable a user");
    }

    public override async Task HandleAsync(UserRoute req, CancellationToken ct)
    {
        await mediator.Send(new SetUserDisabled(req.Id, true), ct);
        await Send.OkAsync(await admin.ViewAsync(req.Id, ct), ct);
    }
}

internal sealed class EnableUserEndpoint(IMediator mediator, UserAdministration admin) : Endpoint<UserRoute, UserView>
{
    public override void Configure()
    {
        Post(SetUserDisabled.EnableRoute);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Re-enable a user");
    }

    public override async Task HandleAsync(UserRoute req, CancellationToken ct)
    {
        await mediator.Send(new SetUserDisabled(req.Id, false), ct);
        await Send.OkAsync(await admin.ViewAsync(req.Id, ct), ct);
    }
}
