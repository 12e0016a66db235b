using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

/// <summary>A unit's names, places and status over time, newest first.</summary>
public sealed record GetUnitHistory : IQuery<IReadOnlyList<UnitVersionView>>
{
    public const string Route = "/api/v1/organization/units/{id}/history";
    public Guid Id { get; init; }
}

internal sealed class GetUnitHistoryHandler(OrganizationDbContext db) : IQueryHandler<GetUnitHistory, IReadOnlyList<UnitVersionView>>
{
    public async ValueTask<IReadOnlyList<UnitVersionView>> Handle(GetUnitHistory query, CancellationToken ct)
    {
        await UnitAccess.ExistingAsync(db, query.Id, ct);
        var versions = await db.UnitVersions.AsNoTracking().Where(v => v.UnitId == query.Id).OrderByDescending(v => v.ValidFrom).ToListAsync(ct);
        var split = await db.UnitSuccessors.AsNoTracking().Where(s => s.UnitId == query.Id).Select(s => s.SuccessorId).ToListAsync(ct);
        var parentIds = versions.Where(v => v.ParentId != null).Select(v => v.ParentId!.Value)
            .Concat(versions.Where(v => v.SuccessorId != null).Select(v => v.SuccessorId!.Value)).Concat(split).Distinct().ToList();
        // Names of former parents and of successors are history too: shown even when outside today's scope.
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => parentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => (u.Code, u.Name), ct);
        UnitSuccessorView Successor(Guid id, Guid? heir) =>
            new(id, units.GetValueOrDefault(id).Code ?? "", units.GetValueOrDefault(id).Name ?? "", id == heir);
        return versions.Select(v => new UnitVersionView(v.ValidFrom, v.ValidTo, v.Code, v.Name, v.Kind, v.ParentId,
            v.ParentId is { } p ? units.GetValueOrDefault(p).Name : null, v.Status, v.SuccessorId)
        {
            Successors = v.Status switch
            {
                UnitStatus.Merged when v.SuccessorId is { } s => [Successor(s, s)],
                UnitStatus.Split => split.Select(s => Successor(s, v.SuccessorId)).ToList(),
                _ => [],
            },
        }).ToList();
    }
}

internal sealed class GetUnitHistoryEndpoint(IMediator mediator) : Endpoint<GetUnitHistory, IReadOnlyList<UnitVersionView>>
{
    public override void Configure()
    {
        Get(GetUnitHistory.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "A unit's effective-dated history (renames, moves, merge, split, dissolution)");
    }

    public override async Task HandleAsync(GetUnitHistory req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
