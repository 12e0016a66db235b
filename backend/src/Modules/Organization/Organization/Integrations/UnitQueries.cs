using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>What Organization answers to other modules (see Organization.Contracts).</summary>
internal sealed class UnitQueries(OrganizationDbContext db, UnitCatalogue catalogue) :
    IQueryHandler<GetUnitSummaries, IReadOnlyList<UnitSummary>>,
    IQueryHandler<FindUnitByCode, UnitSummary?>,
    IQueryHandler<GetRootUnit, UnitSummary?>,
    IQueryHandler<GetSubtreeUnitIds, IReadOnlyList<SubtreeUnit>>
{
    private IQueryable<Domain.UnionUnit> All => db.Units.IgnoreQueryFilters().AsNoTracking();

    /// <summary>
    /// From the in-memory <see cref="UnitCatalogue"/> of the request's units stamp (the labels of every list page of
    /// other modules: a query on this database each time cost about as much as the page's own; issue #12); an id the
    /// catalogue does not hold yet (a unit added in this very request) is read from the database.
    /// </summary>
    public async ValueTask<IReadOnlyList<UnitSummary>> Handle(GetUnitSummaries query, CancellationToken ct)
    {
        var ids = query.UnitIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var units = (await catalogue.AllAsync(await db.UnitsStampAsync(ct))).ById;
        var found = new List<UnitSummary>(ids.Count);
        var missing = new List<Guid>();
        foreach (var id in ids)
            if (units.TryGetValue(id, out var u)) found.Add(new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId));
            else missing.Add(id);
        if (missing.Count > 0)
            found.AddRange(await All.Where(u => missing.Contains(u.Id))
                .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId)).ToListAsync(ct));
        return found;
    }

    public async ValueTask<UnitSummary?> Handle(FindUnitByCode query, CancellationToken ct)
    {
        var code = query.Code.Trim().ToUpperInvariant();
        return await All.Where(u => u.Code == code)
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId)).FirstOrDefaultAsync(ct);
    }

    public async ValueTask<UnitSummary?> Handle(GetRootUnit query, CancellationToken ct) =>
        await All.Where(u => u.ParentId == null).OrderBy(u => u.CreatedAtUtc)
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId)).FirstOrDefaultAsync(ct);

    public async ValueTask<IReadOnlyList<SubtreeUnit>> Handle(GetSubtreeUnitIds query, CancellationToken ct)
    {
        var root = await All.Where(u => u.Id == query.UnitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        if (root is null) return [];
        var units = await All.WhereUnder(u => u.Path, root).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        // The path is the ids from the top ("/a/b/c/"): the segment after the root's is the branch.
        return units.Select(u => new SubtreeUnit(u.Id, u.Id == query.UnitId ? null
            : Guid.ParseExact(u.Path[root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries)[0], "N"))).ToList();
    }
}
