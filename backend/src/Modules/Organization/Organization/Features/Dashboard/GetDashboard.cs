using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Features.Reports;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The plan dashboard: every indicator the modules know (their report indicator sources) over a unit's subtree for a
/// year, its trend over the plan's years and the provincial plan's target, with the shares of focal officials,
/// implementation plans and annual reports.
/// </summary>
public sealed record GetDashboard : IQuery<Dashboard>
{
    public const string Route = "/api/v1/dashboard";
    /// <summary>The unit whose subtree to show (default: the caller's own unit, or the province for the unrestricted).</summary>
    public Guid? UnitId { get; init; }
    /// <summary>The year (default: this year, Vietnam time).</summary>
    public int? Year { get; init; }
    /// <summary>
    /// Exact figures: compute now every part whose data changed since it was kept (seconds on a province), instead of
    /// answering with the last computed one while it is refreshed. Exports and whoever compares figures ask for it.
    /// </summary>
    public bool Fresh { get; init; }
}

internal sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator() => RuleFor(x => x.Year).InclusiveBetween(ReportPeriodRules.MinYear, 2100);
}

internal sealed class GetDashboardHandler(DashboardFigures figures, DashboardParts parts, OrganizationDbContext db, DashboardCache cache)
    : IQueryHandler<GetDashboard, Dashboard>
{
    /// <summary>
    /// Kept in parts, each with the data stamp it was computed under (<see cref="DashboardCache"/>): a whole province's
    /// dashboard reads every source over thousands of units for each year of the plan, far beyond a page's budget, while
    /// the records behind it change seldom next to how often leaders open their home page. A part whose stamp moved is
    /// answered as last computed while one background refresh replaces it (<c>Refreshing</c>, <c>ComputedAtUtc</c>), so
    /// no read waits for a recomputation except the first of a part that day, or one asking <c>fresh=true</c>.
    /// </summary>
    public async ValueTask<Dashboard> Handle(GetDashboard query, CancellationToken ct)
    {
        var unitId = await figures.ChosenUnitAsync(query.UnitId, ct);
        var year = query.Year ?? figures.DefaultYear();
        var stamps = await figures.StampsAsync(ct); // before computing anything: a change committed meanwhile only makes a part newer than its version
        var reach = DashboardCache.Reach(db.Access);
        var day = VietnamTime.Today(figures.Clock).DayNumber;
        var exact = query.Fresh;
        var frameRead = await cache.Frames.GetAsync($"{unitId}|{year}|{reach}", stamps.Organization, day, exact, db.Access,
            c => parts.FrameAsync(unitId, year, c),
            (services, c) => services.GetRequiredService<DashboardParts>().FrameAsync(unitId, year, c), ct);
        var frame = frameRead.Value;
        var reads = new List<(DateTimeOffset ComputedAtUtc, bool Refreshing)> { (frameRead.ComputedAtUtc, frameRead.Refreshing) };

        var values = new Dictionary<(string Key, int Year), decimal>();
        foreach (var group in stamps.Groups)
        {
            var keys = group.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var y in frame.Years)
            {
                var read = await cache.FiguresOf(group.Module).GetAsync($"{unitId}|{y}|{reach}", $"{group.Stamp}|{frame.SubtreeKey}", day, exact,
                    db.Access, c => parts.SumsAsync(keys, frame.UnitIds, y, c),
                    (services, c) => services.GetRequiredService<DashboardParts>().SumsAsync(keys, frame.UnitIds, y, c), ct);
                reads.Add((read.ComputedAtUtc, read.Refreshing));
                foreach (var (key, value) in read.Value) values[(key, y)] = value;
            }
        }

        var indicators = new List<DashboardIndicator>();
        foreach (var label in figures.Labels())
        {
            var trend = frame.Years.Select(y => new YearFigure(y, values.GetValueOrDefault((label.Key, y)))).ToList();
            DashboardTarget? target = null;
            if (frame.Targets.TryGetValue(label.Key, out var t))
            {
                var achieved = trend.Where(f => f.Year >= frame.Plan!.PeriodFrom).Sum(f => f.Value);
                target = new DashboardTarget(t.Code, t.Name, t.UnitOfMeasure, t.Target, achieved, t.Target == 0 ? null : Math.Round(achieved / t.Target, 4));
            }
            indicators.Add(new DashboardIndicator(label.Key, label.Name, label.Section, label.Measure, trend[^1].Value, trend, target,
                figures.RecordsOf(label.Key) is not null));
        }
        return new Dashboard(frame.Unit, year, frame.Years, frame.Plan, indicators, frame.Coverage,
            reads.Min(r => r.ComputedAtUtc), reads.Any(r => r.Refreshing));
    }
}

internal sealed class GetDashboardEndpoint(IMediator mediator) : Endpoint<GetDashboard, Dashboard>
{
    public override void Configure()
    {
        Get(GetDashboard.Route);
        Policies(Permission.RecordsRead);
        Summary(s =>
        {
            s.Summary = "The plan dashboard of a unit's subtree for a year";
            s.Description = "May be stale: a part (the frame of shares, or one module's figures for one year) whose records changed since "
                            + "it was computed is answered as last computed, with `refreshing: true`, while one background computation "
                            + "replaces it (seconds on a whole province); `computedAtUtc` is when the oldest part's computation began, "
                            + "always the same day in Vietnam (a part of an earlier day is computed before answering). Re-read until "
                            + "`refreshing` is false for the newest figures, or ask `fresh=true` for exact ones (the .xlsx export does): "
                            + "it computes every changed part before answering.";
        });
    }

    public override async Task HandleAsync(GetDashboard req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
