using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Integrations;

/// <summary>A course completed in the year, held by the unit that requested it.</summary>
internal sealed record HeldCourse(Guid Id, Guid RequestingUnitId, CourseSubject Subject);

/// <summary>An official who completed a course of the year, counted for the unit they were nominated from.</summary>
internal sealed record CourseCompletion(Guid OfficialId, Guid UnitId, CourseSubject Subject);

/// <summary>A unit's reach report of a campaign in the year.</summary>
internal sealed record YearReach(Guid UnitId, Guid CampaignId, int EventsHeld, int PeopleReached, int WomenReached);

/// <summary>
/// What this module's report indicator sources read (the year's completed courses and reach reports), read once per request however many sources ask: a report form asks eleven of them for one unit.
/// Scoped, and used one source after another (not concurrently).
/// </summary>
internal sealed class ReportFigures(TrainingDbContext db)
{
    private readonly Dictionary<int, (IReadOnlyList<HeldCourse> Held, IReadOnlyList<CourseCompletion> Completions)> _completed = [];
    private readonly Dictionary<int, IReadOnlyList<YearReach>> _reach = [];

    /// <summary>The courses completed in <paramref name="year"/> (Vietnam time) and who completed them.</summary>
    public async Task<(IReadOnlyList<HeldCourse> Held, IReadOnlyList<CourseCompletion> Completions)> CompletedAsync(int year, CancellationToken ct)
    {
        if (_completed.TryGetValue(year, out var kept)) return kept;
        // The completion step is recorded in UTC; a day either side catches the year's edges in Vietnam time.
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(-1);
        var to = new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(1);
        var steps = await db.CourseSteps.AsNoTracking().Where(s => s.To == CourseStatus.Completed && s.AtUtc >= from && s.AtUtc < to)
            .Select(s => new { s.CourseId, s.AtUtc }).ToListAsync(ct);
        var ids = steps.Where(s => VietnamTime.ToLocal(s.AtUtc).Year == year).Select(s => s.CourseId).Distinct().ToList();
        var held = ids.Count == 0 ? [] : await db.Courses.AsNoTracking().Where(c => ids.Contains(c.Id) && c.Status == CourseStatus.Completed)
            .Select(c => new HeldCourse(c.Id, c.RequestingUnitId, c.Subject)).ToListAsync(ct);
        var subjects = held.ToDictionary(c => c.Id, c => c.Subject);
        var heldIds = subjects.Keys.ToList();
        var completions = heldIds.Count == 0 ? [] : (await db.OfAnyUnit().AsNoTracking()
                .Where(e => heldIds.Contains(e.CourseId) && e.Result == CompletionResult.Completed && e.Status != EnrolmentStatus.Withdrawn)
                .Select(e => new { e.OfficialId, e.UnitId, e.CourseId }).ToListAsync(ct))
            .Select(e => new CourseCompletion(e.OfficialId, e.UnitId, subjects[e.CourseId])).ToList();
        return _completed[year] = (held, completions);
    }

    /// <summary>Every unit's reach reports of <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<YearReach>> ReachAsync(int year, CancellationToken ct)
    {
        if (_reach.TryGetValue(year, out var kept)) return kept;
        return _reach[year] = await db.ReachReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.Year == year)
            .Select(r => new YearReach(r.UnitId, r.CampaignId, r.EventsHeld, r.PeopleReached, r.WomenReached)).ToListAsync(ct);
    }
}
