using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// The count and the page's ids of the enterprise lists already computed, kept under the module's data stamp
/// (<c>organization.data</c>, ADR 0010): any saved change of the module's records — an enterprise or its figures
/// added, edited or moved to another unit, a unit moved, merged or closed — renews it in the same transaction, so the
/// next read on every replica computes afresh. Only the ids are kept: the page's rows are read again by id, through
/// the scope filter, so a kept entry never shows what the caller may not read (issue #17: the count and the sort over
/// a district's enterprises were two of the page's three statements). Holds at most 2,000 pages per generation.
/// </summary>
internal sealed class EnterprisePageCache() : StampedCache(2_000)
{
    /// <summary>
    /// What the ids depend on besides the data: the caller's reach (their scope's units; an integrator client's own)
    /// and the list's filters, sort, year (the workforce order) and page. The "within" unit's path is data of this
    /// module, under the same stamp.
    /// </summary>
    public static string Key(ListEnterprises q, AccessContext access) => string.Join('|',
        access.ScopeKey?.ToString() ?? "all", access.ClientId ?? "", q.Q?.Trim() ?? "", q.Within, q.Ownership, q.Sector,
        q.District?.Trim() ?? "", q.Zone?.Trim() ?? "", q.Year, q.Sort?.ToLowerInvariant() ?? "", q.Page, q.PageSize);
}
