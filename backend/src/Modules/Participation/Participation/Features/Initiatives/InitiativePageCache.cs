using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// The count and the page's ids of the initiative lists already computed, kept under the module's data stamp
/// (<c>participation.data</c>, ADR 0010): any saved change of the module's records renews it in the same
/// transaction, so a new, edited, submitted or decided initiative starts a new generation on every replica. Only the
/// ids are kept: the page's rows, their authors and names are read afresh each time, through the read rule again,
/// so a kept entry can never show what the caller may not read (issue #12: the count and the sort over a district's
/// 1,400 initiatives were most of the page's cost, the unit list's is served from memory). Holds at most 2,000 pages.
/// </summary>
internal sealed class InitiativePageCache() : StampedCache(2_000)
{
    /// <summary>
    /// What the ids depend on besides the data: the caller's reach (their scope's units, which all of their grants
    /// read: see <c>ParticipationAccess.ReadsWholeScope</c>; an integrator client's own) and the list's filter, sort
    /// and page. A subtree filter depends on the hierarchy too: its stamp is part of the generation instead.
    /// </summary>
    public static string Key(ListInitiatives q, AccessContext access) => string.Join('|',
        access.ScopeKey?.ToString() ?? "all", access.ClientId ?? "", q.Q?.Trim() ?? "", q.Status, q.Kind, q.UnitId,
        q.Sort?.ToLowerInvariant() ?? "", q.Page, q.PageSize);
}
