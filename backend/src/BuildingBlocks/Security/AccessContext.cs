namespace Khcn.BuildingBlocks.Security;

public sealed record Grant(string Role, Guid UnitId);

/// <summary>A unit and everything below it, as the hierarchy stands now, and the units above it.</summary>
public sealed record UnitSubtree(Guid RootId, bool IsWholeHierarchy, IReadOnlySet<Guid> UnitIds, IReadOnlyList<Guid> AncestorIds);

/// <summary>Port the Organization module implements: the unit tree the scope rules stand on.</summary>
public interface IUnitTreeReader
{
    Task<UnitSubtree?> GetSubtreeAsync(Guid unitId, CancellationToken ct);

    /// <summary>The <see cref="AccessStamps.Units"/> stamp: changes whenever a unit changes, so whenever a subtree may.</summary>
    Task<Guid> UnitsStampAsync(CancellationToken ct);
}

/// <summary>
/// Who is acting in this DI scope and which units they reach. The single mechanism behind scope rules:
/// module DbContexts filter unit-owned rows with <see cref="VisibleUnitIds"/>, handlers ask <see cref="Demand"/>.
/// HTTP requests start anonymous (sees nothing) and are filled by the access middleware from the token;
/// background work must opt in with <see cref="UseSystem"/>.
/// </summary>
public sealed class AccessContext
{
    private readonly List<(Grant Grant, UnitSubtree Subtree)> _grants = [];

    public bool IsSystem { get; private set; }
    public bool IsAuthenticated => UserId is not null;
    public Guid? UserId { get; private set; }
    public string? Email { get; private set; }
    public string? FullName { get; private set; }

    /// <summary>The user signed in with a password an administrator reset: they must choose their own first.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>
    /// The <see cref="AccessStamps.Units"/> value this request's subtrees were read under (null when none was read):
    /// readers of the same units can reuse it instead of reading it again.
    /// </summary>
    public Guid? UnitsStamp { get; set; }

    /// <summary>True when nothing needs filtering: system work, or a grant over the whole hierarchy.</summary>
    public bool Unrestricted { get; private set; }

    /// <summary>Every unit some grant reaches (any role): what the user may see.</summary>
    public List<Guid> VisibleUnitIds { get; } = [];

    public IReadOnlyList<Grant> Grants => _grants.Select(g => g.Grant).ToList();

    /// <summary>
    /// The units above the user's grants. Most records stay hidden there, but documents that apply downwards
    /// (the province's policies, plans) are read by the units below: those queries add these ids.
    /// </summary>
    public List<Guid> AncestorUnitIds => _grants.SelectMany(g => g.Subtree.AncestorIds).Distinct().ToList();

    /// <summary>
    /// Names the set of <see cref="VisibleUnitIds"/> for the scope filter (null when <see cref="Unrestricted"/>): a hash
    /// of the ids themselves, so a key always means the same units and every user with the same reach shares it.
    /// Module databases keep the ids under their key (<c>Persistence.AccessScopes</c>), and the filter is one indexed
    /// lookup on it, whatever the size of the subtree.
    /// </summary>
    public Guid? ScopeKey => Unrestricted ? null : _scopeKey ??= AccessScopeKeys.Of(_grants.Select(g => g.Subtree.UnitIds));

    private Guid? _scopeKey;

    /// <summary>
    /// Whose reach an answer kept for sharing was computed for: the <see cref="ScopeKey"/> ("all" when unrestricted)
    /// and an integrator client's id (its API scopes narrow what it reads). One definition for every cache of scoped
    /// answers (the synthesis, the dashboard's parts, the enterprise and initiative pages).
    /// </summary>
    public string AnswerReach => string.Join('|', ScopeKey?.ToString() ?? "all", ClientId ?? "");

    /// <summary>
    /// Names everything the access context decides what the caller may see by: the <see cref="ScopeKey"/>'s units and,
    /// beyond them, each grant's role, unit and the units above it (a role reads in its own subtree; documents that
    /// apply downwards are read from below), an integrator client's allowed permissions, the system. A member's
    /// e-mail (their own enrolments and certificates) and a partner's own identity (their agency's courses) are part
    /// of it for those roles. Two contexts with equal keys may see exactly the same: a cache of answers that depend on
    /// the caller only through this context can share them under it (e.g. the search's pages). Content-based, like the
    /// scope key, so it means the same on every replica; the unit sets' hashes are computed once per subtree
    /// (<see cref="AccessScopeKeys"/>), so this is a few bytes hashed once per request.
    /// </summary>
    public Guid ReachKey => _reachKey ??= AccessScopeKeys.Reach(this, _grants.Select(g => (g.Grant, g.Subtree)), _allowed);

    private Guid? _reachKey;

