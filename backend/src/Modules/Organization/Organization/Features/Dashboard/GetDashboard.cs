using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Features.FocalOfficials;
using Khcn.Organization.Features.Plans;
using Khcn.Organization.Features.Reports;
using Mediator;
using Microsoft.EntityFrameworkCore;

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
}

internal sealed class GetDashboardValidator : AbstractValidator<GetDashboard>
{
    public GetDashboardValidator() => RuleFor(x => x.Year).InclusiveBetween(ReportPeriodRules.MinYear, 2100);
}

/// <summary>A plan indicator's target, as the dashboard shows it beside the figure of the same source.</summary>
internal sealed record PlanTarget(string Code, string Name, string UnitOfMeasure, decimal Target);

/// <summary>
/// The part of a dashboard Organization's records decide, kept under Organization's stamp: the unit, its subtree's
/// units (<c>SubtreeKey</c>: a content key of their ids, under which the modules' figures are kept), the years, the
/// plan with its targets by source, and the shares.
/// </summary>
internal sealed record DashboardFrame(UnitSummary Unit, IReadOnlyList<Guid> UnitIds, Guid SubtreeKey, IReadOnlyList<int> Years,
    DashboardPlan? Plan, IReadOnlyDictionary<string, PlanTarget> Targets, DashboardCoverage Coverage);

internal sealed class GetDashboardHandler(DashboardFigures figures, OrganizationDbContext db, IMediator mediator, PlanCompliance compliance,
    SynthesisAggregator synthesis, DashboardCache cache) : IQueryHandler<GetDashboard, Dashboard>
{
    /// <summary>
    /// Kept in parts, each under the data stamp it depends on (<see cref="DashboardCache"/>): a whole province's dashboard
    /// reads every source over thousands of units for each year of the plan, far beyond a page's budget, while the
    /// records behind it change seldom next to how often leaders open their home page — and a write in one module
    /// should not make every other module's figures be read again.
    /// </summary>
    public async ValueTask<Dashboard> Handle(GetDashboard query, CancellationToken ct)
    {
        var unitId = await figures.ChosenUnitAsync(query.UnitId, ct);
        var year = query.Year ?? figures.DefaultYear();
        var stamps = await figures.StampsAsync(ct); // before computing anything: a change committed meanwhile only makes a part newer than its key
        var reach = DashboardCache.Reach(db.Access, figures.Clock);
        var frame = await cache.Frames.GetAsync(stamps.Organization, $"{unitId}|{year}|{reach}", () => FrameAsync(unitId, year, ct));

        var values = new Dictionary<(string Key, int Year), decimal>();
        foreach (var group in stamps.Groups)
            foreach (var y in frame.Years)
            {
                var sums = await cache.FiguresOf(group.Module).GetAsync(group.Stamp, $"{frame.SubtreeKey}|{y}|{reach}",
                    () => SumsAsync(group.Sources, frame.UnitIds, y, ct));
                foreach (var (key, value) in sums) values[(key, y)] = value;
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
        return new Dashboard(frame.Unit, year, frame.Years, frame.Plan, indicators, frame.Coverage);
    }

    /// <summary>Each source of one module added up over the subtree's units for one year (a source gives each unit's own figure).</summary>
    private static async Task<Dictionary<string, decimal>> SumsAsync(IReadOnlyList<IReportIndicatorSource> sources, IReadOnlyList<Guid> unitIds,
        int year, CancellationToken ct)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var source in sources) sums[source.Key] = (await source.ValuesAsync(unitIds, year, ct)).Values.Sum(); // one after another: scoped contexts
        return sums;
    }

    /// <summary>What Organization's records decide: the subtree, the plan's years and targets, and the shares.</summary>
    private async Task<DashboardFrame> FrameAsync(Guid unitId, int year, CancellationToken ct)
    {
        var subtree = await figures.SubtreeAsync(unitId, ct);
        var plan = await figures.ProvincialPlanAsync(year, ct);
        var first = plan?.PeriodFrom ?? year - 2;
        var years = Enumerable.Range(first, year - first + 1).ToList();
        var targets = plan is not null && plan.UnitId == subtree.Root.Id
            ? plan.Indicators.Where(i => i.Source is not null).GroupBy(i => i.Source!)
                .ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).Select(i => new PlanTarget(i.Code, i.Name, i.UnitOfMeasure, i.Target)).First())
            : [];

        var focal = await mediator.Send(new GetFocalCoverage { Within = subtree.Root.Id }, ct);
        var implementation = plan is null || !subtree.Root.Path.StartsWith(await db.PathOfAsync(plan.UnitId, ct), StringComparison.Ordinal)
            ? null
            : await compliance.TotalsAsync(plan.Id, subtree.Root.Path, ct);
        var coverage = new DashboardCoverage(new FocalCoverageTotals(focal.Total, focal.Covered, focal.Share), implementation,
            await ReportsAsync(subtree, year, ct));

        var root = subtree.Root;
        return new DashboardFrame(new UnitSummary(root.Id, root.Code, root.Name, root.Kind, root.ParentId), subtree.Ids,
            AccessScopeKeys.Hash(subtree.Ids), years,
            plan is null ? null : new DashboardPlan(plan.Id, plan.Number, plan.Title, plan.PeriodFrom, plan.PeriodTo), targets, coverage);
    }

    /// <summary>The year's reports as the synthesis counts them (the provincial period of the year, if one is open).</summary>
    private async Task<ReportsReceived?> ReportsAsync(DashboardSubtree subtree, int year, CancellationToken ct)
    {
        var rootId = await db.Units.IgnoreQueryFilters().Where(u => u.ParentId == null).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var period = await PeriodVisibility.Readable(db).AsNoTracking().Where(p => p.Year == year && p.UnitId == rootId)
            .Select(p => new { p.Id, p.Deadline }).FirstOrDefaultAsync(ct);
        if (period is null) return null;
        var s = (await synthesis.AggregateAsync(period.Id, subtree.Root.Id, ct)).Submissions;
        return new ReportsReceived(period.Id, period.Deadline, s.Expected, s.OnTime, s.Late, s.NotSubmitted);
    }
}

internal sealed class GetDashboardEndpoint(IMediator mediator) : Endpoint<GetDashboard, Dashboard>
{
    public override void Configure()
    {
        Get(GetDashboard.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "The plan dashboard of a unit's subtree for a year");
    }

    public override async Task HandleAsync(GetDashboard req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
