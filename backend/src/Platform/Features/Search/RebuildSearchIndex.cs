using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Integrations;
using Mediator;

namespace Khcn.Platform.Features.Search;

/// <summary>
/// Rebuilds the search index from every module's records (ADR 0014) — for a database that existed before the search,
/// or after a restore. Idempotent; records changed meanwhile keep their newer version. An administrator over the
/// whole hierarchy only; answers the documents indexed per kind.
/// </summary>
public sealed record RebuildSearchIndex : Mediator.ICommand<SearchRebuildResult>
{
    public const string Route = "/api/v1/search/rebuild";
}

internal sealed class RebuildSearchIndexHandler(SearchIndexRebuilder rebuilder, AccessContext access) : Mediator.ICommandHandler<RebuildSearchIndex, SearchRebuildResult>
{
    public async ValueTask<SearchRebuildResult> Handle(RebuildSearchIndex command, CancellationToken ct)
    {
        if (!access.Unrestricted || !access.Grants.Any(g => access.GrantHas(g, Permission.UsersManage))) throw new ForbiddenException();
        return await rebuilder.RebuildAsync(ct);
    }
}

internal sealed class RebuildSearchIndexEndpoint(IMediator mediator) : EndpointWithoutRequest<SearchRebuildResult>
{
    public override void Configure()
    {
        Post(RebuildSearchIndex.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Rebuild the search index from every module's records (administrator of the whole hierarchy)");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new RebuildSearchIndex(), ct), ct);
}
