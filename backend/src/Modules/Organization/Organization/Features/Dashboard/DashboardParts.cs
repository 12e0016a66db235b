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

/// <summary>A plan indicator's target, as the dashboard shows it beside the figure of the same source.</summary>
internal sealed record PlanTarget(string Code, string Name, string UnitOfMeasure, decimal Target);

/// <summary>
/// The part of a dashboard Organization's records decide, kept under Organization's stamp: the unit, its subtree's
/// units (<c>SubtreeKey</c>: a content key of their ids, part of the version the modules' figures are kept under), the
/// years, the plan with its targets by source, and the shares.
/// </summary>
internal sealed record DashboardFrame(UnitSummary Unit, IReadOnlyList<Guid> UnitIds, Guid SubtreeKey, IReadOnlyList<int> Years,
    DashboardPlan? Plan, IReadOnlyDictionary<string, PlanTarget> Targets, DashboardCoverage Coverage);

/// <summary>
/// Computes the parts of a dashboard that <see cref="DashboardCache"/> keeps, in the scope it is resolved from: the
/// request's (a first read, or <c>fresh=true</c>) or a background refresh's, whose access is the caller's copied.
/// </summary>
internal sealed class DashboardParts(DashboardFigures figures, OrganizationDbContext db, IMediator mediator, PlanCompliance compliance,
    SynthesisAggregator synthesis)
{
    /// <summary>Each source of one module (named by the keys of its sources) added up over the subtree's units for one year.</summary>
    public async Task<Dictionary<string, decimal>> SumsAsync(IReadOnlySet<string> sourceKeys, IReadOnlyList<Guid> unitIds, int year,
        CancellationToken ct)
    {
        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var source in figures.Sources.Where(s => sourceKeys.Contains(s.Key)))
            sums[source.Key] = (await source.ValuesAsync(unitIds, year, ct)).Values.Sum(); // one after another: scoped contexts
        return sums;
    }

    /// <summary>What Organization's records decide: the subtree, the plan's years and targets, and the shares.</summary>
    public async Task<DashboardFrame> FrameAsync(Guid unitId, int year, CancellationToken ct)
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
