using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>Forms an emulation cluster or block of a year from units below the caller's unit (409 <c>cluster_membership</c>).</summary>
public sealed record CreateCluster : ClusterFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/clusters";
    /// <summary>The forming unit (the members are below it).</summary>
    public Guid UnitId { get; init; }
    public int Year { get; init; }
}

internal sealed class CreateClusterValidator : AbstractValidator<CreateCluster>
{
    public CreateClusterValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        this.AddClusterRules();
    }
}

internal sealed class CreateClusterHandler(ParticipationDbContext db, IMediator mediator) : Mediator.ICommandHandler<CreateCluster, Guid>
{
    public async ValueTask<Guid> Handle(CreateCluster command, CancellationToken ct)
    {
        db.Access.Demand(Permission.EmulationManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        await db.EnsureMembershipAsync(mediator, command.UnitId, command.Year, command.MemberUnitIds, null, ct);
        var cluster = EmulationCluster.Form(command.UnitId, command.Year, command.Name, command.Kind, command.LeadingUnitId, command.MemberUnitIds);
        db.Clusters.Add(cluster);
        return cluster.Id;
    }
}

internal sealed class CreateClusterEndpoint(IMediator mediator) : CreatedEndpoint<CreateCluster, ClusterDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateCluster.Route);
        Policies(Permission.EmulationManage);
        Summary(s =>
        {
            s.Summary = "Form an emulation cluster or block of a year (honours Idempotency-Key; 409 cluster_membership, cluster_leader_not_member, units_outside, emulation_year_closed)";
            s.Response<ClusterDetail>(201, "The cluster.");
        });
    }

    protected override IQuery<ClusterDetail> ReadBack(CreateCluster command, Guid id) => new GetCluster { Id = id };

    protected override string Location(CreateCluster command, Guid id) => GetCluster.For(id);
}
