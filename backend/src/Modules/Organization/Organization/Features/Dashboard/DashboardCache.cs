using System.Collections.Concurrent;
using System.Globalization;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// The plan dashboards already computed, kept per combination of the modules' data stamps (ADR 0010): every module
/// that feeds an indicator renews its <see cref="IIndicatorDataStamp"/> in the same transaction as any change of its
/// records, and each dashboard read compares those few tiny rows, so a write anywhere shows at the next read on every
/// replica. A new combination starts an empty generation (memory holds one); a value is kept under the stamps read
/// <em>before</em> it was computed, so a change committed meanwhile can only make it newer than its key.
/// </summary>
internal sealed class DashboardCache
{
    /// <summary>How many dashboards one generation keeps (unit × year × language × scope); beyond it they are computed each time.</summary>
    private const int Capacity = 2_000;

    private Generation _current = new("");

    public async Task<TValue> GetAsync<TValue>(string stamp, string key, Func<Task<TValue>> load) where TValue : class
    {
        var generation = Volatile.Read(ref _current);
        if (generation.Stamp != stamp)
        {
            var fresh = new Generation(stamp);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
            if (generation.Stamp != stamp) return await load(); // another combination won meanwhile: do not keep under it
        }
        if (!generation.Items.ContainsKey(key) && generation.Items.Count >= Capacity) return await load();
        // Requests arriving while a dashboard is computed wait for the same computation instead of starting their own.
        var mine = new Lazy<Task<object>>(async () => await load());
        var shared = generation.Items.GetOrAdd(key, mine);
        try
        {
            return (TValue)await shared.Value;
        }
        catch when (shared != mine)
        {
            // Another request's computation failed (or its request ended): compute our own, and let its failure go.
            generation.Items.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, shared));
            return await load();
        }
        catch
        {
            generation.Items.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(key, shared));
            throw;
        }
    }

    /// <summary>
    /// What a dashboard depends on besides the data: the unit, year, the caller's reach (an integrator client's own, as
    /// its API scopes narrow what it reads) and language, and the day (coverage is "as of today").
    /// </summary>
    public static string Key(string what, Guid unitId, int year, AccessContext access, TimeProvider clock) =>
        string.Join('|', what, unitId, year, access.ScopeKey?.ToString() ?? "all", access.ClientId ?? "", CultureInfo.CurrentUICulture.Name,
            VietnamTime.Today(clock).DayNumber);

    private sealed class Generation(string stamp)
    {
        public string Stamp { get; } = stamp;
        public ConcurrentDictionary<string, Lazy<Task<object>>> Items { get; } = new();
    }
}
