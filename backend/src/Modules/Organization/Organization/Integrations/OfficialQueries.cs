using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>Officials for other modules' nominations; scope is the asking module's check.</summary>
internal sealed class OfficialQueries(OrganizationDbContext db) :
    IQueryHandler<GetOfficialsForNomination, IReadOnlyList<OfficialForNomination>>,
    IQueryHandler<GetOfficialsOfUnits, IReadOnlyList<OfficialForNomination>>,
    IQueryHandler<FindOfficialsByEmail, IReadOnlyList<OfficialForNomination>>
{
    public async ValueTask<IReadOnlyList<OfficialForNomination>> Handle(GetOfficialsForNomination query, CancellationToken ct)
    {
        var ids = query.OfficialIds.Distinct().ToList();
        return await Project(All.Where(o => ids.Contains(o.Id))).ToListAsync(ct);
    }

    public async ValueTask<IReadOnlyList<OfficialForNomination>> Handle(GetOfficialsOfUnits query, CancellationToken ct)
    {
        var ids = query.UnitIds.Distinct().ToList();
        return await Project(All.Where(o => ids.Contains(o.UnitId)).OrderBy(o => o.CreatedAtUtc).ThenBy(o => o.FullName)).ToListAsync(ct);
    }

    public async ValueTask<IReadOnlyList<OfficialForNomination>> Handle(FindOfficialsByEmail query, CancellationToken ct)
    {
        var email = query.Email.Trim().ToLower();
        return await Project(All.Where(o => o.Email != null && o.Email.ToLower() == email)).ToListAsync(ct);
    }

    private IQueryable<Domain.Official> All => db.Officials.IgnoreQueryFilters().AsNoTracking();

    private static IQueryable<OfficialForNomination> Project(IQueryable<Domain.Official> officials) =>
        officials.Select(o => new OfficialForNomination(o.Id, o.UnitId, o.FullName, o.Email, o.Position));
}
