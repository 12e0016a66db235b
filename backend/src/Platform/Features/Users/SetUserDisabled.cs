using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Khcn.Platform.Access;

namespace Khcn.Platform.Features.Users;

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

internal sealed class SetUserDisabledHandler(PlatformDbContext db, TimeProvider clock) : Mediator.ICommandHandler<SetUserDisabled>
{
    public async ValueTask<Mediator.Unit> Handle(SetUserDisabled command, CancellationToken ct)
    {
        var user = await db.VisibleUserAsync(command.Id, ct);
        await db.DemandManageAsync(user, ct);
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

internal sealed class DisableUserEndpoint(IMediator mediator) : Endpoint<UserRoute, UserView>
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
        await Send.OkAsync(await mediator.Send(new GetUser { Id = req.Id }, ct), ct);
    }
}

internal sealed class EnableUserEndpoint(IMediator mediator) : Endpoint<UserRoute, UserView>
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
        await Send.OkAsync(await mediator.Send(new GetUser { Id = req.Id }, ct), ct);
    }
}
