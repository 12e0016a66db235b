using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;

namespace Khcn.Platform.Features.Users;

/// <summary>A user picked by the route.</summary>
/// <remarks>Re-enables a disabled user: they may log in again.</remarks>
public sealed record EnableUser : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/users/{id}/enable";
    public Guid Id { get; init; }
}

internal sealed class EnableUserHandler(PlatformDbContext db) : Mediator.ICommandHandler<EnableUser>
{
    public async ValueTask<Mediator.Unit> Handle(EnableUser command, CancellationToken ct)
    {
        var user = await db.VisibleUserAsync(command.Id, ct);
        await db.DemandManageAsync(user, ct);
        user.IsDisabled = false;
        return Mediator.Unit.Value;
    }
}

internal sealed class EnableUserEndpoint(IMediator mediator) : ChangedEndpoint<EnableUser, UserView>(mediator)
{
    public override void Configure()
    {
        Post(EnableUser.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Re-enable a user");
    }

    protected override IQuery<UserView> ReadBack(EnableUser command) => new GetUser { Id = command.Id };
}
