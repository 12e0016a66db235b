using System.Threading.RateLimiting;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Users;
using Khcn.Platform.Integrations;
using Khcn.Platform.Integrations.Webhooks;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Platform;

public static class PlatformModule
{
    public const string LoginRateLimitPolicy = "login";

    /// <summary>Identity, tokens, user administration, audit reading and idempotency storage (schema "platform").</summary>
    /// <summary>After authentication: integrator clients over their per-minute budget answer 429.</summary>
    /// <summary>Then: a user whose password an administrator reset reaches only their own account until they change it.</summary>
    public static IApplicationBuilder UsePlatformClientLimits(this IApplicationBuilder app) => app.UseClientRateLimits().UsePasswordChangeGate();

    public static IServiceCollection AddPlatformModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<PlatformDbContext>(configuration, PlatformDbContext.SchemaName);
        // What a request's access is built from: an active user's e-mail, name and grants (the access cache watches this stamp).
        services.AddChangeStamp<PlatformDbContext>(AccessStamps.Users, e => e.Entity is UserGrant
            || (e.Entity is AppUser && (e.State != EntityState.Modified
                || new[] { nameof(AppUser.IsDisabled), nameof(AppUser.Email), nameof(AppUser.FullName), nameof(AppUser.MustChangePassword) }.Any(p => e.Property(p).IsModified))));
        services.AddModuleApplication(typeof(PlatformModule).Assembly);
        // Any saved change of the search index renews its stamp: the results kept in memory follow it (ADR 0014).
        services.AddChangeStamp<PlatformDbContext>(Data.Search.SearchIndex.Stamp, e => e.Entity is Domain.SearchEntry);
        services.AddSingleton<SearchIndexRebuilder>();
        services.AddSingleton<Features.Search.SearchResultsCache>();
        services.AddScoped<Access.SearchScope>();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<PlatformDbContext>()
            .AddErrorDescriber<PasswordMessages>();
        services.AddDataProtection().SetApplicationName("khcn").PersistKeysToDbContext<PlatformDbContext>();

        var (jwt, key) = JwtOptions.Load(configuration, configuration.ReadDatabaseOptions());
        services.AddSingleton(jwt);
        services.AddSingleton(sp => new TokenService(jwt, key, sp.GetRequiredService<TimeProvider>()));
        services.AddIntegratorClients(configuration, key)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                // A 401 does not say why a token failed (expired, bad signature, disabled account): nothing to probe with.
                o.IncludeErrorDetails = false;
                o.TokenValidationParameters = new TokenService(jwt, key, TimeProvider.System).ValidationParameters();
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async ctx =>
                    {
                        if (!await AccessLoader.LoadAsync(ctx.HttpContext, ctx.Principal!)) ctx.Fail("The account is disabled or no longer exists.");
                    },
                };
            });
        services.AddAuthorization();

        var throttle = configuration.GetSection(LoginThrottleOptions.Section).Get<LoginThrottleOptions>() ?? new LoginThrottleOptions();
        services.AddSingleton(new LoginThrottle(throttle));
        services.AddSingleton<UnknownAccountLockout>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginRateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = throttle.LoginPerIpPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                var login = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == LoginRateLimitPolicy;
                var problem = login ? LoginThrottle.TooManyRequests(retry) : TooManyRequests(retry);
                ctx.HttpContext.Response.Headers.RetryAfter = problem.Headers!["Retry-After"];
                await ProblemDetailsSetup.WriteProblemAsync(ctx.HttpContext, 429, problem.Title, problem.Message, problem.Code);
            };
        });

        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddSingleton<PlatformContexts>();
        services.AddSingleton<IIdempotencyStore, IdempotencyStore>();
        services.AddSingleton<IJobLeases, JobLeases>();
        services.AddScoped<IRecurringJob, PurgeIdempotencyKeys>();

        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        // A receiver on this machine or network is allowed when configured so, and in Development.
        if (configuration[$"{WebhookOptions.Section}:{nameof(WebhookOptions.AllowPrivateAddresses)}"] is null)
            webhooks.AllowPrivateAddresses = string.Equals(configuration["environment"], "Development", StringComparison.OrdinalIgnoreCase);
        services.AddSingleton(webhooks);
        services.AddSingleton<WebhookSecrets>();
        services.AddHttpClient(WebhookOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => WebhookUrls.GuardedHandler(webhooks));
        services.AddSingleton<WebhookDeliverer>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDeliverer>());
        return services;
    }

    /// <summary>429 of the public endpoints (certificate checks, calendars): too many requests, not logins.</summary>
    private static ApiProblemException TooManyRequests(TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new ApiProblemException(429, "too_many_requests", Localized.Text("Too many requests.", "Quá nhiều yêu cầu."),
            Localized.Text($"Too many requests from this address. Try again in {seconds} seconds.", $"Có quá nhiều yêu cầu từ địa chỉ này. Hãy thử lại sau {seconds} giây."),
            headers: new Dictionary<string, string> { ["Retry-After"] = seconds.ToString() });
    }
}
