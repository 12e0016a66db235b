using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Khcn.Host.Setup;

/// <summary>
/// The API's JSON answers compressed (brotli, else gzip) when the client accepts it (#17: Lighthouse's
/// uses-text-compression found the dashboard's and the unit tree's JSON sent plain). The SPA's files are not
/// concerned: they are served precompressed (<see cref="SpaHosting"/>) and already carry their Content-Encoding.
/// Not over HTTPS (ASP.NET's default, because of BREACH) and never the sign-in and token answers, which carry
/// secrets; behind nginx (infra/) the Host speaks plain HTTP, so the proxy receives the compressed body.
/// </summary>
internal static class ApiCompression
{
    private static readonly PathString Auth = "/api/v1/auth";

    public static IServiceCollection AddApiCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json"];
        });
        // Fastest: an answer is compressed on every request; the levels' ratios differ little on JSON this size.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseApiCompression(this WebApplication app)
    {
        app.UseWhen(http => !http.Request.Path.StartsWithSegments(Auth), branch => branch.UseResponseCompression());
        return app;
    }
}
