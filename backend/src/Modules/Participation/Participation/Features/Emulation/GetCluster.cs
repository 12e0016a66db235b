using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>One cluster with its members; 404 unless the caller sees its forming unit or one of its members.</summary>
public sealed record GetCluster : IQuery<ClusterDetail>
{
    public const string Route = "/api/v1/participation/emulation/clusters/{id}";
    public static string For(Guid id) => $"/api/v1/participation/emulation/clusters/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetClusterHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : IQueryHandler<GetCluster, ClusterDetail>
{
    public async ValueTask<ClusterDetail> Handle(GetCluster query, CancellationToken ct)
    {
        var c = await access.ClusterAsync(query.Id, ct, tracked: false);
        var names = await mediator.UnitNamesAsync(c.Members.Select(m => m.UnitId).Append(c.UnitId), ct);
        return c.ToDetail(names, access.MayManageEmulation(c.UnitId), await ClusterRules.IsLockedAsync(db, c.UnitId, c.Year, ct));
    }
}

internal sealed class GetClusterEndpoint(IMediator mediator) : Endpoint<GetCluster, ClusterDetail>
{
    public override void Configure()
    {
        Get(GetCluster.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an emulation cluster with its members");
    }

    public override async Task HandleAsync(GetCluster req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
