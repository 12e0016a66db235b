
namespace Khcn.Host.Setup;

/// <summary>
/// The security headers of every answer, the SPA's and the API's (nginx in infra/ passes them through): a
/// Content-Security-Policy with no inline or foreign script, no framing, no MIME sniffing, no referrer, and HSTS
/// when the request came over HTTPS. Set when the answer starts, so the exception handler's reset cannot drop them.
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>AntD writes its styles at run time (style-src 'unsafe-inline'); scripts only from this origin.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                if (http.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                return Task.CompletedTask;
            });
            return next(http);
        });
        return app;
    }
}
