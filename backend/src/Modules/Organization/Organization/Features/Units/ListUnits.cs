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

namespace Khcn.Organization.Features.Units;

/// <summary>Units in the caller's scope, paged, searchable without diacritics.</summary>
public sealed class ListUnits : IQuery<PagedResult<UnitListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/organization/units";

    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name, code, kind or depth; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the code or name (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only the direct children of this unit.</summary>
    public Guid? ParentId { get; init; }
    public UnitKind? Kind { get; init; }
    /// <summary>Only this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    /// <summary>Also list merged and dissolved units (hidden by default).</summary>
    public bool IncludeInactive { get; init; }
}

internal sealed class ListUnitsValidator : AbstractValidator<ListUnits>
{
    public ListUnitsValidator() => this.AddPagingRules("name", "code", "kind", "depth");
}

/// <summary>
/// Served from the in-memory <see cref="UnitCatalogue"/> (the list is the most read screen): the same rule as the
/// unit query filter — a unit is listed when the caller's grants reach it. The parent is named even above the
/// caller's scope, as on the unit detail (an ancestor's name is not secret; it is not openable).
/// </summary>
internal sealed class ListUnitsHandler(OrganizationDbContext db, UnitCatalogue catalogue) : IQueryHandler<ListUnits, PagedResult<UnitListItem>>
{
    public async ValueTask<PagedResult<UnitListItem>> Handle(ListUnits request, CancellationToken ct)
    {
        var access = db.Access;
        var all = await catalogue.AllAsync(await db.UnitsStampAsync(ct));
        IEnumerable<UnitRow> units = all.Rows;
        if (request.Within is { } within)
        {
            if (!all.ById.TryGetValue(within, out var root) || !access.CanSee(root.Id)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), within);
            units = units.Where(u => u.Path.StartsWith(root.Path, StringComparison.Ordinal));
        }
        units = units.Where(u => access.CanSee(u.Id));
        if (!request.IncludeInactive) units = units.Where(u => u.Status == UnitStatus.Active);
        if (request.ParentId is { } parentId) units = units.Where(u => u.ParentId == parentId);
        if (request.Kind is { } kind) units = units.Where(u => u.Kind == kind);
        var words = TextSearch.Words(request.Q);
        if (words.Count > 0) units = units.Where(u => TextSearch.Matches(u.SearchText, words));

        var desc = request.Descending();
        var byName = StringComparer.Ordinal;
        var sorted = request.SortField() switch
        {
            "code" => desc ? units.OrderByDescending(u => u.Code, byName) : units.OrderBy(u => u.Code, byName),
            "kind" => (desc ? units.OrderByDescending(u => u.KindText, byName) : units.OrderBy(u => u.KindText, byName)).ThenBy(u => u.Name, byName),
            "depth" => (desc ? units.OrderByDescending(u => u.Depth) : units.OrderBy(u => u.Depth)).ThenBy(u => u.Name, byName),
            "name" => desc ? units.OrderByDescending(u => u.Name, byName) : units.OrderBy(u => u.Name, byName),
            _ => units.OrderBy(u => u.Depth).ThenBy(u => u.Name, byName),
        };
        return sorted.ThenBy(u => u.Id).ToList().ToPage(request).Map(u => new UnitListItem(u.Id, u.Code, u.Name, u.Kind, u.ParentId,
            u.ParentId is { } p ? all.ById.GetValueOrDefault(p)?.Name : null, u.Depth, u.Status));
    }
}

internal sealed class ListUnitsEndpoint(IMediator mediator) : Endpoint<ListUnits, PagedResult<UnitListItem>>
{
    public override void Configure()
    {
        Get(ListUnits.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "List the units in the caller's scope");
    }

    public override async Task HandleAsync(ListUnits req, CancellationToken ct) =>
        await Send.OkAsync(await mediator.Send(req, ct), ct);
}
