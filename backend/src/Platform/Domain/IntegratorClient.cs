using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;

namespace Khcn.Platform.Domain;

/// <summary>
/// A third party's system that calls the API with the OAuth 2.0 client-credentials grant. It acts as its service
/// account — a user with no password (<c>AppUser.IsServiceAccount</c>) holding <see cref="Role"/> over
/// <see cref="UnitId"/> — so the scope filter, the access cache, disabling and the audit trail treat it exactly as a
/// person holding that role there; its <see cref="Scopes"/> narrow what the role allows (<see cref="ApiScopes"/>).
/// The id is the service account's id. The current secret lives hashed in OpenIddict's application row; the
/// previous one stays valid until <see cref="PreviousSecretValidUntilUtc"/> after a rotation.
/// </summary>
internal sealed class IntegratorClient : Entity, IUnitOwned
{
    /// <summary>How long a rotated-out secret keeps working unless the rotation says otherwise.</summary>
    public static readonly TimeSpan DefaultOverlap = TimeSpan.FromHours(24);

    public string ClientId { get; private set; } = "";
    public string Name { get; set; } = "";
    public Guid UnitId { get; private set; }
    public string Role { get; private set; } = "";
    /// <summary>Space-separated API scopes (OAuth's own notation).</summary>
    public string Scopes { get; private set; } = "";
    public int RequestsPerMinute { get; set; }
    [NotAudited] public string? PreviousSecretHash { get; private set; }
    public DateTime? PreviousSecretValidUntilUtc { get; private set; }
    public DateTime SecretIssuedAtUtc { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static IntegratorClient Create(Guid serviceAccountId, string clientId, string name, Guid unitId, string role,
        IEnumerable<string> scopes, int requestsPerMinute, DateTime nowUtc) => new()
    {
        Id = serviceAccountId, ClientId = clientId, Name = name, UnitId = unitId, Role = role,
        Scopes = string.Join(' ', scopes.Distinct().Order()), RequestsPerMinute = requestsPerMinute, SecretIssuedAtUtc = nowUtc,
    };

    public void ChangeScopes(IEnumerable<string> scopes) => Scopes = string.Join(' ', scopes.Distinct().Order());

    /// <summary>A new secret replaces the current one; the current one (its hash) keeps working for <paramref name="overlap"/>.</summary>
    public void Rotate(string currentSecretHash, TimeSpan overlap, DateTime nowUtc)
    {
        PreviousSecretHash = overlap > TimeSpan.Zero ? currentSecretHash : null;
        PreviousSecretValidUntilUtc = overlap > TimeSpan.Zero ? nowUtc + overlap : null;
        SecretIssuedAtUtc = nowUtc;
    }

    /// <summary>The rotated-out secret's hash while its overlap lasts.</summary>
    public string? PreviousSecretHashAt(DateTime nowUtc) =>
        PreviousSecretHash is not null && nowUtc < PreviousSecretValidUntilUtc ? PreviousSecretHash : null;

    /// <summary>The scopes of a token: those requested and still granted now (a withdrawn scope stops at once).</summary>
    public IReadOnlyList<string> Granted(IEnumerable<string> requested) => requested.Intersect(ScopeList).ToList();
}
