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
}

internal sealed class PlanIssuedSource(OrganizationDbContext db) : IReportIndicatorSource
{
    public string Key => IndicatorSources.PlanIssued;
    public string Description => Localized.Text("1 when the unit has issued its implementation plan of a plan whose period covers the year, else 0.",
        "1 nếu đơn vị đã ban hành kế hoạch triển khai một kế hoạch có thời kỳ bao gồm năm báo cáo, ngược lại 0.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var issued = await db.ImplementationPlans.IgnoreQueryFilters()
            .Where(i => unitIds.Contains(i.UnitId) && i.FirstIssuedOn != null && i.FirstIssuedOn.Value.Year <= year)
            .Where(i => db.Plans.IgnoreQueryFilters().Any(p => p.Id == i.PlanId && p.PeriodFrom <= year && p.PeriodTo >= year))
            .Select(i => i.UnitId).Distinct().ToListAsync(ct);
        return unitIds.ToDictionary(id => id, id => issued.Contains(id) ? 1m : 0m);
    }
}

internal sealed class FocalOfficialSource(OrganizationDbContext db, TimeProvider clock) : IReportIndicatorSource
{
    public string Key => IndicatorSources.FocalOfficial;
    public string Description => Localized.Text("1 when the unit has an active KH,CN&ĐMST focal official at the end of the year (or today), else 0.",
        "1 nếu đơn vị có cán bộ đầu mối KH,CN&ĐMST đang hoạt động vào cuối năm báo cáo (hoặc hôm nay), ngược lại 0.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var today = BuildingBlocks.Text.VietnamTime.Today(clock);
        var asOf = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        var covered = await db.FocalAssignments.IgnoreQueryFilters()
            .Where(a => unitIds.Contains(a.UnitId) && a.StartedOn <= asOf && (a.EndedOn == null || a.EndedOn > asOf))
            .Select(a => a.UnitId).Distinct().ToListAsync(ct);
        return unitIds.ToDictionary(id => id, id => covered.Contains(id) ? 1m : 0m);
    }
}

internal sealed class OfficialsSource(OrganizationDbContext db) : IReportIndicatorSource
{
    public string Key => IndicatorSources.Officials;
    public string Description => Localized.Text("The number of union officials registered for the unit.", "Số cán bộ công đoàn đã đăng ký của đơn vị.");

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var counts = await db.Officials.IgnoreQueryFilters().Where(o => unitIds.Contains(o.UnitId))
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
