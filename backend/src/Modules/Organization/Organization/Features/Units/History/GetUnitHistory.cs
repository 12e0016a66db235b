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
        var parentIds = versions.Where(v => v.ParentId != null).Select(v => v.ParentId!.Value).Distinct().ToList();
        // Names of former parents are history too: shown even when the parent is outside today's scope.
        var names = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => parentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return versions.Select(v => new UnitVersionView(v.ValidFrom, v.ValidTo, v.Code, v.Name, v.Kind, v.ParentId,
            v.ParentId is { } p ? names.GetValueOrDefault(p) : null, v.Status, v.SuccessorId)).ToList();
    }
}

internal sealed class GetUnitHistoryEndpoint(IMediator mediator) : Endpoint<GetUnitHistory, IReadOnlyList<UnitVersionView>>
{
    public override void Configure()
    {
        Get(GetUnitHistory.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "A unit's effective-dated history (renames, moves, merge, dissolution)");
    }

    public override async Task HandleAsync(GetUnitHistory req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
