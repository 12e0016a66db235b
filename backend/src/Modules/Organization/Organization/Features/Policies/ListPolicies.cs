using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

/// <summary>The register of encouragement-policy documents of the caller's units and the units above them, searchable without diacritics.</summary>
public sealed class ListPolicies : IQuery<PagedResult<PolicyListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/policies";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>issuedOn (default: newest first), number or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the number, title, issuer or summary (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only documents in force on this day (yyyy-MM-dd).</summary>
    public DateOnly? EffectiveOn { get; init; }
}

internal sealed class ListPoliciesValidator : AbstractValidator<ListPolicies>
{
    public ListPoliciesValidator() => this.AddPagingRules("issuedOn", "number", "title");
}

internal sealed class ListPoliciesHandler(OrganizationDbContext db) : IQueryHandler<ListPolicies, PagedResult<PolicyListItem>>
{
    public async ValueTask<PagedResult<PolicyListItem>> Handle(ListPolicies query, CancellationToken ct)
    {
        var policies = PolicyVisibility.Readable(db).AsNoTracking();
        policies = policies.WhereMatches(query.Q, p => p.SearchText);
        if (query.EffectiveOn is { } day)
            policies = policies.Where(p => p.EffectiveFrom <= day && (p.EffectiveTo == null || p.EffectiveTo >= day));
        var desc = query.Descending();
        policies = query.SortField() switch
        {
            "number" => desc ? policies.OrderByDescending(p => p.Number) : policies.OrderBy(p => p.Number),
            "title" => desc ? policies.OrderByDescending(p => p.Title) : policies.OrderBy(p => p.Title),
            "issuedon" when !desc => policies.OrderBy(p => p.IssuedOn).ThenBy(p => p.Number),
            _ => policies.OrderByDescending(p => p.IssuedOn).ThenBy(p => p.Number),
        };
        return await policies
            .Select(p => new PolicyListItem(p.Id, p.Number, p.Title, p.Issuer, p.IssuedOn, p.EffectiveFrom, p.EffectiveTo, p.Attachments.Count))
            .ToPageAsync(query, ct);
    }
}

internal sealed class ListPoliciesEndpoint(IMediator mediator) : Endpoint<ListPolicies, PagedResult<PolicyListItem>>
{
    public override void Configure()
    {
        Get(ListPolicies.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Search the register of encouragement-policy documents");
    }

    public override async Task HandleAsync(ListPolicies req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
