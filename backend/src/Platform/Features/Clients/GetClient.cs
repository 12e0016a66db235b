using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;

namespace Khcn.Platform.Features.Clients;

/// <summary>One integrator client in the caller's scope.</summary>
public sealed record GetClient : IQuery<ClientView>
{
    public const string Route = "/api/v1/admin/clients/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetClientHandler(PlatformDbContext db, IMediator mediator) : IQueryHandler<GetClient, ClientView>
{
    public async ValueTask<ClientView> Handle(GetClient query, CancellationToken ct) => await db.ViewAsync(mediator, query.Id, ct);
}

internal sealed class GetClientEndpoint(IMediator mediator) : Endpoint<GetClient, ClientView>
{
    public override void Configure()
    {
        Get(GetClient.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Get an integrator client");
    }

    public override async Task HandleAsync(GetClient req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
