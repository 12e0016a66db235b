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

    // The units above a subtree's root, like its set, hashed once per subtree (AccessCache keeps one per units stamp).
    private static readonly ConditionalWeakTable<UnitSubtree, StrongBox<Guid>> KeysOfAncestors = new();

    /// <summary>
    /// The <see cref="AccessContext.ReachKey"/> of <paramref name="access"/>: its grants (role, unit, the keys of the
    /// subtree and of the units above), an integrator client and its allowed permissions, and — for the roles whose
    /// sight is personal — the member's e-mail and the partner's own id.
    /// </summary>
    internal static Guid Reach(AccessContext access, IEnumerable<(Grant Grant, UnitSubtree Subtree)> grants, IReadOnlySet<string>? allowed)
    {
        if (access.IsSystem) return SystemReach;
        if (!access.IsAuthenticated) return NobodyReach;
        var parts = grants.Select(g => string.Join(',', g.Grant.Role, g.Grant.UnitId.ToString("N"), g.Subtree.IsWholeHierarchy ? "all" : "",
                g.Subtree.UnitIds.Count == 0 ? "-" : KeysOfSets.GetValue(g.Subtree.UnitIds, static set => new StrongBox<Guid>(Hash(set))).Value.ToString("N"),
                KeysOfAncestors.GetValue(g.Subtree, static t => new StrongBox<Guid>(Hash(t.AncestorIds))).Value.ToString("N")))
            .Order(StringComparer.Ordinal).ToList();
        var personal = access.Grants.Any(g => g.Role == Roles.Member) ? access.Email?.ToLowerInvariant() ?? "" : "";
        if (access.Grants.Any(g => Roles.IsAgencyScoped(g.Role))) personal += "/" + access.UserId?.ToString("N");
        var client = allowed is null ? "-" : access.ClientId + ":" + string.Join(',', allowed.Order(StringComparer.Ordinal));
        var text = string.Join('|', string.Join(';', parts), client, personal);
        return new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
    }

    private static readonly Guid SystemReach = new("5e5e5e5e-0000-0000-0000-000000000001");
    private static readonly Guid NobodyReach = new("5e5e5e5e-0000-0000-0000-000000000000");

    /// <summary>SHA-256 of the sorted ids, cut to a Guid.</summary>
    public static Guid Hash(IEnumerable<Guid> ids)
    {
        var sorted = ids.Order().ToArray();
        var bytes = new byte[sorted.Length * 16];
        for (var i = 0; i < sorted.Length; i++) sorted[i].TryWriteBytes(bytes.AsSpan(i * 16, 16));
        return new Guid(SHA256.HashData(bytes).AsSpan(0, 16));
    }
}
