using System.Security.Cryptography;
using System.Text.Json;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Platform.Access;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Khcn.Platform.Features.Clients;

/// <summary>
/// An integrator client as administrators see it (never its secret). <c>accountEmail</c> is its service account's
/// e-mail (how a coordinator links it to a partner agency); <c>previousSecretValidUntil</c> says until when the
/// secret rotated out last still works (null: none does).
/// </summary>
public sealed record ClientView(Guid Id, string ClientId, string Name, Guid UnitId, string? UnitName, string Role,
    IReadOnlyList<string> Scopes, int RequestsPerMinute, bool IsDisabled, string AccountEmail, DateTime CreatedAt,
    DateTime SecretIssuedAt, DateTime? PreviousSecretValidUntil);

/// <summary>The client and its new secret: shown this once, stored only hashed.</summary>
public sealed record ClientWithSecret(ClientView Client, string ClientSecret);

/// <summary>An API scope a client may be granted.</summary>
public sealed record ApiScopeView(string Name, string Description);

/// <summary>Creating a client, shared by the use case and the demo seeding: its service account, grant and OpenIddict application.</summary>
internal static class ClientAccounts
{
    /// <summary>Roles a client may hold: any but the administrator's.</summary>
    public static bool IsClientRole(string role) => Roles.IsKnown(role) && role != Roles.Admin;

    public static string NewSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    public static async Task<IntegratorClient> CreateAsync(PlatformDbContext db, ClientApplicationManager manager, string name, Guid unitId,
        string role, IReadOnlyCollection<string> scopes, int requestsPerMinute, string secret, DateTime nowUtc, CancellationToken ct, string? clientId = null)
    {
        clientId ??= "khcn-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var email = $"{clientId}@clients.khcn.invalid";
        var account = new AppUser
        {
            Id = Guid.CreateVersion7(), Email = email, UserName = email, NormalizedEmail = email.ToUpperInvariant(),
            NormalizedUserName = email.ToUpperInvariant(), FullName = name, EmailConfirmed = true, IsServiceAccount = true,
            SecurityStamp = Guid.NewGuid().ToString("N"), SearchText = VietnameseText.FoldAll(email, name), CreatedAtUtc = nowUtc,
        };
        db.Users.Add(account);
        db.Grants.Add(new UserGrant { UserId = account.Id, Role = role, UnitId = unitId });
        var client = IntegratorClient.Create(account.Id, clientId, name, unitId, role, scopes, requestsPerMinute, nowUtc);
        db.IntegratorClients.Add(client);
        db.Set<OpenIddictEntityFrameworkCoreApplication>().Add(new OpenIddictEntityFrameworkCoreApplication
        {
            Id = Guid.CreateVersion7().ToString(), ClientId = clientId, DisplayName = name, ClientType = ClientTypes.Confidential,
            ClientSecret = await manager.HashSecretAsync(secret, ct),
            Permissions = JsonSerializer.Serialize(new[] { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials }
                .Concat(client.ScopeList.Select(s => Permissions.Prefixes.Scope + s))),
        });
        return client;
    }

    public static async Task<ClientView> ViewAsync(this PlatformDbContext db, IMediator mediator, Guid id, CancellationToken ct)
    {
        var client = await db.VisibleClientAsync(id, ct);
        var disabled = await db.Users.Where(u => u.Id == id).Select(u => u.IsDisabled).FirstAsync(ct);
        return ToView(client, disabled, await UnitNamesAsync(mediator, [client.UnitId], ct));
    }

    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(list), ct)).ToDictionary(u => u.Id, u => u.Name);
    }

    public static ClientView ToView(IntegratorClient c, bool disabled, IReadOnlyDictionary<Guid, string> unitNames) =>
        new(c.Id, c.ClientId, c.Name, c.UnitId, unitNames.GetValueOrDefault(c.UnitId), c.Role, c.ScopeList, c.RequestsPerMinute, disabled,
            $"{c.ClientId}@clients.khcn.invalid", c.CreatedAtUtc, c.SecretIssuedAtUtc, c.PreviousSecretValidUntilUtc);
}