    /// <summary>
    /// An integrator client's API scopes narrow what its role would allow (null: a person, nothing narrowed). The
    /// client acts as a user holding its role on its unit (its scope), and only with the permissions its API
    /// scopes name (<see cref="ApiScopes"/>): an endpoint outside them answers 403.
    /// </summary>
    private IReadOnlySet<string>? _allowed;

    /// <summary>The integrator client acting (OAuth 2.0 client credentials), or null for a person or the system.</summary>
    public string? ClientId { get; private set; }

    /// <summary>Marks the caller as an integrator client limited to the permissions of its granted API scopes.</summary>
    public void RestrictToClient(string clientId, IEnumerable<string> apiScopes)
    {
        ClientId = clientId;
        _allowed = ApiScopes.PermissionsOf(apiScopes);
        _reachKey = null;
    }

    private bool Allowed(string permission) => _allowed is null || _allowed.Contains(permission);

    /// <summary>Whether one of the caller's grants gives <paramref name="permission"/> (its role has it, and an integrator client's API scopes allow it).</summary>
    public bool GrantHas(Grant grant, string permission) => Allowed(permission) && Security.Permission.RoleHas(grant.Role, permission);

    public void UseSystem()
    {
        IsSystem = true;
        Unrestricted = true;
        _scopeKey = null;
        _reachKey = null;
    }

    public void SetUser(Guid userId, string email, string fullName, IEnumerable<(Grant Grant, UnitSubtree Subtree)> grants)
    {
        UserId = userId;
        Email = email;
        FullName = fullName;
        _grants.Clear();
        _grants.AddRange(grants);
        Unrestricted = _grants.Any(g => g.Subtree.IsWholeHierarchy);
        VisibleUnitIds.Clear();
        VisibleUnitIds.AddRange(_grants.SelectMany(g => g.Subtree.UnitIds).Distinct());
        _scopeKey = null;
        _reachKey = null;
    }

    /// <summary>A unit created during this request under <paramref name="parentId"/> joins the subtrees that hold its parent.</summary>
    public void AddChildUnit(Guid parentId, Guid unitId)
    {
        for (var i = 0; i < _grants.Count; i++)
        {
            var (grant, subtree) = _grants[i];
            if (!subtree.UnitIds.Contains(parentId)) continue;
            _grants[i] = (grant, subtree with { UnitIds = new HashSet<Guid>(subtree.UnitIds) { unitId } });
        }
        if (CanSee(parentId) && !VisibleUnitIds.Contains(unitId)) VisibleUnitIds.Add(unitId);
        _scopeKey = null;
        _reachKey = null;
    }

    /// <summary>
    /// Makes <paramref name="target"/> (a fresh scope's context) act exactly as this one: work a request hands to the
    /// background (the plan dashboard's refresh of a part) then reads with the caller's reach, never wider.
    /// </summary>
    public void CopyTo(AccessContext target)
    {
        target.IsSystem = IsSystem;
        target.UserId = UserId;
        target.Email = Email;
        target.FullName = FullName;
        target.MustChangePassword = MustChangePassword;
        target.UnitsStamp = UnitsStamp;
        target.Unrestricted = Unrestricted;
        target._grants.Clear();
        target._grants.AddRange(_grants);
        target.VisibleUnitIds.Clear();
        target.VisibleUnitIds.AddRange(VisibleUnitIds);
        target.ClientId = ClientId;
        target._allowed = _allowed;
        target._scopeKey = _scopeKey;
        target._reachKey = _reachKey;
    }

    public IReadOnlyCollection<string> Permissions =>
        IsSystem ? [] : _grants.SelectMany(g => Security.Permission.Of(g.Grant.Role)).Where(Allowed).Distinct().Order().ToList();

    public bool HasPermissionAnywhere(string permission) =>
        IsSystem || (Allowed(permission) && _grants.Any(g => Security.Permission.RoleHas(g.Grant.Role, permission)));

    public bool CanSee(Guid unitId) =>
        Unrestricted || _grants.Any(g => g.Subtree.UnitIds.Contains(unitId));

    public bool Can(string permission, Guid unitId) =>
        IsSystem || (Allowed(permission) && _grants.Any(g => Security.Permission.RoleHas(g.Grant.Role, permission)
                                     && (g.Subtree.IsWholeHierarchy || g.Subtree.UnitIds.Contains(unitId))));

    /// <summary>404 when the unit is outside every grant (existence is not revealed), 403 when visible but not permitted.</summary>
    public void Demand(string permission, Guid unitId, string entity, object id)
    {
        if (!CanSee(unitId)) throw new Domain.NotFoundException(entity, id);
        if (!Can(permission, unitId)) throw new Domain.ForbiddenException();
    }
}
