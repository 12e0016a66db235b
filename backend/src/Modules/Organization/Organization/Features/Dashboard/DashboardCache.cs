using System.Globalization;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The plan dashboards already computed, kept per combination of the modules' data stamps (ADR 0010): every module
/// that feeds an indicator renews its <see cref="Contracts.IIndicatorDataStamp"/> in the same transaction as any
/// change of its records, and each dashboard read compares those few tiny rows (<see cref="StampedCache"/>).
/// Holds at most 2,000 dashboards (unit × year × language × scope); beyond it they are computed each time.
/// </summary>
internal sealed class DashboardCache() : StampedCache(2_000)
{
    /// <summary>
    /// What a dashboard depends on besides the data: the unit, year, the caller's reach (an integrator client's own, as
    /// its API scopes narrow what it reads) and language, and the day (coverage is "as of today").
    /// </summary>
    public static string Key(string what, Guid unitId, int year, AccessContext access, TimeProvider clock) =>
        string.Join('|', what, unitId, year, access.ScopeKey?.ToString() ?? "all", access.ClientId ?? "", CultureInfo.CurrentUICulture.Name,
            VietnamTime.Today(clock).DayNumber);
}
