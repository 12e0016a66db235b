using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>The plans issued by the caller's units and the units above them, newest first, searchable without diacritics.</summary>
public sealed class ListPlans : IQuery<PagedResult<PlanListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/plans";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>issuedOn (default: newest first), number or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the number, title, issuer, implemented document or summary (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListPlansValidator : AbstractValidator<ListPlans>
{
    public ListPlansValidator() => this.AddPagingRules("issuedOn", "number", "title");
}

internal sealed class ListPlansHandler(OrganizationDbContext db) : IQueryHandler<ListPlans, PagedResult<PlanListItem>>
{
    public async ValueTask<PagedResult<PlanListItem>> Handle(ListPlans query, CancellationToken ct)
    {
        var plans = PlanVisibility.Readable(db).AsNoTracking().WhereMatches(query.Q, p => p.SearchText);
        var desc = query.Descending();
        plans = query.SortField() switch
        {
            "number" => desc ? plans.OrderByDescending(p => p.Number) : plans.OrderBy(p => p.Number),
            "title" => desc ? plans.OrderByDescending(p => p.Title) : plans.OrderBy(p => p.Title),
            "issuedon" when !desc => plans.OrderBy(p => p.IssuedOn).ThenBy(p => p.Number),
            _ => plans.OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Number),
        };
        return await plans
            .Select(p => new PlanListItem(p.Id, p.UnitId, p.Number, p.Title, p.IssuerName, p.IssuedOn, p.PeriodFrom, p.PeriodTo, p.ImplementationDeadline))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPlansEndpoint(IMediator mediator) : Endpoint<ListPlans, PagedResult<PlanListItem>>
{
    public override void Configure()
    {
        Get(ListPlans.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "List the plans of the caller's units and of the units above them");
    }

    public override async Task HandleAsync(ListPlans req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
