using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// The enterprise list pages already computed (count, rows; not the units' names, which come from the hierarchy per
/// units stamp), kept under the module's data stamp (<c>organization.data</c>, ADR 0010): any saved change of the
/// module's records — an enterprise or its figures added, edited or moved to another unit, a unit moved, merged or
/// closed — renews it in the same transaction, so the next read on every replica computes afresh. Like the report
/// synthesis, a page is kept per scope key (the set of units the caller reads), so it never shows another scope's
/// rows (issue #17: the count, the sort and the rows were three statements per request). Holds at most 2,000 pages
/// of 20–200 rows per generation (a few MiB at most), and memory holds one generation.
/// </summary>
internal sealed class EnterprisePageCache() : StampedCache(2_000)
{
    /// <summary>
    /// What a page depends on besides the data: the caller's reach (their scope's units; an integrator client's own)
    /// and the list's filters, sort, year (the workforce order) and page. The "within" unit's path is data of this
    /// module, under the same stamp.
    /// </summary>
    public static string Key(ListEnterprises q, AccessContext access) => string.Join('|',
        access.AnswerReach, q.Q?.Trim() ?? "", q.Within, q.Ownership, q.Sector,
        q.District?.Trim() ?? "", q.Zone?.Trim() ?? "", q.Year, q.Sort?.ToLowerInvariant() ?? "", q.Page, q.PageSize);
}
