using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
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

/// <summary>
/// The cascade of a plan: the units expected to issue an implementation plan, how many issued on time, late, are
/// drafting or missing, and the units one page at a time; only the units the caller sees (a district sees its subtree).
/// </summary>
public sealed class GetPlanCompliance : IQuery<PlanComplianceReport>, IPagedQuery
{
    public const string Route = "/api/v1/organization/plans/{id}/compliance";
    public Guid Id { get; init; }
    /// <summary>Only this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    /// <summary>Only the units in this state (the totals still count every state).</summary>
    public ComplianceStatus? Status { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>unit (default: by level, then name), status or issuedOn; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the unit's code or name (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class GetPlanComplianceValidator : AbstractValidator<GetPlanCompliance>
{
    public GetPlanComplianceValidator() => this.AddPagingRules("unit", "status", "issuedOn");
}

internal sealed class GetPlanComplianceHandler(OrganizationDbContext db, PlanCompliance compliance)
    : IQueryHandler<GetPlanCompliance, PlanComplianceReport>
{
    public async ValueTask<PlanComplianceReport> Handle(GetPlanCompliance query, CancellationToken ct)
    {
        var target = await compliance.TargetAsync(query.Id, ct);
        var within = query.Within is { } w ? await db.SubtreePathOfAsync(w, ct) : null;
        var rows = compliance.Rows(target, within);
        var totals = await PlanCompliance.TotalsAsync(rows, ct);

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var matching = db.Units.WhereMatches(query.Q, u => u.SearchText).Select(u => u.Id);
            rows = rows.Where(r => matching.Contains(r.UnitId));
        }
        if (query.Status is { } status) rows = rows.Where(r => r.Status == status);
        var desc = query.Descending();
        rows = query.SortField() switch
        {
            "status" => desc ? rows.OrderByDescending(r => r.Status).ThenBy(r => r.UnitName) : rows.OrderBy(r => r.Status).ThenBy(r => r.UnitName),
            "issuedon" => desc ? rows.OrderByDescending(r => r.IssuedOn).ThenBy(r => r.UnitName) : rows.OrderBy(r => r.IssuedOn).ThenBy(r => r.UnitName),
            _ => desc ? rows.OrderByDescending(r => r.Depth).ThenByDescending(r => r.UnitName) : rows.OrderBy(r => r.Depth).ThenBy(r => r.UnitName),
        };
        return new PlanComplianceReport(target.PlanId, target.Deadline, totals, await rows.ToPageAsync(query, ct));
    }
}

internal sealed class GetPlanComplianceEndpoint(IMediator mediator) : Endpoint<GetPlanCompliance, PlanComplianceReport>
{
    public override void Configure()
    {
        Get(GetPlanCompliance.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Which units issued their implementation plan of a plan: on time, late, in draft or missing");
    }

    public override async Task HandleAsync(GetPlanCompliance req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
