namespace Khcn.BuildingBlocks.Contracts;

/// <summary>The one shape of every list the API returns.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
