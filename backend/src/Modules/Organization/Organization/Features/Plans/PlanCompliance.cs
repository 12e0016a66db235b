using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>
/// Which units were expected to implement a plan and where each stands. Expected: every active unit strictly below
/// the plan's issuing unit (plan IV.2: upper-level and grassroots unions alike), as far as the caller sees. One query
/// over the units by path prefix, left-joined to the implementation plans: no per-unit work, whatever the size.
/// Also the source of the indicator "subordinate units that issued their implementation plan, on time".
/// </summary>
internal sealed class PlanCompliance(OrganizationDbContext db)
{
    internal sealed record Target(Guid PlanId, Guid IssuerId, string IssuerPath, DateOnly Deadline);

    /// <summary>The plan as the compliance view needs it; 404 when the caller does not read the plan.</summary>
    public async Task<Target> TargetAsync(Guid planId, CancellationToken ct)
    {
        var plan = await PlanVisibility.Readable(db).AsNoTracking().Where(p => p.Id == planId)
                       .Select(p => new { p.UnitId, p.ImplementationDeadline }).FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), planId);
        var issuerPath = await db.PathOfAsync(plan.UnitId, ct);
        return new Target(planId, plan.UnitId, issuerPath, plan.ImplementationDeadline);
    }

    /// <summary>The expected units (within <paramref name="subtreePath"/> when given) with their status.</summary>
    public IQueryable<ComplianceRow> Rows(Target plan, string? subtreePath)
    {
        var units = db.Units.AsNoTracking()
            .WhereUnder(u => u.Path, plan.IssuerPath)
            .Where(u => u.Status == UnitStatus.Active && u.Id != plan.IssuerId);
        if (subtreePath is not null) units = units.WhereUnder(u => u.Path, subtreePath);
        var deadline = plan.Deadline;
        return from u in units
               join i in db.ImplementationPlans.AsNoTracking().Where(i => i.PlanId == plan.PlanId) on u.Id equals i.UnitId into joined
               from i in joined.DefaultIfEmpty()
               select new ComplianceRow
               {
                   UnitId = u.Id,
                   UnitCode = u.Code,
                   UnitName = u.Name,
                   Kind = u.Kind,
                   Depth = u.Depth,
                   ParentId = u.ParentId,
                   ParentName = u.Parent == null ? null : u.Parent.Name,
                   Status = i == null ? ComplianceStatus.Missing
                       : i.Status == ImplementationPlanStatus.Draft ? ComplianceStatus.Draft
                       : i.FirstIssuedOn <= deadline ? ComplianceStatus.IssuedOnTime
                       : ComplianceStatus.IssuedLate,
                   ImplementationPlanId = i == null ? null : i.Id,
                   Number = i == null ? null : i.Number,
                   IssuedOn = i == null ? null : i.IssuedOn,
                   FirstIssuedOn = i == null ? null : i.FirstIssuedOn,
               };
    }

    public static async Task<ComplianceTotals> TotalsAsync(IQueryable<ComplianceRow> rows, CancellationToken ct)
    {
        var counts = await rows.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(ComplianceStatus s) => counts.Where(c => c.Key == s).Sum(c => c.Count);
        return new ComplianceTotals(counts.Sum(c => c.Count), Of(ComplianceStatus.IssuedOnTime), Of(ComplianceStatus.IssuedLate),
            Of(ComplianceStatus.Draft), Of(ComplianceStatus.Missing));
    }

    /// <summary>The totals for a subtree ("/" for the whole scope of the caller), e.g. to pre-fill an annual report's indicator.</summary>
    public async Task<ComplianceTotals> TotalsAsync(Guid planId, string subtreePath, CancellationToken ct) =>
        await TotalsAsync(Rows(await TargetAsync(planId, ct), subtreePath == "/" ? null : subtreePath), ct);
}
