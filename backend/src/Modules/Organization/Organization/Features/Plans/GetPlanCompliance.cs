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
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Which units issued their implementation plan of a plan: on time, late, in draft or missing");
    }

    public override async Task HandleAsync(GetPlanCompliance req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
