using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Mediator;

namespace Khcn.Organization.Features.Units.ListUnits;

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
