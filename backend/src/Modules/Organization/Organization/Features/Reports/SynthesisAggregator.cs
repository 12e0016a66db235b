using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>
/// The synthesis computed where the data lives: two GROUP BY queries over the subtree (submission counts per
/// sub-unit and kind; sums and counts of the counted reports' numbers per sub-unit, kind and indicator) and a read
/// of the sub-units' names, then a fold of those few hundred groups. Nothing per unit or per value comes back, so it
/// costs what the database's aggregate costs (issue #17). Same rules and totals as <see cref="SynthesisBuilder"/>,
/// which still serves the per-unit lists and exports; text answers stay on their own endpoint.
/// At ~20,000 units those queries still sort ~45,000 rows each (about 1.5 s), so the result is kept per subtree and
/// period under the module's data stamp (<see cref="SynthesisCache"/>): the next read after any change of a report,
/// its values, a period or a unit recomputes it, on every replica.
/// </summary>
internal sealed class SynthesisAggregator(OrganizationDbContext db, SynthesisBuilder builder, SynthesisCache cache)
{
    private sealed record CountRow(string Key, UnitKind Kind, int Expected, int OnTime, int Late, int NotSubmitted, int Accepted, int AwaitingReview, int Returned);

    private sealed record SumRow(string Key, UnitKind Kind, string Code, decimal Sum, int Count);

    public async Task<Synthesis> AggregateAsync(Guid periodId, Guid? withinId, CancellationToken ct)
    {
        // The stamp before anything it covers is read: a change committed meanwhile can only make the kept value newer than its key.
        var stamp = await db.ReadChangeStampAsync(OrganizationDbContext.DataStamp, ct);
        var period = await PeriodVisibility.FindAsync(db, periodId, ct);
        var within = await builder.WithinAsync(period, withinId, ct);
        return await cache.GetAsync(stamp.ToString(), SynthesisCache.Key(period.Id, within.Id, db.Access), () => ComputeAsync(period, within, ct));
    }

    private async Task<Synthesis> ComputeAsync(ReportPeriod period, UnionUnit within, CancellationToken ct)
    {
        var pid = period.Id;
        var periodUnit = period.UnitId;
        var withinLength = within.Path.Length;
        // A row's group is the path of the sub-unit directly below `within` that holds it ("" for `within` itself).
        var childLength = withinLength + UnionUnit.PathPrefixOf(Guid.Empty).Length - 1;

        var units = db.Units.AsNoTracking().WhereUnder(u => u.Path, within.Path).Where(u => u.Id != periodUnit);
        var counts = await (
                from u in units
                join r0 in db.Reports.Where(r => r.PeriodId == pid) on u.Id equals r0.UnitId into reports
                from r in reports.DefaultIfEmpty()
                where u.Status == UnitStatus.Active || r != null
                group r by new { Key = u.Path.Length <= withinLength ? "" : u.Path.Substring(0, childLength), u.Kind } into g
                select new CountRow(g.Key.Key, g.Key.Kind, g.Count(),
                    g.Count(r => r != null && r.FirstSubmittedAtUtc != null && !r.Late),
                    g.Count(r => r != null && r.FirstSubmittedAtUtc != null && r.Late),
                    g.Count(r => r == null || r.FirstSubmittedAtUtc == null),
                    g.Count(r => r != null && r.Status == ReportStatus.Accepted),
                    g.Count(r => r != null && r.Status == ReportStatus.Submitted),
                    g.Count(r => r != null && r.Status == ReportStatus.Returned)))
            .ToListAsync(ct);

        var values = from v in db.ReportValues
                     join r in db.Reports on v.ReportId equals r.Id
                     join u in units on r.UnitId equals u.Id
                     where r.PeriodId == pid && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted) && v.Number != null
                     select new { Key = u.Path.Length <= withinLength ? "" : u.Path.Substring(0, childLength), u.Kind, v.IndicatorCode, v.Number };
        List<SumRow> sums;
        if (db.Database.IsSqlServer())
            sums = await values.GroupBy(x => new { x.Key, x.Kind, x.IndicatorCode })
                .Select(g => new SumRow(g.Key.Key, g.Key.Kind, g.Key.IndicatorCode, g.Sum(x => x.Number!.Value), g.Count()))
                .ToListAsync(ct);
        else
            // SQLite keeps decimals as text and EF sums them through a .NET function called once per value; whole
            // cents are native integers, summed exactly (values have at most two decimals and stay below 9·10^13).
            sums = (await values.GroupBy(x => new { x.Key, x.Kind, x.IndicatorCode })
                    .Select(g => new { g.Key.Key, g.Key.Kind, g.Key.IndicatorCode, Cents = g.Sum(x => (long)Math.Round((double)x.Number!.Value * 100)), Count = g.Count() })
                    .ToListAsync(ct))
                .Select(x => new SumRow(x.Key, x.Kind, x.IndicatorCode, x.Cents / 100m, x.Count)).ToList();

