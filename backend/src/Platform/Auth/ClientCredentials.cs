using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Khcn.Platform.Auth;

/// <summary><c>Integrations:*</c>: the token endpoint of integrator clients (OAuth 2.0 client credentials).</summary>
public sealed class ClientCredentialsOptions
{
    public const string Section = "Integrations";
    public const string TokenPath = "/connect/token";
    /// <summary>The <c>iss</c> of client tokens: the same on every replica.</summary>
    public string TokenIssuer { get; set; } = "https://khcn.invalid/";
    public int AccessTokenMinutes { get; set; } = 15;
    /// <summary>A client's request budget per minute when it does not set one.</summary>
    public int DefaultRequestsPerMinute { get; set; } = 600;
}

/// <summary>
/// Integrator clients: OpenIddict issues access tokens for the client-credentials grant at <c>/connect/token</c>
/// (applications in the platform schema, secrets hashed) and validates them on every call. A person's token (the
/// HMAC JWT of <c>/auth/login</c>) and a client's token (an encrypted OpenIddict token: five dot-separated parts)
/// share the <c>Authorization: Bearer</c> header; one policy scheme sends each to its validator.
/// </summary>
internal static class ClientCredentials
{
    public const string Scheme = "khcn-bearer";
    public const string Resource = "khcn-api";

    public static AuthenticationBuilder AddIntegratorClients(this IServiceCollection services, IConfiguration configuration, SymmetricSecurityKey jwtKey)
    {
        var options = configuration.GetSection(ClientCredentialsOptions.Section).Get<ClientCredentialsOptions>() ?? new ClientCredentialsOptions();
        services.AddSingleton(options);
        services.AddSingleton<ClientRateLimiter>();
        services.AddScoped(sp => (ClientApplicationManager)sp.GetRequiredService<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>>());
        // Keys derived from the shared JWT key, so every replica signs and reads the same client tokens.
        var signing = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, jwtKey.Key, 32, info: "khcn/oauth/signing"u8.ToArray()));
        var encryption = new SymmetricSecurityKey(HKDF.DeriveKey(HashAlgorithmName.SHA256, jwtKey.Key, 32, info: "khcn/oauth/encryption"u8.ToArray()));

        services.AddOpenIddict()
            .AddCore(o =>
            {
                o.UseEntityFrameworkCore().UseDbContext<PlatformDbContext>();
                o.ReplaceApplicationManager<OpenIddictEntityFrameworkCoreApplication, ClientApplicationManager>();
            })
            .AddServer(o =>
            {
                o.SetTokenEndpointUris(ClientCredentialsOptions.TokenPath.TrimStart('/'));
                o.AllowClientCredentialsFlow();
                o.SetIssuer(new Uri(options.TokenIssuer));
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(options.AccessTokenMinutes));
                o.RegisterScopes([.. ApiScopes.All.Select(s => s.Name)]);
                o.AddSigningKey(signing);
                // OpenIddict also insists on an asymmetric key (for identity tokens, never issued here): one derived likewise.
                o.AddSigningKey(DerivedEcdsaKey(jwtKey));
                o.AddEncryptionKey(encryption);
                // Tokens are self-contained; a disabled client is refused at its next call through its service account.
                o.DisableTokenStorage();
                o.DisableAuthorizationStorage();
                o.AddEventHandler<OpenIddictServerEvents.HandleTokenRequestContext>(b => b.UseScopedHandler<IssueClientToken>());
                // TLS ends at the reverse proxy (infra/): the app itself is reached over plain HTTP.
                o.UseAspNetCore().DisableTransportSecurityRequirement();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
                o.AddAudiences(Resource);
                o.AddEventHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>(b => b.UseScopedHandler<LoadClientAccess>()
                    .SetOrder(OpenIddictValidationHandlers.ValidateAccessToken.Descriptor.Order + 1_000));
            });

        return services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Bearer token of a person or an integrator client", o =>
                o.ForwardDefaultSelector = http => IsClientToken(http.Request)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : JwtBearerDefaults.AuthenticationScheme);
    }

    private static ECDsaSecurityKey DerivedEcdsaKey(SymmetricSecurityKey jwtKey)
    {
        var d = HKDF.DeriveKey(HashAlgorithmName.SHA256, jwtKey.Key, 32, info: "khcn/oauth/ecdsa"u8.ToArray());
        d[0] &= 0x7F; // below the P-256 group order
        var ecdsa = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d });
        return new ECDsaSecurityKey(ecdsa) { KeyId = "khcn-oauth-ecdsa" };
    }

    /// <summary>An encrypted token (JWE: five parts) can only be a client's; people's tokens are signed JWTs (three parts).</summary>
    private static bool IsClientToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.AsSpan(7).Count('.') == 4;
    }

    /// <summary>After authentication: a client over its budget answers 429 with Retry-After.</summary>
    public static IApplicationBuilder UseClientRateLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var access = http.RequestServices.GetRequiredService<AccessContext>();
        if (access.ClientId is { } clientId && http.Items[LoadClientAccess.LimitKey] is int limit
            && http.RequestServices.GetRequiredService<ClientRateLimiter>().TryAcquire(clientId, limit) is { } retryAfter)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString();
            await ProblemDetailsSetup.WriteProblemAsync(http, StatusCodes.Status429TooManyRequests,
                Localized.Text("Too many requests.", "Quá nhiều yêu cầu."),
                Localized.Text($"This client used its {limit} requests of this minute. Try again in {seconds} seconds.",
                    $"Ứng dụng tích hợp này đã dùng hết {limit} yêu cầu của phút này. Hãy thử lại sau {seconds} giây."), "client_rate_limited");
            return;
        }
        await next(http);
    });
}

