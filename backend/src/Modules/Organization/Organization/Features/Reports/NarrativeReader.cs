using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>One unit's answer to a narrative indicator of a counted (submitted or accepted) report.</summary>
internal sealed record NarrativeRow(string IndicatorCode, Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId, string Path,
    ReportStatus Status, bool Late, DateTime? SubmittedAt, Guid ReportId, string Text);

/// <summary>
/// The answers to a period's narrative (text) indicators within a subtree, read apart from the numeric synthesis so
/// that the synthesis stays one pass over numbers: one query joining values, reports and units by path prefix.
/// The same reports count as for the numbers (submitted or accepted), in the synthesis's order (level, then code).
/// </summary>
internal sealed class NarrativeReader(OrganizationDbContext db)
{
    public async Task<List<NarrativeRow>> ReadAsync(ReportPeriod period, UnionUnit within, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var counted = new[] { ReportStatus.Submitted, ReportStatus.Accepted };
        var rows = await (from v in db.ReportValues
                          join r in db.Reports on v.ReportId equals r.Id
                          join u in db.Units.WhereUnder(x => x.Path, within.Path) on r.UnitId equals u.Id
                          where r.PeriodId == period.Id && counted.Contains(r.Status) && codes.Contains(v.IndicatorCode) && v.Text != null
                                && u.Id != period.UnitId
                          select new NarrativeRow(v.IndicatorCode, u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, r.Status, r.Late,
                              r.SubmittedAtUtc, r.Id, v.Text!)).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.Path.Length).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Each narrative indicator of the synthesis's template, in order, with the answers of the counted reports.</summary>
    public async Task<List<(IndicatorTotal Indicator, List<NarrativeRow> Answers)>> ForSynthesisAsync(SynthesisData data, CancellationToken ct)
    {
        var texts = data.Result.Indicators.Where(i => i.Kind == IndicatorKind.Text).ToList();
        if (texts.Count == 0) return [];
        var rows = await ReadAsync(data.Period, data.Within, texts.Select(i => i.Code).ToList(), ct);
        return texts.Select(i => (i, rows.Where(r => r.IndicatorCode == i.Code).ToList())).ToList();
    }

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> unitIds, CancellationToken ct)
    {
        var ids = unitIds.OfType<Guid>().Distinct().ToList();
        return await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>The period's narrative indicator with this code; 404 when the template has no such text indicator.</summary>
    public static ReportIndicator TextIndicator(ReportPeriod period, string code) =>
        period.Indicators.FirstOrDefault(i => i.Kind == IndicatorKind.Text && string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))
        ?? throw new NotFoundException(Localized.Text("Indicator", "chỉ tiêu"), code);
}
