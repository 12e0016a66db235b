using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

public sealed record DissolveUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/dissolve";
}

internal sealed class DissolveUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<DissolveUnit, Guid>
{
    public async ValueTask<Guid> Handle(DissolveUnit command, CancellationToken ct)
    {
        var (unit, on) = await UnitChanges.LoadAsync(db, clock, command, ct);
        var hasActiveChildren = await db.Units.IgnoreQueryFilters().AnyAsync(u => u.ParentId == unit.Id && u.Status == UnitStatus.Active, ct);
        unit.Dissolve(on, hasActiveChildren);
        return unit.Id;
    }
}

internal sealed class DissolveUnitEndpoint(IMediator m) : UnitChangeEndpoint<DissolveUnit>(m, DissolveUnit.Route, "Dissolve a unit without active sub-units from a given day");
