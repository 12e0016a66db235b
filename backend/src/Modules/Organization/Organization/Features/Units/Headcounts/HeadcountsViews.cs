using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.Headcounts;

/// <summary>A unit's member and worker counts as recorded for a day.</summary>
public sealed record UnitHeadcountView(DateOnly AsOf, int Members, int Workers, string? Note);

/// <summary>The figures that hold on a day: those of the latest record on or before it.</summary>
public sealed record HeadcountAsOf(DateOnly AsOf, int Members, int Workers);

/// <summary>
/// Members and workers summed over a unit's subtree as of a day: each unit's latest record on or before the day.
/// <see cref="UnitsCounted"/> units contributed a record; <see cref="UnitsWithoutRecord"/> grassroots unions existing
/// that day had none yet (the total is short by their figures).
/// </summary>
public sealed record HeadcountTotal(Guid UnitId, DateOnly AsOf, int Members, int Workers, int UnitsCounted, int UnitsWithoutRecord);

internal static class Headcounts
{
    /// <summary>The record of each unit that holds on <paramref name="day"/>: the latest on or before it.</summary>
    public static IQueryable<UnitHeadcount> LatestOnOrBefore(OrganizationDbContext db, DateOnly day) =>
        db.UnitHeadcounts.Where(h => h.AsOf <= day && !db.UnitHeadcounts.Any(o => o.UnitId == h.UnitId && o.AsOf <= day && o.AsOf > h.AsOf));

    public static async Task<HeadcountAsOf?> OfUnitAsync(OrganizationDbContext db, Guid unitId, DateOnly day, CancellationToken ct) =>
        await db.UnitHeadcounts.AsNoTracking().Where(h => h.UnitId == unitId && h.AsOf <= day).OrderByDescending(h => h.AsOf)
            .Select(h => new HeadcountAsOf(h.AsOf, h.Members, h.Workers)).FirstOrDefaultAsync(ct);

    public static async Task EnsureVisibleAsync(OrganizationDbContext db, Guid unitId, CancellationToken ct)
    {
        await UnitAccess.ExistingAsync(db, unitId, ct);
    }
}