/// <summary>
/// OpenIddict's application manager, with the secrets rotated out still accepted during their overlap, and a
/// disabled client refused. The hashing is OpenIddict's own (PBKDF2), exposed for the client use cases.
/// </summary>
internal sealed class ClientApplicationManager(
    IOpenIddictApplicationCache<OpenIddictEntityFrameworkCoreApplication> cache,
    ILogger<OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<OpenIddictEntityFrameworkCoreApplication> store,
    PlatformDbContext db,
    TimeProvider clock)
    : OpenIddictApplicationManager<OpenIddictEntityFrameworkCoreApplication>(cache, logger, options, store)
{
    public ValueTask<string> HashSecretAsync(string secret, CancellationToken ct) => ObfuscateClientSecretAsync(secret, ct);

    public override async ValueTask<bool> ValidateClientSecretAsync(OpenIddictEntityFrameworkCoreApplication application, string secret, CancellationToken ct = default)
    {
        var client = await db.IntegratorClients.AsNoTracking().Where(c => c.ClientId == application.ClientId)
            .Select(c => new { c.Id, c.PreviousSecretHash, c.PreviousSecretValidUntilUtc }).FirstOrDefaultAsync(ct);
        if (client is null || await db.Users.AnyAsync(u => u.Id == client.Id && u.IsDisabled, ct)) return false;
        if (await base.ValidateClientSecretAsync(application, secret, ct)) return true;
        var now = clock.GetUtcNow().UtcDateTime;
        return client.PreviousSecretHash is { } previous && now < client.PreviousSecretValidUntilUtc
               && await ValidateClientSecretAsync(secret, previous, ct);
    }
}

/// <summary>
/// The token of a client-credentials request: the client's service account as subject, the scopes requested (all
/// granted ones when none is named; OpenIddict has already refused any scope the client does not hold).
/// </summary>
internal sealed class IssueClientToken(PlatformDbContext db) : IOpenIddictServerHandler<OpenIddictServerEvents.HandleTokenRequestContext>
{
    public async ValueTask HandleAsync(OpenIddictServerEvents.HandleTokenRequestContext context)
    {
        if (!context.Request.IsClientCredentialsGrantType()) return;
        var client = await db.IntegratorClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == context.ClientId);
        if (client is null)
        {
            context.Reject(Errors.InvalidClient, "The client is not an integrator client.");
            return;
        }
        var requested = context.Request.GetScopes();
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, client.Id.ToString());
        identity.SetClaim(Claims.Name, client.Name);
        identity.SetScopes(requested.IsEmpty ? client.ScopeList : client.Granted(requested));
        identity.SetResources(ClientCredentials.Resource);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        context.SignIn(new ClaimsPrincipal(identity));
    }
}

/// <summary>
/// Once a client's token is valid: the request acts as the client's service account with its current grants (a
/// disabled client is refused at once, as a disabled person is) narrowed to the token's scopes that the client still
/// holds, and its rate budget is noted for <see cref="ClientCredentials.UseClientRateLimits"/>.
/// </summary>
internal sealed class LoadClientAccess(PlatformDbContext db) : IOpenIddictValidationHandler<OpenIddictValidationEvents.ProcessAuthenticationContext>
{
    public const string LimitKey = "khcn.client.requestsPerMinute";

    public async ValueTask HandleAsync(OpenIddictValidationEvents.ProcessAuthenticationContext context)
    {
        if (context.AccessTokenPrincipal is not { } principal) return;
        var http = Microsoft.AspNetCore.OpenIddictValidationAspNetCoreHelpers.GetHttpRequest(context.Transaction)?.HttpContext;
        if (http is null || !Guid.TryParse(principal.GetClaim(Claims.Subject), out var id))
        {
            context.Reject(Errors.InvalidToken);
            return;
        }
        var client = await db.IntegratorClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, http.RequestAborted);
        if (client is null || !await AccessLoader.LoadUserAsync(http.RequestServices, id, http.RequestAborted))
        {
            context.Reject(Errors.InvalidToken, "The client is disabled or no longer exists.");
            return;
        }
        http.RequestServices.GetRequiredService<AccessContext>().RestrictToClient(client.ClientId, client.Granted(principal.GetScopes()));
        http.Items[LimitKey] = client.RequestsPerMinute;
    }
}

/// <summary>
/// Each client's requests per minute on this replica: a fixed window on the minutes of <see cref="TimeProvider"/>.
/// Per replica on purpose — a shared counter would cost a database write per call; N replicas allow up to N× the limit.
/// </summary>
internal sealed class ClientRateLimiter(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    private sealed class Window(long minute)
    {
        public long Minute = minute;
        public int Count;
    }

    /// <returns>null when the request may go ahead; otherwise how long until the next window.</returns>
    public TimeSpan? TryAcquire(string clientId, int limit)
    {
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeSeconds() / 60;
        var window = _windows.GetOrAdd(clientId, _ => new Window(minute));
        lock (window)
        {
            if (window.Minute != minute)
            {
                window.Minute = minute;
                window.Count = 0;
            }
            if (window.Count < limit)
            {
                window.Count++;
                return null;
            }
        }
        return DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - now;
    }
}
