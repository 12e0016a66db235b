using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>Serves the scope mechanism: one indexed prefix query on the materialised path per grant.</summary>
internal sealed class UnitTreeReader(OrganizationDbContext db) : IUnitTreeReader
{
    public Task<Guid> UnitsStampAsync(CancellationToken ct) => db.UnitsStampAsync(ct);

    public async Task<UnitSubtree?> GetSubtreeAsync(Guid unitId, CancellationToken ct)
    {
        var units = db.Units.IgnoreQueryFilters().AsNoTracking();
        var root = await units.Where(u => u.Id == unitId).Select(u => new { u.Path, u.ParentId }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var isWhole = root.ParentId is null && await units.CountAsync(u => u.ParentId == null, ct) == 1;
        // The whole hierarchy needs no id list: the grant is unrestricted (saves reading every unit on each request).
        var ids = isWhole ? [] : await units.WhereUnder(u => u.Path, root.Path).Select(u => u.Id).ToListAsync(ct);
        var ancestors = root.Path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N"))
            .Where(id => id != unitId).ToList();
        return new UnitSubtree(unitId, isWhole, ids.ToHashSet(), ancestors);
    }
}
