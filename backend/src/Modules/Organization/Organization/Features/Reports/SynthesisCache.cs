using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Organization.Features.Reports;

/// <summary>
/// Syntheses already computed, kept under the Organization module's data stamp (<c>organization.data</c>, ADR 0010):
/// it is renewed in the same transaction as any saved change of the module's records, so saving, submitting,
/// returning or accepting a report, editing a period's indicators and any change of a unit (moved, merged, closed)
/// each start a new generation. Reading it is one primary-key row per request, so every replica answers afresh.
/// Holds at most 500 syntheses (period × subtree × scope; each a few hundred groups, well under a megabyte).
/// </summary>
internal sealed class SynthesisCache() : StampedCache(500)
{
    /// <summary>
    /// What a synthesis depends on besides the data: the period, the subtree, and the caller's reach (an integrator
    /// client's own, as its API scopes narrow what it reads); nothing in it depends on the language or the day.
    /// </summary>
    public static string Key(Guid periodId, Guid withinId, AccessContext access) =>
        string.Join('|', periodId, withinId, access.AnswerReach);
}