        var children = await db.Units.AsNoTracking().Where(u => u.ParentId == within.Id && u.Id != periodUnit)
            .Select(u => new { u.Id, u.Code, u.Name, u.Path }).ToListAsync(ct);
        var childByPath = children.ToDictionary(c => c.Path);

        var indicators = period.Indicators.OrderBy(i => i.Position).ToList();
        var numberCodes = indicators.Where(i => i.Kind.HoldsNumber()).Select(i => i.Code).ToList();

        Dictionary<string, decimal> Totals(IEnumerable<SumRow> group)
        {
            var totals = numberCodes.ToDictionary(c => c, _ => 0m);
            foreach (var s in group)
                if (totals.ContainsKey(s.Code)) totals[s.Code] += s.Sum;
            return totals;
        }

        static SubmissionCounts Sum(IEnumerable<CountRow> group)
        {
            var g = group.ToList();
            return new SubmissionCounts(g.Sum(c => c.Expected), g.Sum(c => c.OnTime), g.Sum(c => c.Late), g.Sum(c => c.NotSubmitted),
                g.Sum(c => c.Accepted), g.Sum(c => c.AwaitingReview), g.Sum(c => c.Returned));
        }

        var all = Sum(counts);
        var totals = Totals(sums);
        var reportsPerCode = sums.GroupBy(s => s.Code).ToDictionary(g => g.Key, g => g.Sum(s => s.Count));
        var indicatorTotals = indicators.Select(i => new IndicatorTotal(i.Code, i.Name, i.Section, i.Kind, i.Measure, totals.GetValueOrDefault(i.Code),
            i.Kind.HoldsNumber() ? reportsPerCode.GetValueOrDefault(i.Code) : all.Accepted + all.AwaitingReview)).ToList();

        var vietnamese = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false);
        var byUnit = counts.Select(c => c.Key).Distinct()
            .Select(key =>
            {
                var child = key.Length == 0 ? null : childByPath.GetValueOrDefault(key);
                return new SynthesisGroup(child?.Code ?? within.Code, child?.Name ?? within.Name, child?.Id ?? within.Id,
                    Sum(counts.Where(c => c.Key == key)), Totals(sums.Where(s => s.Key == key)));
            })
            .OrderBy(g => g.UnitId == within.Id ? 0 : 1).ThenBy(g => g.Name, vietnamese)
            .ToList();
        var byKind = counts.Select(c => c.Kind).Distinct().Order()
            .Select(kind => new SynthesisGroup(kind.ToString(), kind.ToString(), null, Sum(counts.Where(c => c.Kind == kind)),
                Totals(sums.Where(s => s.Kind == kind))))
            .ToList();

        return new Synthesis(period.Id, period.Year, period.Title, period.Deadline,
            new UnitSummary(within.Id, within.Code, within.Name, within.Kind, within.ParentId), all, indicatorTotals, byUnit, byKind);
    }
}
