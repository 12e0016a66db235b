using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Khcn.Host.Setup;

/// <summary>
/// Serves the built SPA (<c>Spa:RootPath</c>, default frontend/dist of the repository): each file as the brotli or
/// gzip copy Vite wrote beside it when the browser accepts one (<c>Vary: Accept-Encoding</c>); hashed
/// <c>/assets/*</c> cached for a year as immutable, everything else (index.html) revalidated on every use; client-side
/// routes answered with index.html for GET and HEAD only.
/// </summary>
internal sealed class SpaHosting
{
    public const string ImmutableCache = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    private static readonly (string Token, string Extension)[] Encodings = [("br", ".br"), ("gzip", ".gz")];
    private static readonly FileExtensionContentTypeProvider Types = new();
    private readonly PhysicalFileProvider _files;

    private SpaHosting(PhysicalFileProvider files) => _files = files;

    /// <summary>The built SPA, when its index.html is there.</summary>
    public static SpaHosting? From(WebApplication app)
    {
        var configured = app.Configuration["Spa:RootPath"] ?? Path.Combine("..", "..", "..", "frontend", "dist");
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        return File.Exists(Path.Combine(root, "index.html")) ? new SpaHosting(new PhysicalFileProvider(root)) : null;
    }

    /// <summary>Static files (with the precompressed copies), before authentication: they are public.</summary>
    public void UseFiles(WebApplication app)
    {
        app.Use((http, next) =>
        {
            var request = http.Request;
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !IsServerPath(request.Path))
            {
                if (request.Path.Value is null or "/") request.Path = "/index.html";
                var path = request.Path.Value!;
                if (_files.GetFileInfo(path) is { Exists: true, IsDirectory: false })
                {
                    http.Response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
                    // The static file middleware then sends the compressed copy, typed as the file it compresses.
                    if (Negotiate(request, path) is { } encoded) request.Path = path + encoded.Extension;
                }
            }
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = _files,
            ContentTypeProvider = new PrecompressedTypes(),
            OnPrepareResponse = ctx =>
            {
                var response = ctx.Context.Response;
                foreach (var (token, extension) in Encodings)
                    if (ctx.File.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                        response.Headers.ContentEncoding = token;
                response.Headers.CacheControl = ctx.Context.Request.Path.StartsWithSegments("/assets") ? ImmutableCache : Revalidate;
            },
        });
    }

    /// <summary>
    /// The last endpoint: a client-side route (GET or HEAD of a path without a file extension) loads index.html;
    /// any other method, and unknown API paths, answer a 404 problem.
    /// </summary>
    public void MapFallback(WebApplication app) => app.MapFallback(async http =>
    {
        var request = http.Request;
        if (IsServerPath(request.Path) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)))
        {
            await ProblemDetailsSetup.WriteProblemAsync(http, StatusCodes.Status404NotFound, Localized.Text("Not found.", "Không tìm thấy."),
                Localized.Text($"No resource answers {request.Method} {request.Path}.", $"Không có tài nguyên nào cho {request.Method} {request.Path}."), "not_found");
            return;
        }
        const string index = "/index.html";
        var response = http.Response;
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        response.Headers.CacheControl = Revalidate;
        response.ContentType = "text/html; charset=utf-8";
        var file = _files.GetFileInfo(index);
        if (Negotiate(request, index) is { } encoded)
        {
            response.Headers.ContentEncoding = encoded.Token;
            file = _files.GetFileInfo(index + encoded.Extension);
        }
        response.ContentLength = file.Length;
        if (HttpMethods.IsHead(request.Method)) return;
        await response.SendFileAsync(file);
    });

    private static bool IsServerPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/swagger");

    /// <summary>The best precompressed copy of <paramref name="path"/> the request accepts (brotli first), if any.</summary>
    private (string Token, string Extension)? Negotiate(HttpRequest request, string path)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptEncoding, out var accepted) || accepted.Count == 0)
            return null;
        foreach (var encoding in Encodings)
        {
            var quality = accepted.FirstOrDefault(a => a.Value.Equals(encoding.Token, StringComparison.OrdinalIgnoreCase))?.Quality
                          ?? accepted.FirstOrDefault(a => a.Value == "*")?.Quality;
            var acceptable = accepted.Any(a => a.Value.Equals(encoding.Token, StringComparison.OrdinalIgnoreCase) || a.Value == "*")
                             && quality is null or > 0;
            if (acceptable && _files.GetFileInfo(path + encoding.Extension).Exists) return encoding;
        }
        return null;
    }

    /// <summary>A .br or .gz copy has the type of the file it compresses.</summary>
    private sealed class PrecompressedTypes : IContentTypeProvider
    {
        public bool TryGetContentType(string subpath, out string contentType)
        {
            foreach (var (_, extension) in Encodings)
                if (subpath.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                    return Types.TryGetContentType(subpath[..^extension.Length], out contentType!);
            return Types.TryGetContentType(subpath, out contentType!);
        }
    }
}
