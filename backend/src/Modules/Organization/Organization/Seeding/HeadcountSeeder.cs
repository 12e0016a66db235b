using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Seeding;

/// <summary>
/// Demo only: member and worker counts of every demo grassroots union at the end of 2023, the end of 2024 and
/// mid-2025. A union covering seeded enterprises takes their workforce and union members of that year, so the demo
/// agrees with the labour database; the others get made-up figures growing a little each time. Upper-level units
/// get none: their figures are the roll-up.
/// </summary>
internal sealed class HeadcountSeeder(OrganizationDbContext db, TimeProvider clock) : IModuleSeeder
{
    public int Order => 18;

    public static readonly DateOnly[] Days = [new(2023, 12, 31), new(2024, 12, 31), new(2025, 6, 30)];

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.UnitHeadcounts.IgnoreQueryFilters().AnyAsync(ct)) return;
        var today = VietnamTime.Today(clock);
        var grassroots = await db.Units.IgnoreQueryFilters().Where(u => u.Kind == UnitKind.Grassroots)
            .OrderBy(u => u.Code).Select(u => u.Id).ToListAsync(ct);
        var covered = await db.EnterpriseFigures.IgnoreQueryFilters().Where(f => f.Enterprise!.GrassrootsUnitId != null)
            .Select(f => new { Unit = f.Enterprise!.GrassrootsUnitId!.Value, f.Year, f.Workforce, f.UnionMembers }).ToListAsync(ct);
        for (var i = 0; i < grassroots.Count; i++)
        {
            var workers = 40 + i * 37 % 260;
            foreach (var (day, step) in Days.Select((d, s) => (d, s)))
            {
                if (day > today) break; // a fake clock in the past: no figures from its future
                var ofYear = covered.Where(f => f.Unit == grassroots[i] && f.Year == day.Year).ToList();
                var w = ofYear.Count > 0 ? ofYear.Sum(f => f.Workforce) : workers + step * (workers / 25) - (i % 4 == 0 ? step * 3 : 0);
                var members = ofYear.Count > 0 ? ofYear.Sum(f => f.UnionMembers) : w * (78 + (i * 7 + step) % 20) / 100;
                db.UnitHeadcounts.Add(UnitHeadcount.Record(grassroots[i], day, members, w, step == 0 ? "Số liệu báo cáo năm 2023" : null, today));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
