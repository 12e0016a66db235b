using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Integrations;

/// <summary>
/// The records behind the training figures of the plan dashboard, read from the same year's figures the sources add
/// up (<see cref="ReportFigures"/>): the courses a unit held (completed in the year), and the campaigns it held events
/// in or reached people by (one record per campaign and unit, worth what the unit's reach reports of the year add to
/// the figure). Officials trained are people, not records with a page of their own: not listed.
/// </summary>
internal sealed class TrainingIndicatorRecords(ReportFigures figures, TrainingDbContext db) : IReportIndicatorRecords
{
    public IReadOnlyCollection<string> Keys { get; } =
        [CoursesHeldSource.SourceKey, CampaignsHeldSource.SourceKey, PeopleReachedSource.SourceKey, WomenReachedSource.SourceKey];

    public async Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(string key, IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var units = unitIds.ToHashSet();
        return key == CoursesHeldSource.SourceKey ? await CoursesAsync(units, year, ct) : await CampaignsAsync(key, units, year, ct);
    }

    private async Task<List<IndicatorRecord>> CoursesAsync(HashSet<Guid> units, int year, CancellationToken ct)
    {
        var held = (await figures.CompletedAsync(year, ct)).Held.Where(c => units.Contains(c.RequestingUnitId)).ToList();
        if (held.Count == 0) return [];
        var ids = held.Select(c => c.Id).ToList();
        var courses = await db.Courses.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Code, c.Title }).ToDictionaryAsync(c => c.Id, ct);
        var completed = (await db.CourseSteps.IgnoreQueryFilters().AsNoTracking()
                .Where(s => ids.Contains(s.CourseId) && s.To == Domain.CourseStatus.Completed).Select(s => new { s.CourseId, s.AtUtc }).ToListAsync(ct))
            .GroupBy(s => s.CourseId).ToDictionary(g => g.Key, g => DateOnly.FromDateTime(VietnamTime.ToLocal(g.Max(s => s.AtUtc))));
        return [.. held.Select(c => new IndicatorRecord("course", c.Id, courses.GetValueOrDefault(c.Id)?.Title ?? "", completed.GetValueOrDefault(c.Id),
            c.RequestingUnitId, 1, null, courses.GetValueOrDefault(c.Id)?.Code))];
    }

    private async Task<List<IndicatorRecord>> CampaignsAsync(string key, HashSet<Guid> units, int year, CancellationToken ct)
    {
        var reach = (await figures.ReachAsync(year, ct)).Where(r => units.Contains(r.UnitId)).ToList();
        var parts = reach.GroupBy(r => (r.UnitId, r.CampaignId)).Select(g => (g.Key.UnitId, g.Key.CampaignId, Value: key switch
        {
            CampaignsHeldSource.SourceKey => g.Any(r => r.EventsHeld > 0) ? 1m : 0m,
            PeopleReachedSource.SourceKey => g.Sum(r => (decimal)r.PeopleReached),
            _ => g.Sum(r => (decimal)r.WomenReached),
        })).Where(p => p.Value > 0).ToList();
        if (parts.Count == 0) return [];
        var ids = parts.Select(p => p.CampaignId).Distinct().ToList();
        var campaigns = await db.Campaigns.IgnoreQueryFilters().AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Title, c.StartsOn, c.EndsOn }).ToDictionaryAsync(c => c.Id, ct);
        return [.. parts.Select(p =>
        {
            var c = campaigns.GetValueOrDefault(p.CampaignId);
            return new IndicatorRecord("campaign", p.CampaignId, c?.Title ?? "", c?.StartsOn, p.UnitId, p.Value, null,
                c is null ? null : $"{c.StartsOn:dd/MM/yyyy} – {c.EndsOn:dd/MM/yyyy}");
        })];
    }
}
