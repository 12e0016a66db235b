using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>What the ranking needs of a registration: its timing, status and final points per criterion (no entity, no evidence).</summary>
internal sealed record RankedRegistration(Guid Id, Guid MovementId, Guid UnitId, bool Late, RegistrationStatus Status, IReadOnlyDictionary<Guid, decimal> Points)
{
    /// <summary>The final total: the sum of the final points (reviewed where reviewed, else self), as <see cref="Registration.FinalTotal"/>.</summary>
    public decimal Total => Points.Values.Sum();

    /// <summary>The ranking entry, its points in <paramref name="criterionOrder"/> (the movement's order; 0 where unscored).</summary>
    public RankingEntry Entry(IReadOnlyList<Guid> criterionOrder) =>
        new(UnitId, Total, Late, criterionOrder.Select(id => Points.GetValueOrDefault(id)).ToList());
}

/// <summary>
/// Loads the registrations a ranking compares as projections, their final points per criterion summed in the database:
/// the one source of the ranking endpoint, its .xlsx and the commendation rules' "place in the cluster".
/// </summary>
internal static class RankingFacts
{
    /// <summary>The registrations of <paramref name="year"/>, of one movement and/or of some units (past the scope filter: the ranking is shared in a cluster), by id.</summary>
    public static async Task<List<RankedRegistration>> LoadAsync(ParticipationDbContext db, int year, Guid? movementId, IReadOnlyCollection<Guid>? unitIds, CancellationToken ct)
    {
        var registrations = db.Registrations.IgnoreQueryFilters().AsNoTracking().Where(r => r.Year == year);
        if (movementId is { } mid) registrations = registrations.Where(r => r.MovementId == mid);
        if (unitIds is not null) registrations = registrations.Where(r => unitIds.Contains(r.UnitId));
        var rows = await registrations.Select(r => new { r.Id, r.MovementId, r.UnitId, r.Late, r.Status }).ToListAsync(ct);
        var points = await (from s in db.Set<CriterionScore>().AsNoTracking()
                            join r in registrations on s.RegistrationId equals r.Id
                            group s by new { s.RegistrationId, s.CriterionId } into g
                            select new { g.Key.RegistrationId, g.Key.CriterionId, Points = g.Sum(s => s.ReviewedPoints ?? s.SelfPoints) }).ToListAsync(ct);
        var byRegistration = points.GroupBy(p => p.RegistrationId).ToDictionary(g => g.Key, g => g.ToDictionary(p => p.CriterionId, p => p.Points));
        return rows.Select(r => new RankedRegistration(r.Id, r.MovementId, r.UnitId, r.Late, r.Status,
            byRegistration.GetValueOrDefault(r.Id) ?? new Dictionary<Guid, decimal>())).ToList();
    }

    /// <summary>The criteria of each movement in the movement's order (the tie-break order of <see cref="EmulationRanking"/>).</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<Guid>>> CriterionOrderAsync(ParticipationDbContext db, IReadOnlyCollection<Guid> movementIds, CancellationToken ct) =>
        (await db.Set<MovementCriterion>().AsNoTracking().Where(c => movementIds.Contains(c.MovementId))
            .Select(c => new { c.MovementId, c.Id, c.Order }).ToListAsync(ct))
        .GroupBy(c => c.MovementId).ToDictionary(g => g.Key, g => (IReadOnlyList<Guid>)g.OrderBy(c => c.Order).Select(c => c.Id).ToList());
}
