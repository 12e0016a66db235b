using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Officials;

/// <summary>Officials of the units in the caller's scope, paged and searchable without diacritics.</summary>
public sealed class ListOfficials : IQuery<PagedResult<OfficialListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/officials";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>fullName, position or unit; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the name, position or e-mail (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only the officials of this unit.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>Only the officials of this unit and the units below it.</summary>
    public Guid? Within { get; init; }
}

internal sealed class ListOfficialsValidator : AbstractValidator<ListOfficials>
{
    public ListOfficialsValidator() => this.AddPagingRules("fullName", "position", "unit");
}

internal sealed class ListOfficialsHandler(OrganizationDbContext db) : IQueryHandler<ListOfficials, PagedResult<OfficialListItem>>
{
    public async ValueTask<PagedResult<OfficialListItem>> Handle(ListOfficials query, CancellationToken ct)
    {
        IQueryable<Official> officials = db.Officials.AsNoTracking();
        if (query.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            officials = officials.WhereUnder(o => o.Unit!.Path, path);
        }
        if (query.UnitId is { } unitId) officials = officials.Where(o => o.UnitId == unitId);
        officials = officials.WhereMatches(query.Q, o => o.SearchText);
        var desc = query.Descending();
        officials = query.SortField() switch
        {
            "position" => desc ? officials.OrderByDescending(o => o.Position) : officials.OrderBy(o => o.Position),
            "unit" => desc ? officials.OrderByDescending(o => o.Unit!.Name).ThenBy(o => o.FullName) : officials.OrderBy(o => o.Unit!.Name).ThenBy(o => o.FullName),
            "fullname" when desc => officials.OrderByDescending(o => o.FullName),
            _ => officials.OrderBy(o => o.FullName),
        };
        return await officials.ProjectToType<OfficialListItem>().ToPageAsync(query, ct);
    }
}

internal sealed class ListOfficialsEndpoint(IMediator mediator) : Endpoint<ListOfficials, PagedResult<OfficialListItem>>
{
    public override void Configure()
    {
        Get(ListOfficials.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "List the officials in the caller's scope");
    }

    public override async Task HandleAsync(ListOfficials req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
