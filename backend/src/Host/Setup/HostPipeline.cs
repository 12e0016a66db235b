using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Host.OpenApi;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.FileProviders;
using Serilog;

namespace Khcn.Host.Setup;

/// <summary>The middleware order, in one place.</summary>
internal static class HostPipeline
{
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        app.UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (diag, http) => diag.Set("RequestId", http.TraceIdentifier));
        app.UseApiLanguages();
        app.UseApiProblemDetails();
        app.UseMiddleware<RequestGuards>();
        var spa = SpaFiles(app);
        if (spa is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = spa });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = spa });
        }
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseFastEndpoints(c =>
        {
            c.Serializer.Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            c.Errors.ContentType = "application/problem+json";
            // Every response carrying an aggregate's version gets it as its ETag (the If-Match of the next update).
            c.Serializer.ResponseSerializer = (response, dto, contentType, _, ct) =>
            {
                if (dto is IVersioned v) response.Headers.ETag = ETags.From(v.Version);
                response.ContentType = contentType;
                return System.Text.Json.JsonSerializer.SerializeAsync(response.Body, dto, dto?.GetType() ?? typeof(object), c.Serializer.Options, ct);
            };
            c.Errors.ResponseBuilder = (failures, http, status) => FastEndpointsErrors.Problem(failures, http, status);
            c.Endpoints.Configurator = ep =>
            {
                ep.Description(d => d.WithTags(ApiDocumentation.ModuleTagOf(ep.EndpointType)));
            };
        });
        app.MapPerfTwins();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = h => h.Tags.Contains("ready") });
        app.UseApiDocumentation();
        if (spa is not null)
            app.MapFallback(async http =>
            {
                // Client-side routes load the SPA; unknown API paths stay 404 problems.
                if (http.Request.Path.StartsWithSegments("/api") || http.Request.Path.StartsWithSegments("/health") || http.Request.Path.StartsWithSegments("/swagger"))
                {
                    http.Response.StatusCode = 404;
                    return;
                }
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.SendFileAsync(spa.GetFileInfo("index.html"));
            });
        return app;
    }

    /// <summary>The built SPA (<c>Spa:RootPath</c>, default frontend/dist of the repository), when present.</summary>
    private static PhysicalFileProvider? SpaFiles(WebApplication app)
    {
        var configured = app.Configuration["Spa:RootPath"] ?? Path.Combine("..", "..", "..", "frontend", "dist");
        var root = Path.GetFullPath(configured, app.Environment.ContentRootPath);
        return File.Exists(Path.Combine(root, "index.html")) ? new PhysicalFileProvider(root) : null;
    }
}
