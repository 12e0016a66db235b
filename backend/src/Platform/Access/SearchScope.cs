using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data.Search;

namespace Khcn.Platform.Access;

/// <summary>
/// What the caller may find in the KH,CN&amp;ĐMST search, kind by kind (ADR 0014) — the same rules as each module's
/// own lists: a kind needs its read permission; a document is found in the subtrees where the caller holds that
/// permission; documents that apply downwards (policies, plans, movements) also by the units below their unit;
/// the course catalogue by every union user who reads training, and by partner staff only for their own agency
/// (ADR 0008); research topics, like their list, in every unit the caller sees once any grant reads participation.
/// The one place these rules live.
/// </summary>
internal sealed class SearchScope(AccessContext access, IEnumerable<IPartnerAgencyDirectory> partners)
{
    /// <summary>Each kind and the permission that reads it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["policy"] = Permission.UnitsRead,
        ["plan"] = Permission.RecordsRead,
        ["implementation-plan"] = Permission.RecordsRead,
        ["unit"] = Permission.UnitsRead,
        ["campaign"] = Permission.TrainingRead,
        ["course"] = Permission.TrainingRead,
        ["topic"] = Permission.ParticipationRead,
        ["initiative"] = Permission.InitiativesRead,
        ["movement"] = Permission.ParticipationRead,
    };

    private static readonly HashSet<string> Catalogue = ["course"];

    /// <summary>
    /// Kinds whose own list checks the read permission once, on any grant (the endpoint's policy), and then shows
    /// every unit the caller sees (the scope filter), whatever role they hold there: research topics (ListTopics).
    /// </summary>
    private static readonly HashSet<string> WholeScope = ["topic"];

    // The kinds' scopes of each reach already worked out: they follow from the access context alone (its ReachKey
    // names all of it), so they are computed once per reach, not per request. Content keys: never stale, on any replica.
    private static readonly ConcurrentDictionary<Guid, IReadOnlyList<KindScope>> KeptByReach = new();
    private const int KeptReaches = 4_096;

    /// <summary>
    /// What the caller may find, kind by kind, and the key naming it for <c>SearchResultsCache</c>: the access
    /// context's <see cref="AccessContext.ReachKey"/> (which decides every kind's scope), plus, for partner staff, the
    /// agency read from the partner directory (the one input that does not come from the access context).
    /// </summary>
    public async Task<CallerScope> ForCallerAsync(CancellationToken ct)
    {
        var reach = access.ReachKey.ToString("N");
        if (!access.IsSystem && access.IsAuthenticated && access.Grants.Count > 0 && access.Grants.All(g => Roles.IsAgencyScoped(g.Role)))
        {
            // Partner staff: their agency's courses, nothing of the union's records.
            if (!access.HasPermissionAnywhere(Permission.TrainingRead) || access.UserId is not { } me) return new([], reach);
            foreach (var directory in partners)
                if (await directory.AgencyOfAsync(me, ct) is { } agency) return new([new KindScope("course", Agency: agency)], $"{reach}/{agency:N}");
            return new([], reach);
        }
        if (KeptByReach.TryGetValue(access.ReachKey, out var kept)) return new(kept, reach);
        var scopes = UnionScopes();
        if (KeptByReach.Count >= KeptReaches) KeptByReach.Clear();
        KeptByReach[access.ReachKey] = scopes;
        return new(scopes, reach);
    }

    private IReadOnlyList<KindScope> UnionScopes()
    {
        if (access.IsSystem) return Kinds.Keys.Select(k => new KindScope(k, All: true)).ToList();
        if (!access.IsAuthenticated || access.Grants.Count == 0) return [];
        var scopes = new List<KindScope>();
        var above = access.AncestorUnitIds;
        foreach (var (kind, permission) in Kinds)
        {
            if (!access.HasPermissionAnywhere(permission)) continue;
            var wholeScope = WholeScope.Contains(kind);
            if (Catalogue.Contains(kind) || (access.Unrestricted && (wholeScope || access.Grants.All(g => access.GrantHas(g, permission)))))
            {
                scopes.Add(new KindScope(kind, All: true));
                continue;
            }
            var units = wholeScope ? access.VisibleUnitIds.ToList() : access.VisibleUnitIds.Where(id => access.Can(permission, id)).ToList();
            scopes.Add(new KindScope(kind, Units: units, Above: above));
        }
        return scopes;
    }
}

/// <summary>The caller's scope in the search, kind by kind, and the key naming it (equal keys: the same documents findable).</summary>
internal sealed record CallerScope(IReadOnlyList<KindScope> Kinds, string Key);
