using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>A unit expected to report, where it stands, and the path that places it in the subtree.</summary>
internal sealed record SubmissionRow(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId, string Path, bool Active,
    SubmissionState State, bool Late, bool Submitted, DateTime? SubmittedAt, Guid? ReportId);

internal sealed record SynthesisData(ReportPeriod Period, UnionUnit Within, IReadOnlyList<SubmissionRow> Rows, Synthesis Result,
    IReadOnlyDictionary<Guid, Dictionary<string, decimal>> ValuesByUnit, IReadOnlyDictionary<Guid, string> ParentNames);

/// <summary>
/// Computes a period's synthesis over a subtree in three set-based queries (units by path prefix, the period's
/// reports, the numbers of the counted reports) and folds them in memory: no query per unit.
/// Counted reports are those submitted or accepted (a returned report counts again once resubmitted).
/// Records of a merged unit stay with it; the merged unit sits under its successor, so its numbers roll up there.
/// </summary>
internal sealed class SynthesisBuilder(OrganizationDbContext db)
{
    public async Task<SynthesisData> BuildAsync(Guid periodId, Guid? withinId, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, periodId, ct);
        var within = await WithinAsync(period, withinId, ct);

        var units = await db.Units.AsNoTracking().WhereUnder(u => u.Path, within.Path).Where(u => u.Id != period.UnitId)
            .Select(u => new { u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Status }).ToListAsync(ct);
        var unitIds = units.Select(u => u.Id).ToHashSet();
        var reports = (await db.Reports.AsNoTracking().Where(r => r.PeriodId == period.Id)
                .Select(r => new { r.Id, r.UnitId, r.Status, r.Late, r.FirstSubmittedAtUtc, r.SubmittedAtUtc }).ToListAsync(ct))
            .Where(r => unitIds.Contains(r.UnitId)).ToDictionary(r => r.UnitId);
        var counted = new[] { ReportStatus.Submitted, ReportStatus.Accepted };
        var numbers = await (from v in db.ReportValues
                             join r in db.Reports on v.ReportId equals r.Id
                             where r.PeriodId == period.Id && counted.Contains(r.Status) && v.Number != null
                             select new { r.UnitId, v.IndicatorCode, v.Number }).AsNoTracking().ToListAsync(ct);
        var valuesByUnit = numbers.Where(n => unitIds.Contains(n.UnitId))
            .GroupBy(n => n.UnitId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(n => n.IndicatorCode, n => n.Number!.Value));

        var rows = units
            .Where(u => u.Status == UnitStatus.Active || reports.ContainsKey(u.Id))
            .Select(u =>
            {
                var r = reports.GetValueOrDefault(u.Id);
                return new SubmissionRow(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Status == UnitStatus.Active,
                    r is null ? SubmissionState.NotStarted : SubmissionStates.Of(r.Status), r?.Late ?? false,
                    r?.FirstSubmittedAtUtc is not null, r?.SubmittedAtUtc, r?.Id);
            })
            .OrderBy(r => r.Path.Length).ThenBy(r => r.Code)
            .ToList();
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        names[within.Id] = within.Name;
        var parentNames = rows.Where(r => r.ParentId is { } p && names.ContainsKey(p)).ToDictionary(r => r.UnitId, r => names[r.ParentId!.Value]);

        var indicators = period.Indicators.OrderBy(i => i.Position).ToList();
        var numberCodes = indicators.Where(i => i.Kind.HoldsNumber()).Select(i => i.Code).ToList();

        Dictionary<string, decimal> Totals(IEnumerable<SubmissionRow> group)
        {
            var totals = numberCodes.ToDictionary(c => c, _ => 0m);
            foreach (var row in group)
                if (valuesByUnit.TryGetValue(row.UnitId, out var values))
                    foreach (var (code, number) in values)
                        if (totals.ContainsKey(code)) totals[code] += number;
            return totals;
        }

        var all = Totals(rows);
        var reportsPerCode = numberCodes.ToDictionary(c => c, c => rows.Count(r => valuesByUnit.TryGetValue(r.UnitId, out var v) && v.ContainsKey(c)));
        var indicatorTotals = indicators.Select(i => new IndicatorTotal(i.Code, i.Name, i.Section, i.Kind, i.Measure,
            all.GetValueOrDefault(i.Code), i.Kind.HoldsNumber() ? reportsPerCode[i.Code] : rows.Count(r => r.State is SubmissionState.Submitted or SubmissionState.Accepted))).ToList();

        var childLength = within.Path.Length + UnionUnit.PathPrefixOf(Guid.Empty).Length - 1;
        var children = units.Where(u => u.ParentId == within.Id).ToDictionary(u => u.Path);
        var byUnit = rows
            .GroupBy(r => r.UnitId == within.Id || r.Path.Length <= within.Path.Length ? "" : r.Path[..childLength])
            .Select(g =>
            {
                var child = g.Key.Length == 0 ? null : children.GetValueOrDefault(g.Key);
                return new SynthesisGroup(child?.Code ?? within.Code, child?.Name ?? within.Name, child?.Id ?? within.Id, Counts(g.ToList()), Totals(g));
            })
            .OrderBy(g => g.UnitId == within.Id ? 0 : 1).ThenBy(g => g.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false))
            .ToList();
        var byKind = rows.GroupBy(r => r.Kind).OrderBy(g => g.Key)
            .Select(g => new SynthesisGroup(g.Key.ToString(), g.Key.ToString(), null, Counts(g.ToList()), Totals(g))).ToList();

        var result = new Synthesis(period.Id, period.Year, period.Title, period.Deadline,
            new UnitSummary(within.Id, within.Code, within.Name, within.Kind, within.ParentId), Counts(rows), indicatorTotals, byUnit, byKind);
        return new SynthesisData(period, within, rows, result, valuesByUnit, parentNames);
    }

    public static SubmissionCounts Counts(IReadOnlyCollection<SubmissionRow> rows) => new(
        rows.Count,
        rows.Count(r => r.Submitted && !r.Late),
        rows.Count(r => r.Submitted && r.Late),
        rows.Count(r => !r.Submitted),
        rows.Count(r => r.State == SubmissionState.Accepted),
        rows.Count(r => r.State == SubmissionState.Submitted),
        rows.Count(r => r.State == SubmissionState.Returned));

    /// <summary>The subtree to synthesise: the chosen unit (404 outside the caller's scope), else the period's unit or the caller's own.</summary>
    public async Task<UnionUnit> WithinAsync(ReportPeriod period, Guid? withinId, CancellationToken ct)
    {
        var id = withinId ?? (db.Access.Unrestricted || db.Access.CanSee(period.UnitId) ? period.UnitId : db.Access.Grants.Select(g => g.UnitId).FirstOrDefault());
        var within = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        var periodPath = await db.PathOfAsync(period.UnitId, ct);
        if (!within.Path.StartsWith(periodPath, StringComparison.Ordinal)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), id);
        return within;
    }
}
