using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Khcn.BuildingBlocks.Security;

/// <summary>
/// Content keys for sets of unit ids (see <see cref="AccessContext.ScopeKey"/>): the same ids always give the same
/// key, on every replica and after every restart, so the rows kept under a key never go stale.
/// </summary>
public static class AccessScopeKeys
{
    // A subtree's set is built once per units stamp (AccessCache) and shared by every request: hash it once.
    private static readonly ConditionalWeakTable<IReadOnlySet<Guid>, StrongBox<Guid>> KeysOfSets = new();

    /// <summary>The key of the union of <paramref name="sets"/> (each keyed once; the union keyed by its parts' keys).</summary>
    public static Guid Of(IEnumerable<IReadOnlySet<Guid>> sets)
    {
        var keys = sets.Where(s => s.Count > 0)
            .Select(s => KeysOfSets.GetValue(s, static set => new StrongBox<Guid>(Hash(set))).Value)
            .Distinct().Order().ToList();
        return keys.Count == 1 ? keys[0] : Hash(keys);
    }

    /// <summary>SHA-256 of the sorted ids, cut to a Guid.</summary>
    public static Guid Hash(IEnumerable<Guid> ids)
    {
        var sorted = ids.Order().ToArray();
        var bytes = new byte[sorted.Length * 16];
        for (var i = 0; i < sorted.Length; i++) sorted[i].TryWriteBytes(bytes.AsSpan(i * 16, 16));
        return new Guid(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
