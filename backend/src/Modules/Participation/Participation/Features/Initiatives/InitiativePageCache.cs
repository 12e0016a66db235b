using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// The initiative list pages already read — count, rows, authors and units' names, as answered — kept under the module's
/// data stamp (<c>participation.data</c>, ADR 0010) and the units stamp: any saved change of the module's records renews
/// the first in the same transaction, any saved unit change the second, so a new, edited, submitted or decided
/// initiative (or a renamed unit) starts a new generation on every replica and shows at the next read. A list page is
/// read by many officers between writes: issue #12 (a district's page cost ~2.5× the unit list's CPU while only its
/// ids were kept and its 20 rows read each time; the unit list is served from memory). Kept only for callers who read
/// their whole scope, so an entry is the same for everyone its key names. Holds at most 1,000 pages (20 rows each,
/// a few MB) per generation.
/// </summary>
internal sealed class InitiativePageCache() : StampedCache(1_000)
{
    /// <summary>
    /// What the page depends on besides the data and the hierarchy: the caller's reach (their scope's units, which all
    /// of their grants read: see <c>ParticipationAccess.ReadsWholeScope</c>; an integrator client's own) and the list's
    /// filter, sort and page.
    /// </summary>
    public static string Key(ListInitiatives q, AccessContext access) => string.Join('|',
        access.AnswerReach, q.Q?.Trim() ?? "", q.Status, q.Kind, q.UnitId,
        q.Sort?.ToLowerInvariant() ?? "", q.Page, q.PageSize);
}
