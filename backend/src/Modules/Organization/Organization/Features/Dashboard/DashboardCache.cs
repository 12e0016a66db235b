using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The parts of the plan dashboards already computed, each kept under the data stamp it depends on (ADR 0010): every
/// module that feeds an indicator renews its <see cref="Contracts.IIndicatorDataStamp"/> in the same transaction as any
/// change of its records, and each dashboard read compares those few tiny rows (<see cref="StampedCache"/>).
/// <list type="bullet">
/// <item><see cref="Frames"/>, under Organization's stamp: a dashboard's subtree (its units' ids), the provincial plan's
/// years and targets, and the shares of focal officials, implementation plans and reports — at most 2,000;</item>
/// <item><see cref="FiguresOf"/>, under one module's stamp each: that module's sources added up over a subtree (keyed by
/// the subtree's ids, not by Organization's stamp) for one year — at most 10,000 per module.</item>
/// </list>
/// So a write in Finance recomputes Finance's figures only; a write in Organization recomputes the frame, and the other
/// modules' figures too only when it changed the subtree's units. Beyond its bound a part is computed each time.
/// </summary>
internal sealed class DashboardCache
{
    private readonly ConcurrentDictionary<string, StampedCache> _figures = new(StringComparer.Ordinal);

    public StampedCache Frames { get; } = new Part(2_000);

    /// <summary>The figures of one module (<see cref="FigureGroup.Module"/>), each generation under that module's stamp.</summary>
    public StampedCache FiguresOf(string module) => _figures.GetOrAdd(module, _ => new Part(10_000));

    /// <summary>
    /// What a part depends on besides the data and the unit: the caller's reach (an integrator client's own, as its API
    /// scopes narrow what it reads) and the day (coverage is "as of today"). Labels are not kept: each read names them
    /// in its language.
    /// </summary>
    public static string Reach(AccessContext access, TimeProvider clock) =>
        string.Join('|', access.ScopeKey?.ToString() ?? "all", access.ClientId ?? "", VietnamTime.Today(clock).DayNumber);

    private sealed class Part(int capacity) : StampedCache(capacity);
}
