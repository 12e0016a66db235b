using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.BuildingBlocks.Http;

/// <summary>Query-string paging shared by every list: page (from 1), pageSize (default 20, max 200), sort, q.</summary>
public interface IPagedQuery
{
    /// <summary>Page number, from 1.</summary>
    int Page { get; }
    /// <summary>Items per page, 1 to 200 (default 20).</summary>
    int PageSize { get; }
    /// <summary>Field to sort by; prefix '-' for descending.</summary>
    string? Sort { get; }
    /// <summary>Text to find (case and Vietnamese diacritics ignored, "d" matches "đ").</summary>
    string? Q { get; }
}

/// <summary>The ids of one page of a list and the list's total (see <see cref="Paging.ToPageOfIdsAsync{TId}"/>).</summary>
public sealed record PageOfIds<TId>(IReadOnlyList<TId> Ids, int Page, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 200;

    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, IPagedQuery request, CancellationToken ct)
    {
        var (page, size) = Normalize(request);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PagedResult<T>(items, page, size, total);
    }

    /// <summary>
    /// The count and the page's ids of a filtered, sorted query of ids (narrow enough for an index to cover the filter
    /// and the order), the ids in a statement of their own whose <c>LIMIT</c>/<c>OFFSET</c> are parameters (one cached
    /// plan for every page); the caller then reads just those rows (sort them again: "Id IN (…)" keeps no order).
    /// Taking a page of the rows themselves made SQLite read every row in scope, texts and all, to sort them and keep
    /// 20 (a district's initiatives, issue #12).
    /// </summary>
    public static async Task<PageOfIds<TId>> ToPageOfIdsAsync<TId>(this IQueryable<TId> ids, IPagedQuery request, CancellationToken ct)
    {
        var (page, size) = Normalize(request);
        var total = await ids.CountAsync(ct);
        var skip = (page - 1) * size;
        var pageIds = skip >= total ? [] : await ids.Skip(skip).Take(size).ToListAsync(ct);
        return new PageOfIds<TId>(pageIds, page, size, total);
    }

    /// <summary>The page asked for (from 1) and its size (default when unset, capped at the maximum).</summary>
    private static (int Page, int Size) Normalize(IPagedQuery request) =>
        (Math.Max(1, request.Page), request.PageSize <= 0 ? DefaultPageSize : Math.Min(request.PageSize, MaxPageSize));

    /// <summary>The same page of rows already in memory (filtered and sorted by the caller).</summary>
    public static PagedResult<T> ToPage<T>(this IReadOnlyCollection<T> rows, IPagedQuery request)
    {
        var (page, size) = Normalize(request);
        return new PagedResult<T>(rows.Skip((page - 1) * size).Take(size).ToList(), page, size, rows.Count);
    }

    /// <summary>The page with each item turned into what the endpoint answers.</summary>
    public static PagedResult<TOut> Map<TIn, TOut>(this PagedResult<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Page, page.PageSize, page.Total);

    /// <summary>Validation rules for the paging fields; use inside a list query's validator.</summary>
    public static void AddPagingRules<T>(this AbstractValidator<T> v, params string[] sortable) where T : IPagedQuery
    {
        v.RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        v.RuleFor(x => x.PageSize).InclusiveBetween(1, MaxPageSize);
        v.RuleFor(x => x.Sort)
            .Must(s => s is null || sortable.Contains(s.TrimStart('-'), StringComparer.OrdinalIgnoreCase))
            .WithMessage($"Sort by one of: {string.Join(", ", sortable)} (prefix '-' for descending).",
                $"Chỉ sắp xếp theo: {string.Join(", ", sortable)} (thêm '-' phía trước để sắp xếp giảm dần).");
        v.RuleFor(x => x.Q).MaximumLength(200);
    }

    public static bool Descending(this IPagedQuery q) => q.Sort?.StartsWith('-') == true;
    public static string? SortField(this IPagedQuery q) => q.Sort?.TrimStart('-').ToLowerInvariant();
}
