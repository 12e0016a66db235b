using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>Officials for other modules' nominations; scope is the asking module's check.</summary>
internal sealed class OfficialQueries(OrganizationDbContext db) : IQueryHandler<GetOfficialsForNomination, IReadOnlyList<OfficialForNomination>>
{
    public async ValueTask<IReadOnlyList<OfficialForNomination>> Handle(GetOfficialsForNomination query, CancellationToken ct)
    {
        var ids = query.OfficialIds.Distinct().ToList();
        return await db.Officials.IgnoreQueryFilters().AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new OfficialForNomination(o.Id, o.UnitId, o.FullName, o.Email, o.Position)).ToListAsync(ct);
    }
}
