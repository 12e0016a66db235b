using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>A user picked by the route.</summary>
/// <remarks>Disables the user: their tokens stop working at once (their sessions end). Not one's own account.</remarks>
public sealed record DisableUser : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/users/{id}/disable";
    public Guid Id { get; init; }
}

internal sealed class DisableUserHandler(PlatformDbContext db, TimeProvider clock) : Mediator.ICommandHandler<DisableUser>
{
    public async ValueTask<Mediator.Unit> Handle(DisableUser command, CancellationToken ct)
    {
        var user = await db.VisibleUserAsync(command.Id, ct);
        await db.DemandManageAsync(user, ct);
        if (user.Id == db.Access.UserId) throw new BusinessRuleException("self_disable",
            Localized.Text("You cannot disable your own account.", "Bạn không thể tự khóa tài khoản của chính mình."));
        user.IsDisabled = true;
        var now = clock.GetUtcNow().UtcDateTime;
        await db.RefreshTokens.Where(t => t.UserId == user.Id && t.RevokedAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAtUtc, now), ct);
        return Mediator.Unit.Value;
    }
}

internal sealed class DisableUserEndpoint(IMediator mediator) : ChangedEndpoint<DisableUser, UserView>(mediator)
{
    public override void Configure()
    {
        Post(DisableUser.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Disable a user");
    }

    protected override IQuery<UserView> ReadBack(DisableUser command) => new GetUser { Id = command.Id };
}
