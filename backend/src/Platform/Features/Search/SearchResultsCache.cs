using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data.Search;

namespace Khcn.Platform.Features.Search;

/// <summary>
/// Pages of search results already answered, kept under the index's change stamp (<see cref="SearchIndex.Stamp"/>,
/// ADR 0014 amended): it is renewed in the same transaction as any saved change of a document, so a record indexed,
/// changed or removed leaves (or enters) the results at the next request, on every replica — reading the stamp is one
/// primary-key row per request. Keyed by what the page depends on besides the index: the caller's scope as the access
/// mechanism names it (<see cref="Access.CallerScope.Key"/>: the access context's reach key — roles, units, the units
/// above, an integrator client's permissions — plus a partner's agency; never the user as such: two callers share a
/// page only when they may find exactly the same documents), the folded words, the kind, the subtree, the page and its size.
/// Holds at most 1,000 pages per generation (each ≤ 50 hits with ~220-character snippets, a few tens of kilobytes);
/// beyond that, pages are computed each time until the next change of the index starts a new generation.
/// </summary>
internal sealed class SearchResultsCache() : StampedCache(Capacity)
{
    public const int Capacity = 1_000;

    /// <summary>
    /// The caller's scope key (<see cref="Access.CallerScope.Key"/>, worked out once per reach), the folded words, the
    /// kind, the key of the subtree's units (<see cref="AccessScopeKeys.Of"/>; null for the whole scope), the page.
    /// </summary>
    public static string Key(string scope, IReadOnlyList<string> words, string? kind, Guid? within, int page, int pageSize) =>
        string.Join('|', scope, string.Join(' ', words), kind ?? "*", within?.ToString("N") ?? "*", page, pageSize);
}
