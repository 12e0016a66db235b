using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>Changes a cluster's name, leading unit or members (If-Match; 409 <c>cluster_membership</c>, <c>emulation_year_closed</c>).</summary>
public sealed record UpdateCluster : ClusterFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/clusters/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateClusterValidator : AbstractValidator<UpdateCluster>
{
    public UpdateClusterValidator() => this.AddClusterRules();
}

internal sealed class UpdateClusterHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : Mediator.ICommandHandler<UpdateCluster, Guid>
{
    public async ValueTask<Guid> Handle(UpdateCluster command, CancellationToken ct)
    {
        var cluster = await access.ClusterAsync(command.Id, ct);
        if (!access.MayManageEmulation(cluster.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, cluster, command.IfMatch);
        await db.EnsureMembershipAsync(mediator, cluster.UnitId, cluster.Year, command.MemberUnitIds, cluster.Id, ct);
        cluster.Revise(command.Name, command.Kind, command.LeadingUnitId, command.MemberUnitIds);
        db.Entry(cluster).State = EntityState.Modified;
        return cluster.Id;
    }
}

internal sealed class UpdateClusterEndpoint(IMediator mediator) : ChangedEndpoint<UpdateCluster, ClusterDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateCluster.Route);
        Policies(Permission.EmulationManage);
        Summary(s => s.Summary = "Update an emulation cluster (If-Match; 412 when stale; 409 cluster_membership, emulation_year_closed)");
    }

    protected override IQuery<ClusterDetail> ReadBack(UpdateCluster command) => new GetCluster { Id = command.Id };
}
