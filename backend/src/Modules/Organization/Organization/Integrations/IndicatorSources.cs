using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>The keys of this module's pre-fill sources; other modules add theirs through <see cref="IReportIndicatorSource"/>.</summary>
internal static class IndicatorSources
{
    public const string FocalOfficial = "organization.focal-official";
    public const string Officials = "organization.officials";
    public const string PlanIssued = "organization.plan-issued";

    /// <summary>
    /// Up to this many units are asked for by id (<c>IN (…)</c>: a report's own unit, a small subtree); beyond it — a
    /// district's or the province's subtree, as the plan dashboard asks — the rows of every unit are read and kept here
    /// by id instead. A list of 2,000 ids is 2,000 parameters SQLite parses and binds for every query (about 0.1–0.3 s
    /// each on the scale dataset, four sources × three years after each Organization write, issue #15), while these
    /// tables hold a few rows per unit. (The demo's province, 37 units, reads all rows; Văn Lâm, 4, by id: DashboardTests
    /// compares the two.)
    /// </summary>
    public const int MaxUnitsAskedById = 16;

    /// <summary>The rows of the units asked for: filtered by id in the database for a few units, else all of them (filter after reading).</summary>
    public static IQueryable<T> OfUnits<T>(this IQueryable<T> rows, IReadOnlyCollection<Guid> unitIds, System.Linq.Expressions.Expression<Func<T, bool>> amongIds) =>
        unitIds.Count <= MaxUnitsAskedById ? rows.Where(amongIds) : rows;
}

/// <summary>
/// "Đã ban hành kế hoạch": one definition, shared by the annual report and the plan's compliance view (#16). The plan a
/// unit implements in a year is the latest plan of a unit above it whose period has begun by then (plan 405 covers
/// 2023–2025 and stays the plan to implement until the next one); the unit answers yes when its implementation plan of
/// that plan was first issued by the end of the year — what the compliance view counts as issued, on time or late.
/// (Before, only a plan whose period covered the year counted: every report of 2026 said no while the compliance view
/// of plan 405 listed nine units as issued.)
/// </summary>
internal sealed class PlanIssuedSource(OrganizationDbContext db) : IReportIndicatorSource
{
    public string Key => IndicatorSources.PlanIssued;
    public string Description => Localized.Text(
        "Yes when, by the end of the year, the unit had issued its implementation plan of the plan it implements (the latest plan of a unit above it begun by then), as the plan's compliance view counts it.",
        "Có nếu đến cuối năm báo cáo đơn vị đã ban hành kế hoạch triển khai kế hoạch cấp trên (kế hoạch gần nhất của đơn vị cấp trên đã bắt đầu thực hiện), như mục theo dõi triển khai của kế hoạch ghi nhận.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var endOfYear = new DateOnly(year, 12, 31);
        var wanted = unitIds.ToHashSet();
        var units = (await db.Units.IgnoreQueryFilters().AsNoTracking().OfUnits(unitIds, u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Path }).ToListAsync(ct)).Where(u => wanted.Contains(u.Id)).ToList();
        var plans = await (from p in db.Plans.IgnoreQueryFilters().AsNoTracking()
                           join u in db.Units.IgnoreQueryFilters().AsNoTracking() on p.UnitId equals u.Id
                           where p.PeriodFrom <= year && p.IssuedOn <= endOfYear
                           select new PlanOfYear.Candidate(p.Id, p.UnitId, u.Path, p.PeriodFrom, p.IssuedOn)).ToListAsync(ct);
        var issued = (await db.ImplementationPlans.IgnoreQueryFilters().AsNoTracking()
                .OfUnits(unitIds, i => unitIds.Contains(i.UnitId))
                .Where(i => i.FirstIssuedOn != null && i.FirstIssuedOn <= endOfYear)
                .Select(i => new { i.UnitId, i.PlanId }).ToListAsync(ct))
            .Where(i => wanted.Contains(i.UnitId)).Select(i => (i.UnitId, i.PlanId)).ToHashSet();
        return units.ToDictionary(u => u.Id, u => PlanOfYear.For(u.Id, u.Path, plans) is { } plan && issued.Contains((u.Id, plan)) ? 1m : 0m);
    }
}

