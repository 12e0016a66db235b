using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The parts of the plan dashboards already computed, each kept with the data stamp it was computed under (ADR 0010):
/// every module that feeds an indicator renews its <see cref="Contracts.IIndicatorDataStamp"/> in the same transaction
/// as any change of its records, and each dashboard read compares those few tiny rows.
/// <list type="bullet">
/// <item><see cref="Frames"/>, under Organization's stamp: a dashboard's subtree (its units' ids), the provincial plan's
/// years and targets, and the shares of focal officials, implementation plans and reports — at most 2,000;</item>
/// <item><see cref="FiguresOf"/>, under one module's stamp and the subtree's content key: that module's sources added up
/// over a subtree for one year — at most 10,000 per module.</item>
/// </list>
/// A part whose stamp moved is <em>served as last computed</em> and refreshed in the background (ADR 0010, amendment
/// "served while refreshed"), unless the read asks for exact figures; beyond its bound a part is computed each time.
/// </summary>
internal sealed class DashboardCache(DashboardRefresher refresher, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, KeptParts> _figures = new(StringComparer.Ordinal);

    public KeptParts Frames { get; } = new("frame", 2_000, refresher, clock);

    /// <summary>The figures of one module (<see cref="FigureGroup.Module"/>), each kept with that module's stamp.</summary>
    public KeptParts FiguresOf(string module) => _figures.GetOrAdd(module, m => new KeptParts($"figures:{m}", 10_000, refresher, clock));

    /// <summary>How many parts have been computed since the host began, in reads and refreshes alike (a test hook).</summary>
    public long Computations => Frames.Computations + _figures.Values.Sum(f => f.Computations);

    /// <summary>
    /// Whose reach a part was computed for: the caller's scope key (an integrator client's own too, as its API scopes
    /// narrow what it reads). Part of every key, so a part computed for one reach never answers another. Labels are not
    /// kept: each read names them in its language.
    /// </summary>
    public static string Reach(AccessContext access) => access.AnswerReach;
}

/// <summary>A kept part as one read gets it: its value, when the computation that gave it began, and whether a newer one is under way.</summary>
internal sealed record PartRead<T>(T Value, DateTimeOffset ComputedAtUtc, bool Refreshing);

/// <summary>
/// One kind of dashboard part, kept per key (unit × year × reach) with the version it was computed under (the stamps it
/// depends on, read before computing) and the day in Vietnam (focal coverage is "as of today"):
/// <list type="bullet">
/// <item>same version and day: the kept value;</item>
/// <item>a newer version the same day: the kept value at once, marked <c>Refreshing</c>, and one background refresh
/// (<see cref="DashboardRefresher"/>) replaces it — unless the read is <c>exact</c>, which computes it now;</item>
/// <item>nothing kept, or kept another day: computed now (concurrent reads of the same version share one computation).</item>
/// </list>
/// A value replaces the kept one only if its computation began later, so a slow old refresh never undoes a newer one.
/// </summary>
internal sealed class KeptParts(string name, int capacity, DashboardRefresher refresher, TimeProvider clock)
{
    private sealed record Kept(object Value, string Version, int Day, DateTimeOffset ComputedAtUtc, long Sequence);

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<Kept>>> _computing = new(StringComparer.Ordinal);
    private long _sequence;

    /// <summary>How many computations of this kind of part have begun (each takes a sequence number).</summary>
    public long Computations => Interlocked.Read(ref _sequence);

    /// <param name="key">What the part is of: unit, year and the caller's reach (<see cref="DashboardCache.Reach"/>).</param>
    /// <param name="version">The stamps it depends on, read before computing.</param>
    /// <param name="day">Today in Vietnam (its day number): a part kept another day is never served.</param>
    /// <param name="exact">Computes a part whose version moved now, instead of serving the last one.</param>
    /// <param name="access">The caller's access, which a background refresh acts with.</param>
    /// <param name="compute">Computes the part in the request's scope.</param>
    /// <param name="refresh">Computes it in a background scope (its services, the shutdown token).</param>
    /// <param name="ct">The request's cancellation, for a computation in the request.</param>
    public async Task<PartRead<T>> GetAsync<T>(string key, string version, int day, bool exact, AccessContext access,
        Func<CancellationToken, Task<T>> compute, Func<IServiceProvider, CancellationToken, Task<T>> refresh, CancellationToken ct)
        where T : class
    {
        if (_kept.TryGetValue(key, out var kept) && kept.Day == day)
        {
            if (kept.Version == version) return new PartRead<T>((T)kept.Value, kept.ComputedAtUtc, false);
            if (!exact)
            {
                refresher.Schedule($"{name}|{key}", access, (services, stop) => ComputeAsync(key, version, day, c => refresh(services, c), stop));
                return new PartRead<T>((T)kept.Value, kept.ComputedAtUtc, true);
            }
        }
        var computed = await ComputeAsync(key, version, day, compute, ct);
        return new PartRead<T>((T)computed.Value, computed.ComputedAtUtc, false);
    }

    private async Task<Kept> ComputeAsync<T>(string key, string version, int day, Func<CancellationToken, Task<T>> load, CancellationToken ct)
        where T : class
    {
        var mine = new Lazy<Task<Kept>>(() => LoadAndKeepAsync(key, version, day, load, ct));
        var computing = $"{key}@{version}@{day}";
        var shared = _computing.GetOrAdd(computing, mine);
        try
        {
            return await shared.Value;
        }
        catch when (shared != mine)
        {
            // Another read's computation failed (or its request ended): compute our own, and let its failure go.
            return await LoadAndKeepAsync(key, version, day, load, ct);
        }
        finally
        {
            _computing.TryRemove(new KeyValuePair<string, Lazy<Task<Kept>>>(computing, shared));
        }
    }

    private async Task<Kept> LoadAndKeepAsync<T>(string key, string version, int day, Func<CancellationToken, Task<T>> load, CancellationToken ct)
        where T : class
    {
        var sequence = Interlocked.Increment(ref _sequence);
        var began = clock.GetUtcNow();
        var kept = new Kept(await load(ct), version, day, began, sequence);
        if (_kept.ContainsKey(key) || _kept.Count < capacity)
            _kept.AddOrUpdate(key, kept, (_, old) => old.Sequence > kept.Sequence ? old : kept);
        return kept;
    }
}
