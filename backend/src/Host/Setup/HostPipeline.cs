using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Host.OpenApi;
using Khcn.Platform;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;

namespace Khcn.Host.Setup;

/// <summary>The middleware order, in one place.</summary>
internal static class HostPipeline
{
    public static WebApplication UsePlatformPipeline(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(o => o.EnrichDiagnosticContext = (diag, http) => diag.Set("RequestId", http.TraceIdentifier));
        app.UseApiLanguages();
        app.UseApiProblemDetails();
        app.UseMiddleware<RequestGuards>();
        app.UseApiCompression();
        var spa = SpaHosting.From(app);
        spa?.UseFiles(app);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UsePlatformClientLimits();
        app.UseAuthorization();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.UseFastEndpoints(c =>
        {
            c.Serializer.Options.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            // Vietnamese letters are written as UTF-8, not as \uXXXX escapes (6 bytes and an escape step each); the
            // characters HTML treats specially (<, >, &, ', ") are still escaped, as with the default encoder.
            c.Serializer.Options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
            c.Serializer.Options.TypeInfoResolver = System.Text.Json.Serialization.Metadata.JsonTypeInfoResolver.WithAddedModifier(c.Serializer.Options.TypeInfoResolver ?? new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
                RequiredLists.Require);
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
        spa?.MapFallback(app);
        return app;
    }
}