/// <summary>Which plan a unit implements in a year: the latest plan of a unit above it whose period has begun (see <see cref="PlanIssuedSource"/>).</summary>
internal static class PlanOfYear
{
    internal sealed record Candidate(Guid PlanId, Guid IssuerId, string IssuerPath, int PeriodFrom, DateOnly IssuedOn);

    public static Guid? For(Guid unitId, string unitPath, IEnumerable<Candidate> plans) =>
        plans.Where(p => p.IssuerId != unitId && unitPath.StartsWith(p.IssuerPath, StringComparison.Ordinal))
            .OrderByDescending(p => p.PeriodFrom).ThenByDescending(p => p.IssuedOn).ThenByDescending(p => p.IssuerPath.Length)
            .Select(p => (Guid?)p.PlanId).FirstOrDefault();
}

internal sealed class FocalOfficialSource(OrganizationDbContext db, TimeProvider clock) : IReportIndicatorSource
{
    public string Key => IndicatorSources.FocalOfficial;
    public string Description => Localized.Text("Yes when the unit has an active KH,CN&ĐMST focal official at the end of the year (or today), from the focal-official assignments.",
        "Có nếu đơn vị có cán bộ đầu mối KH,CN&ĐMST đang hoạt động vào cuối năm báo cáo (hoặc hôm nay), theo danh sách phân công cán bộ đầu mối.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var today = BuildingBlocks.Text.VietnamTime.Today(clock);
        var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var covered = (await db.FocalAssignments.IgnoreQueryFilters().OfUnits(unitIds, a => unitIds.Contains(a.UnitId))
            .Where(a => a.StartedOn <= asOf && (a.EndedOn == null || a.EndedOn > asOf))
            .Select(a => a.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
        return unitIds.ToDictionary(id => id, id => covered.Contains(id) ? 1m : 0m);
    }
}

internal sealed class OfficialsSource(OrganizationDbContext db) : IReportIndicatorSource
{
    public string Key => IndicatorSources.Officials;
    public string Description => Localized.Text("The number of union officials registered for the unit.", "Số cán bộ công đoàn đã đăng ký của đơn vị, theo danh sách cán bộ.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var counts = await db.Officials.IgnoreQueryFilters().OfUnits(unitIds, o => unitIds.Contains(o.UnitId))
            .GroupBy(o => o.UnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return unitIds.ToDictionary(id => id, id => (decimal)counts.GetValueOrDefault(id));
    }
}

/// <summary>Pre-fills the sourced indicators of reports from every registered source.</summary>
internal sealed class ReportPrefill(IEnumerable<IReportIndicatorSource> sources)
{
    public IReadOnlyList<IReportIndicatorSource> Sources { get; } = sources.ToList();

    /// <summary>What the system knows of the period's sourced indicators for the unit (code → value).</summary>
    public Task<Dictionary<string, decimal>> ForReportAsync(ReportPeriod period, Guid unitId, CancellationToken ct) =>
        ForUnitAsync(period.Indicators.Select(i => (i.Code, i.Source)), unitId, period.Year, ct);

    /// <returns>indicator code → value, for the indicators whose source is known.</returns>
    public async Task<Dictionary<string, decimal>> ForUnitAsync(IEnumerable<(string Code, string? Source)> indicators, Guid unitId, int year, CancellationToken ct)
    {
        var result = new Dictionary<string, decimal>();
        foreach (var (code, source) in indicators)
        {
            var provider = source is null ? null : Sources.FirstOrDefault(s => s.Key == source);
            if (provider is null) continue;
            var values = await provider.ValuesAsync([unitId], year, ct);
            if (values.TryGetValue(unitId, out var v)) result[code] = v;
        }
        return result;
    }
}
