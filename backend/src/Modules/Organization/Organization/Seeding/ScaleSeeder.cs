using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Organization.Seeding;

/// <summary>
/// The province-scale dataset of the benchmarks (<c>Seed:Scale=true</c> with demo seeding; `make seed-scale`): the demo
/// hierarchy grown to about <c>Seed:ScaleUnits</c> units (grassroots unions spread over the upper-level unions), and a
/// report from nearly every unit in each of the three demo periods. Deterministic (fixed random seeds), saved in
/// batches with the change tracker cleared between them.
/// </summary>
internal sealed class ScaleSeeder(OrganizationDbContext db, TimeProvider clock, ILogger<ScaleSeeder> log) : IModuleSeeder
{
    private const int Batch = 500;

    private static readonly string[] Trades =
    [
        "May mặc", "Điện tử", "Cơ khí", "Thực phẩm", "Bao bì", "Nhựa", "Dệt", "Da giày", "Gốm sứ", "Vật liệu xây dựng",
        "Logistics", "Dược phẩm", "Gỗ nội thất", "Thép", "Linh kiện ô tô", "Nông sản", "Hóa chất", "In ấn", "Thủy sản", "Giấy",
    ];

    private static readonly string[] Names =
    [
        "Phú Thịnh", "Hưng Phát", "Minh Long", "An Khang", "Thành Công", "Đại Việt", "Tân Tiến", "Hòa Bình", "Phương Đông", "Sao Mai",
        "Bình Minh", "Hồng Hà", "Kim Long", "Việt Hưng", "Nam Sơn", "Quang Trung", "Trường Thịnh", "Hải Âu", "Thiên Phúc", "Tiến Đạt",
    ];

    public int Order => 50;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || !options.Scale) return;
        var existing = await db.Units.IgnoreQueryFilters().CountAsync(ct);
        if (existing >= options.ScaleUnits) return;
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var upper = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind != UnitKind.Grassroots && u.ParentId != null && u.Status == UnitStatus.Active)
            .OrderBy(u => u.Code).ToListAsync(ct);
        var random = new Random(2025);
        var toAdd = options.ScaleUnits - existing;
        for (var i = 0; i < toAdd; i++)
        {
            var parent = upper[i % upper.Count];
            var name = $"CĐCS Công ty TNHH {Trades[random.Next(Trades.Length)]} {Names[random.Next(Names.Length)]} {i + 1:0000}";
            db.Units.Add(UnionUnit.Create($"{parent.Code}-S{i + 1:0000}", name, UnitKind.Grassroots, parent));
            if ((i + 1) % Batch == 0) await SaveAsync(ct);
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Count} units added", toAdd);

        await EnterprisesAsync(options.ScaleEnterprises, ct);
        await ReportsAsync(ct);
    }

    /// <summary>Enterprises kept by the upper-level unions (most covered by one of their grassroots unions), each with three years of figures.</summary>
    private async Task EnterprisesAsync(int target, CancellationToken ct)
    {
        var existing = await db.Enterprises.IgnoreQueryFilters().CountAsync(ct);
        var grassroots = await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Where(u => u.Kind == UnitKind.Grassroots && u.Status == UnitStatus.Active && u.ParentId != null)
            .Join(db.Units.IgnoreQueryFilters(), g => g.ParentId, p => p.Id, (g, p) => new { g.Id, Keeper = p.Id, KeeperName = p.Name })
            .OrderBy(x => x.Id).ToListAsync(ct);
        var random = new Random(5000);
        var thisYear = VietnamTime.Today(clock).Year;
        var zones = new[] { "KCN Phố Nối A", "KCN Thăng Long II", "KCN Minh Đức", "KCN Yên Mỹ II", null, null };
        var serial = 0;
        for (var i = existing; i < target; i++)
        {
            var g = grassroots[i % grassroots.Count];
            string taxCode;
            do
            {
                serial++;
                var nine = $"08{serial * 7907 % 10_000_000:0000000}";
                taxCode = LabourRules.TaxCodeCheckDigit(nine) is { } check ? nine + check : "";
            }
            while (taxCode.Length == 0);
            var district = g.KeeperName.Split(["huyện ", "thị xã ", "thành phố "], StringSplitOptions.None) is { Length: > 1 } parts ? parts[^1] : "Hưng Yên";
            var enterprise = Enterprise.Create(g.Keeper, new EnterpriseDetails(
                $"Công ty {Trades[random.Next(Trades.Length)]} {Names[random.Next(Names.Length)]} {i + 1:00000}", taxCode,
                (Ownership)random.Next(5), (Sector)random.Next(8), district, zones[random.Next(zones.Length)], null,
                i % 4 == 3 ? null : g.Id));
            var workforce = random.Next(20, 3000);
            for (var year = thisYear - 3; year < thisYear; year++)
            {
                var signed = random.Next(100) < 70;
                enterprise.SetFigures(year, new YearFigureValues(workforce, workforce * random.Next(20, 80) / 100, workforce * random.Next(30, 95) / 100,
                    random.Next(60, 160) * 100_000m, signed, signed ? new DateOnly(year, 1, 15) : null, signed ? new DateOnly(year + 3, 1, 14) : null,
                    random.Next(100) < 5 ? 1 : 0, 0, random.Next(0, 5)), thisYear);
                workforce = Math.Max(20, workforce + random.Next(-100, 150));
            }
            db.Enterprises.Add(enterprise);
            if ((i + 1) % Batch == 0) await SaveAsync(ct);
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Count} enterprises added", target - existing);
    }

    /// <summary>Every period: a report from each unit that has none yet — mostly accepted, some late, a few missing (this year: about half submitted).</summary>
    private async Task ReportsAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var periods = await db.ReportPeriods.IgnoreQueryFilters().AsNoTracking().Include(p => p.Indicators).ToListAsync(ct);
        var units = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.ParentId != null && u.Status == UnitStatus.Active)
            .Select(u => new { u.Id, u.Kind }).ToListAsync(ct);
        var added = 0;
        foreach (var period in periods)
        {
            var reported = (await db.Reports.IgnoreQueryFilters().Where(r => r.PeriodId == period.Id).Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
            var current = period.Year == today.Year;
            var random = new Random(period.Year * 7);
            foreach (var unit in units.Where(u => !reported.Contains(u.Id)))
            {
                var roll = random.Next(100);
                if (current ? roll >= 50 : roll < 5) continue;
                var report = AnnualReport.Start(period.Id, unit.Id);
                var upper = unit.Kind != UnitKind.Grassroots;
                report.Fill(period.Indicators.ToDictionary(i => i.Code, i => i.Kind == IndicatorKind.Text
                    ? ((decimal?)null, (string?)"Hoàn thành các chỉ tiêu đề ra.")
                    : ((decimal?)(i.Kind == IndicatorKind.YesNo ? random.Next(2) : i.Measure == "VND" ? random.Next(0, 40) * 5_000_000m : random.Next(0, upper ? 40 : 12)), null)));
                var late = !current && roll < 15;
                var on = current ? today.AddDays(-random.Next(0, 5)) : late ? period.Deadline.AddDays(random.Next(1, 20)) : period.Deadline.AddDays(-random.Next(0, 15));
                var at = on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
                report.Submit(at, on, period.Deadline, "scale@hungyen.demo");
                if (!current) report.Accept(null, at.AddDays(2), "cspl@hungyen.demo");
                db.Reports.Add(report);
                if (++added % Batch == 0) await SaveAsync(ct);
            }
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Count} reports added", added);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
