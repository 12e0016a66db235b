using Khcn.Platform.Auth;
using Microsoft.AspNetCore.Http;

namespace Khcn.Platform.Features.Auth;

/// <summary>
/// The browser's refresh token (ADR 0012): an HttpOnly, SameSite=Strict cookie (Secure over HTTPS) that only the
/// auth endpoints receive, so no script of the page can read it. API clients that send the token in the body get
/// it in the body as before and never a cookie.
/// </summary>
internal static class RefreshCookie
{
    public const string Name = "khcn_refresh";
    public const string Path = "/api/v1/auth";

    public static string? Read(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>Puts the refresh token in the cookie and takes it out of the answer.</summary>
    public static TokenResponse Deliver(HttpContext http, TokenResponse tokens)
    {
        http.Response.Cookies.Append(Name, tokens.RefreshToken!, Options(http, tokens.RefreshTokenExpiresAt));
        return tokens with { RefreshToken = null };
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Name, Options(http, null));

    private static CookieOptions Options(HttpContext http, DateTime? expires) => new()
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        Expires = expires is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null,
        IsEssential = true,
    };
}
