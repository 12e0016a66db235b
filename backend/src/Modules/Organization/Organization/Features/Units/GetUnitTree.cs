using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units;

/// <summary>Every unit in the caller's scope as a flat list of nodes (the SPA's scope picker builds the tree).</summary>
public sealed record GetUnitTree : IQuery<UnitTreeResponse>
{
    public const string Route = "/api/v1/organization/units/tree";
}

public sealed record UnitTreeResponse(IReadOnlyList<UnitTreeNode> Items);

internal sealed class GetUnitTreeHandler(OrganizationDbContext db) : IQueryHandler<GetUnitTree, UnitTreeResponse>
{
    public async ValueTask<UnitTreeResponse> Handle(GetUnitTree request, CancellationToken ct) =>
        new(await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Active).OrderBy(u => u.Depth).ThenBy(u => u.Name).ProjectToType<UnitTreeNode>().ToListAsync(ct));
}

internal sealed class GetUnitTreeEndpoint(IMediator mediator) : EndpointWithoutRequest<UnitTreeResponse>
{
    public override void Configure()
    {
        Get(GetUnitTree.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "The unit tree in the caller's scope");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetUnitTree(), ct), ct);
}
