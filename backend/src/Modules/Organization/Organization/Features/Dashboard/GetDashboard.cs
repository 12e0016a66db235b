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

internal sealed class GetDashboardHandler(DashboardFigures figures, OrganizationDbContext db, IMediator mediator, PlanCompliance compliance,
    SynthesisAggregator synthesis, DashboardCache cache) : IQueryHandler<GetDashboard, Dashboard>
{
    /// <summary>
    /// Kept per combination of the modules' data stamps (<see cref="DashboardCache"/>): a whole province's dashboard
    /// reads every source over thousands of units for each year of the plan, far beyond a page's budget, while the
    /// records behind it change seldom next to how often leaders open their home page.
    /// </summary>
    public async ValueTask<Dashboard> Handle(GetDashboard query, CancellationToken ct)
    {
        var unitId = await figures.ChosenUnitAsync(query.UnitId, ct);
        var year = query.Year ?? figures.DefaultYear();
        var stamp = await figures.StampAsync(ct);
        return await cache.GetAsync(stamp, DashboardCache.Key("dashboard", unitId, year, db.Access, figures.Clock),
            () => BuildAsync(unitId, year, ct));
    }

    private async Task<Dashboard> BuildAsync(Guid unitId, int year, CancellationToken ct)
    {
        var subtree = await figures.SubtreeAsync(unitId, ct);
        var plan = await figures.ProvincialPlanAsync(year, ct);
        var first = plan?.PeriodFrom ?? year - 2;
        var years = Enumerable.Range(first, year - first + 1).ToList();
        var targets = plan is not null && plan.UnitId == subtree.Root.Id
            ? plan.Indicators.Where(i => i.Source is not null).GroupBy(i => i.Source!).ToDictionary(g => g.Key, g => g.OrderBy(i => i.Order).First())
            : [];

        var indicators = new List<DashboardIndicator>();
        foreach (var label in figures.Labels())
        {
            var source = figures.Source(label.Key);
            var trend = new List<YearFigure>();
            foreach (var y in years)
                trend.Add(new YearFigure(y, (await figures.ValuesAsync(source, subtree, y, ct)).Values.Sum()));
            DashboardTarget? target = null;
            if (targets.TryGetValue(label.Key, out var t))
            {
                var achieved = trend.Where(f => f.Year >= plan!.PeriodFrom).Sum(f => f.Value);
                target = new DashboardTarget(t.Code, t.Name, t.UnitOfMeasure, t.Target, achieved, t.Target == 0 ? null : Math.Round(achieved / t.Target, 4));
            }
            indicators.Add(new DashboardIndicator(label.Key, label.Name, label.Section, label.Measure, trend[^1].Value, trend, target,
                figures.RecordsOf(label.Key) is not null));
        }

        var focal = await mediator.Send(new GetFocalCoverage { Within = subtree.Root.Id }, ct);
        var implementation = plan is null || !subtree.Root.Path.StartsWith(await db.PathOfAsync(plan.UnitId, ct), StringComparison.Ordinal)
            ? null
            : await compliance.TotalsAsync(plan.Id, subtree.Root.Path, ct);
        var coverage = new DashboardCoverage(new FocalCoverageTotals(focal.Total, focal.Covered, focal.Share), implementation,
            await ReportsAsync(subtree, year, ct));

        var root = subtree.Root;
        return new Dashboard(new UnitSummary(root.Id, root.Code, root.Name, root.Kind, root.ParentId), year, years,
            plan is null ? null : new DashboardPlan(plan.Id, plan.Number, plan.Title, plan.PeriodFrom, plan.PeriodTo), indicators, coverage);
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
