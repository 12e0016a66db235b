using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>What Organization answers to other modules (see Organization.Contracts).</summary>
internal sealed class UnitQueries(OrganizationDbContext db) :
    IQueryHandler<GetUnitSummaries, IReadOnlyList<UnitSummary>>,
    IQueryHandler<FindUnitByCode, UnitSummary?>,
    IQueryHandler<GetRootUnit, UnitSummary?>
{
    private IQueryable<Domain.UnionUnit> All => db.Units.IgnoreQueryFilters().AsNoTracking();

    public async ValueTask<IReadOnlyList<UnitSummary>> Handle(GetUnitSummaries query, CancellationToken ct)
    {
        var ids = query.UnitIds.Distinct().ToList();
        return await All.Where(u => ids.Contains(u.Id))
            .Select(u => new UnitSummary(u.Id, u.Code, u.Name, u.Kind, u.ParentId)).ToListAsync(ct);
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
}
