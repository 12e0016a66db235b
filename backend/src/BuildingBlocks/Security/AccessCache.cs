using System.Collections.Concurrent;

namespace Khcn.BuildingBlocks.Security;

/// <summary>
/// The names of the change stamps access depends on (see <c>Persistence.ChangeStamp</c>): the platform's users
/// and grants, and the Organization module's unit tree.
/// </summary>
public static class AccessStamps
{
    /// <summary>Changes when a user is created, deleted, disabled or enabled, renamed, re-addressed, or a grant changes.</summary>
    public const string Users = "access.users";

    /// <summary>
    /// Changes whenever a unit is saved (created, renamed, moved, merged, dissolved…): subtrees follow the tree, and
    /// the Organization module also serves its unit list from memory per value (<c>UnitCatalogue</c>).
    /// </summary>
    public const string Units = "organization.units";
}

/// <summary>
/// Keeps what <see cref="AccessLoader"/> reads for every request — a user's grants and the subtree of each grant's
/// unit — for as long as the stamps they depend on have not changed. Each request still reads the two stamps
/// (one tiny row each), so a disabled user or a revoked grant takes effect at the next request on every replica,
/// exactly as when everything was read afresh; only the reading of unchanged data is saved.
/// </summary>
public sealed class AccessCache
{
    private readonly Slot<UserAccess?> _users = new();
    private readonly Slot<UnitSubtree?> _subtrees = new();

    /// <summary>The user as of <paramref name="stamp"/> (read before calling), loading it when not kept yet.</summary>
    public Task<UserAccess?> UserAsync(Guid userId, Guid stamp, Func<Task<UserAccess?>> load) =>
        GetAsync(_users, userId, stamp, load);

    /// <summary>The subtree of <paramref name="unitId"/> as of <paramref name="stamp"/>, loading it when not kept yet.</summary>
    public Task<UnitSubtree?> SubtreeAsync(Guid unitId, Guid stamp, Func<Task<UnitSubtree?>> load) =>
        GetAsync(_subtrees, unitId, stamp, load);

    /// <summary>
    /// Entries are kept per stamp value: a new value starts an empty generation (the old one is dropped, so memory
    /// holds one generation). A value is stored under the stamp read before it was loaded: if a change commits in
    /// between, the value is newer than its stamp, and the next request, reading the new stamp, reloads it.
    /// </summary>
    private static async Task<TValue> GetAsync<TValue>(Slot<TValue> slot, Guid key, Guid stamp, Func<Task<TValue>> load)
    {
        var generation = Volatile.Read(ref slot.Current);
        if (generation.Stamp != stamp)
        {
            var fresh = new Generation<TValue>(stamp);
            generation = Interlocked.CompareExchange(ref slot.Current, fresh, generation) == generation ? fresh : Volatile.Read(ref slot.Current);
            if (generation.Stamp != stamp) return await load(); // another stamp won meanwhile: do not cache under it
        }
        if (generation.Items.TryGetValue(key, out var kept)) return kept;
        var value = await load();
        generation.Items[key] = value;
        return value;
    }

    private sealed class Generation<TValue>(Guid? stamp)
    {
        public Guid? Stamp { get; } = stamp;
        public ConcurrentDictionary<Guid, TValue> Items { get; } = new();
    }

    private sealed class Slot<TValue>
    {
        public Generation<TValue> Current = new(null);
    }
}
