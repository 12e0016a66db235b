using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Access;

internal sealed partial class ParticipationAccess
{
    // Emulation (#13). Movements and clusters apply downwards: a unit reads the movements launched above it (or by
    // it) and the clusters it belongs to or formed; registrations are unit-owned (the scope filter: 404 outside).

    /// <summary>The movements the caller reads: launched by a unit they see or by a unit above their grants.</summary>
    public IQueryable<Movement> ReadableMovements()
    {
        if (Access.Unrestricted) return db.Movements;
        var visible = Access.VisibleUnitIds;
        var above = Access.AncestorUnitIds;
        return db.Movements.Where(m => visible.Contains(m.UnitId) || above.Contains(m.UnitId));
    }

    /// <summary>A readable movement with its criteria, chosen units and closed years, else 404.</summary>
    public async Task<Movement> MovementAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = ReadableMovements().Include(m => m.Criteria).Include(m => m.ChosenUnits).Include(m => m.ClosedYears).AsSplitQuery();
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Movement", "phong trào thi đua"), id);
    }

    /// <summary>The clusters the caller reads: formed by a unit they see, or with a member they see.</summary>
    public IQueryable<EmulationCluster> ReadableClusters()
    {
        if (Access.Unrestricted) return db.Clusters;
        var visible = Access.VisibleUnitIds;
        return db.Clusters.Where(c => visible.Contains(c.UnitId) || c.Members.Any(m => visible.Contains(m.UnitId)));
    }

    public async Task<EmulationCluster> ClusterAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = ReadableClusters().Include(c => c.Members);
        return await (tracked ? q : q.AsNoTracking()).FirstOrDefaultAsync(c => c.Id == id, ct)
               ?? throw new NotFoundException(Localized.Text("Emulation cluster", "cụm thi đua"), id);
    }

    /// <summary>
    /// A registration of a unit in the caller's scope with its people, scores and evidence; past the scope filter, one
    /// of a unit whose cluster the caller's unit leads that year (the cluster leader reviews it); else 404.
    /// </summary>
    public async Task<Registration> RegistrationAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        IQueryable<Registration> With(IQueryable<Registration> q) =>
            (tracked ? q : q.AsNoTracking()).Include(r => r.People).Include(r => r.Scores).Include(r => r.Evidence).AsSplitQuery();
        var found = await With(db.Registrations).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (found is null && await db.Registrations.IgnoreQueryFilters().Where(r => r.Id == id).Select(r => new { r.UnitId, r.Year }).FirstOrDefaultAsync(ct) is { } hidden
            && await ClusterLeaderOfAsync(hidden.UnitId, hidden.Year, ct) is { } leader && MayManageEmulation(leader))
            found = await With(db.Registrations.IgnoreQueryFilters()).FirstOrDefaultAsync(r => r.Id == id, ct);
        return found ?? throw new NotFoundException(Localized.Text("Emulation registration", "đăng ký thi đua"), id);
    }

    /// <summary>
    /// The clusters whose leading unit the caller manages emulation for (#13): as their leader, the caller reviews the
    /// registrations of the other member units in the cluster's year (the same rule as <see cref="RegistrationAsync"/>).
    /// </summary>
    public async Task<List<Guid>> LedClusterIdsAsync(CancellationToken ct)
    {
        if (Access.Unrestricted) return [];
        var candidates = await db.Clusters.IgnoreQueryFilters().Where(c => db.VisibleUnits.Contains(c.LeadingUnitId))
            .Select(c => new { c.Id, c.LeadingUnitId }).ToListAsync(ct);
        return candidates.Where(c => MayManageEmulation(c.LeadingUnitId)).Select(c => c.Id).ToList();
    }

    /// <summary>
    /// The registrations in the caller's scope and, past the scope filter, those of the member units (not the leader
    /// itself) of the given led clusters in the cluster's year. Those outside the caller's scope are the cluster-led
    /// ones (ClusterLed in the list): an upper unit's own subtree is not marked even when one of its units leads.
    /// </summary>
    public IQueryable<Registration> RegistrationsWithClusterLed(List<Guid> ledClusterIds)
    {
        if (ledClusterIds.Count == 0) return db.Registrations;
        // IgnoreQueryFilters lifts the scope filter for the whole query (subqueries too): the scope is restated by VisibleUnits.
        var visible = db.VisibleUnits;
        var clusters = db.Clusters.IgnoreQueryFilters();
        return db.Registrations.IgnoreQueryFilters().Where(r => visible.Contains(r.UnitId)
            || clusters.Any(c => ledClusterIds.Contains(c.Id) && c.Year == r.Year && c.LeadingUnitId != r.UnitId && c.Members.Any(m => m.UnitId == r.UnitId)));
    }

    /// <summary>The leading unit (cụm trưởng) of the cluster the unit is in that year, unless the unit leads it itself.</summary>
    public Task<Guid?> ClusterLeaderOfAsync(Guid unitId, int year, CancellationToken ct) =>
        db.Clusters.IgnoreQueryFilters().Where(c => c.Year == year && c.LeadingUnitId != unitId && c.Members.Any(m => m.UnitId == unitId))
            .Select(c => (Guid?)c.LeadingUnitId).FirstOrDefaultAsync(ct);

    /// <summary>Who reviews a registration (#13: "the cluster leader or the upper unit"): the unit's parent and its cluster's leading unit that year.</summary>
    public async Task<RegistrationReviewers> ReviewersOfAsync(Registration registration, Guid? parentUnitId, CancellationToken ct) =>
        new(parentUnitId, await ClusterLeaderOfAsync(registration.UnitId, registration.Year, ct));

    /// <summary>The movement a registration belongs to, with its criteria and closed years (already authorised through the registration).</summary>
    public Task<Movement> MovementOfAsync(Registration registration, CancellationToken ct, bool tracked = true)
    {
        var q = db.Movements.Include(m => m.Criteria).Include(m => m.ClosedYears).AsSplitQuery();
        return (tracked ? q : q.AsNoTracking()).FirstAsync(m => m.Id == registration.MovementId, ct);
    }

    /// <summary>Launches movements, forms clusters, closes years of the unit.</summary>
    public bool MayManageEmulation(Guid unitId) => Access.Can(Permission.EmulationManage, unitId);

    /// <summary>Registers and self-scores for the unit.</summary>
    public bool MayRegister(Guid unitId) => Access.Can(Permission.EmulationRegister, unitId);

    /// <summary>A reviewer holds the manage permission over the unit's parent or over its cluster's leading unit (never over its own unit alone).</summary>
    public bool MayReview(RegistrationReviewers reviewers) => reviewers.Units.Any(u => Access.Can(Permission.EmulationManage, u));
}

/// <summary>The units that review a registration: the upper unit (the registering unit's parent) and the cluster leader, either possibly absent.</summary>
internal sealed record RegistrationReviewers(Guid? UpperUnitId, Guid? ClusterLeaderId)
{
    public IEnumerable<Guid> Units => new[] { UpperUnitId, ClusterLeaderId }.OfType<Guid>().Distinct();
}
