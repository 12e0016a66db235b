using System.Collections.Concurrent;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// Values derived from the database, kept per value of the <see cref="ChangeStamp"/>s they depend on (ADR 0010): a
/// reader reads the stamps (one tiny row each) <em>before</em> computing and keeps the value under them, so a change
/// committed meanwhile can only make the value newer than its key, and a write on any replica shows at the next read.
/// A new stamp starts an empty generation (memory holds one); a generation keeps at most <c>capacity</c> values,
/// beyond which they are computed each time. The plan dashboard and the report synthesis each keep their own.
/// </summary>
public abstract class StampedCache(int capacity)
{
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
        if (!generation.Items.ContainsKey(key) && generation.Items.Count >= capacity) return await load();
        // Requests arriving while a value is computed wait for the same computation instead of starting their own.
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

    private sealed class Generation(string stamp)
    {
        public string Stamp { get; } = stamp;
        public ConcurrentDictionary<string, Lazy<Task<object>>> Items { get; } = new();
    }
}
