using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Clients;

/// <summary>Disables a client: no new token, and its tokens already issued are refused from the next call (its service account is disabled).</summary>
public sealed record DisableClient : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/clients/{id}/disable";
    public Guid Id { get; init; }
}

/// <summary>Enables a disabled client again (its current secret works again).</summary>
public sealed record EnableClient : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/clients/{id}/enable";
    public Guid Id { get; init; }
}

internal sealed class DisableClientHandler(PlatformDbContext db) : Mediator.ICommandHandler<DisableClient>, Mediator.ICommandHandler<EnableClient>
{
    public ValueTask<Mediator.Unit> Handle(DisableClient command, CancellationToken ct) => SetDisabledAsync(command.Id, true, ct);

    public ValueTask<Mediator.Unit> Handle(EnableClient command, CancellationToken ct) => SetDisabledAsync(command.Id, false, ct);

    private async ValueTask<Mediator.Unit> SetDisabledAsync(Guid id, bool disabled, CancellationToken ct)
    {
        var client = await db.ManagedClientAsync(id, ct);
        var account = await db.Users.FirstAsync(u => u.Id == client.Id, ct);
        account.IsDisabled = disabled;
        return Mediator.Unit.Value;
    }
}

internal sealed class DisableClientEndpoint(IMediator mediator) : ChangedEndpoint<DisableClient, ClientView>(mediator)
{
    public override void Configure()
    {
        Post(DisableClient.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Disable an integrator client (acts at once)");
    }

    protected override IQuery<ClientView> ReadBack(DisableClient command) => new GetClient { Id = command.Id };
}

internal sealed class EnableClientEndpoint(IMediator mediator) : ChangedEndpoint<EnableClient, ClientView>(mediator)
{
    public override void Configure()
    {
        Post(EnableClient.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Enable an integrator client again");
    }

    protected override IQuery<ClientView> ReadBack(EnableClient command) => new GetClient { Id = command.Id };
}
