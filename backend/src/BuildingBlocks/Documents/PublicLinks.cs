using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Builder;

namespace Khcn.BuildingBlocks.Documents;

/// <summary>
/// Public addresses of the SPA that certificates and feeds print: <c>PublicBaseUrl</c> (or the older
/// <c>Training:PublicBaseUrl</c>) when configured (behind a proxy, the address people type), else the scheme and host
/// of the current request. One mechanism for every module's verification links and codes.
/// </summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public const string BaseUrlKey = "PublicBaseUrl";
    public const string LegacyBaseUrlKey = "Training:PublicBaseUrl";

    /// <summary>The anonymous endpoints (certificate verification, calendar feeds): requests per minute and client address.</summary>
    public const string RateLimitPolicy = "public";

    public string BaseUrl
    {
        get
        {
            var configured = configuration[BaseUrlKey] is { Length: > 0 } key ? key : configuration[LegacyBaseUrlKey];
            if (!string.IsNullOrWhiteSpace(configured)) return configured.TrimEnd('/');
            var request = http.HttpContext?.Request;
            return request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}".TrimEnd('/');
        }
    }

    /// <summary>The SPA's public verification page of a code: <c>/verify/{code}</c>, or <c>/verify/{kind}/{code}</c> for a module's own kind of certificate.</summary>
    public string VerifyUrl(string code, string? kind = null) =>
        kind is null ? $"{BaseUrl}/verify/{Uri.EscapeDataString(code)}" : $"{BaseUrl}/verify/{kind}/{Uri.EscapeDataString(code)}";

    /// <summary>A verification code: 160 random bits, base64url (27 characters, safe in a path).</summary>
    public static string NewVerificationCode() => Base64Url(RandomNumberGenerator.GetBytes(20));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Registers the links and the rate limit of the anonymous endpoints (once, whichever module asks first).</summary>
    public static IServiceCollection AddPublicLinks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpContextAccessor();
        if (services.Any(d => d.ServiceType == typeof(PublicLinks))) return services;
        services.TryAddScoped<PublicLinks>();
        var perMinute = configuration.GetValue("RateLimiting:PublicPerIpPerMinute", 120);
        services.AddRateLimiter(o => o.AddPolicy(RateLimitPolicy, ctx => RateLimitPartition.GetFixedWindowLimiter(
            ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        return services;
    }
}
