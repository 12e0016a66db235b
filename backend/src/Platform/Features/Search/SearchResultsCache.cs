using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data.Search;

namespace Khcn.Platform.Features.Search;

/// <summary>
/// Pages of search results already answered, kept under the index's change stamp (<see cref="SearchIndex.Stamp"/>,
/// ADR 0014 amended): it is renewed in the same transaction as any saved change of a document, so a record indexed,
/// changed or removed leaves (or enters) the results at the next request, on every replica — reading the stamp is one
/// primary-key row per request. Keyed by what the page depends on besides the index: the caller's scope as computed
/// for this request (its content, kind by kind, never the user: two callers share a page only when they may find
/// exactly the same documents), the folded words, the kind, the subtree, the page and its size.
/// Holds at most 1,000 pages per generation (each ≤ 50 hits with ~220-character snippets, a few tens of kilobytes);
/// beyond that, pages are computed each time until the next change of the index starts a new generation.
/// </summary>
internal sealed class SearchResultsCache() : StampedCache(Capacity)
{
    public const int Capacity = 1_000;

    public static string Key(IReadOnlyList<KindScope> scopes, IReadOnlyList<string> words, string? kind,
        IReadOnlyList<Guid>? within, int page, int pageSize) =>
        string.Join('|', ScopeKey(scopes), string.Join(' ', words), kind ?? "*",
            within is null ? "*" : AccessScopeKeys.Hash(within).ToString("N"), page, pageSize);

    /// <summary>
    /// The scope's content: per kind, everything or a hash of the unit ids (each list sorted) and the agency —
    /// exactly what <c>SearchIndex</c> composes into the statement, so equal keys mean equal filters.
    /// </summary>
    public static string ScopeKey(IReadOnlyList<KindScope> scopes) =>
        string.Join(';', scopes.OrderBy(s => s.Kind, StringComparer.Ordinal).Select(s => s.All
            ? $"{s.Kind}:*"
            : $"{s.Kind}:{Ids(s.Units)}/{Ids(s.Above)}/{s.Agency?.ToString("N") ?? "-"}"));

    private static string Ids(IReadOnlyList<Guid>? ids) => ids is not { Count: > 0 } ? "-" : AccessScopeKeys.Hash(ids).ToString("N");
}
