using System.Text.Json.Serialization;
using FastEndpoints;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Host.OpenApi;
using Mediator;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Serilog;

namespace Khcn.Host.Setup;

/// <summary>Cross-cutting services: logging, telemetry, messaging, HTTP conventions, health, OpenAPI.</summary>
internal static class HostServices
{
    public static WebApplicationBuilder AddPlatformServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        builder.Host.UseSerilog((ctx, log) => log
            .ReadFrom.Configuration(ctx.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}"));
        var otel = services.AddOpenTelemetry().ConfigureResource(r => r.AddService("khcn-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation());
        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            otel.WithTracing(t => t.AddOtlpExporter());

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<AuditingInterceptor>();
        services.Configure<OutboxOptions>(config.GetSection(OutboxOptions.Section));
        services.Configure<ApiLimits>(config.GetSection(ApiLimits.Section));
        services.Configure<JobOptions>(config.GetSection(JobOptions.Section));
        services.AddSingleton<JobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<JobRunner>());
        services.AddUnitScopedAccess();

        services.AddMediator((MediatorOptions o) =>
        {
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
        });

        services.AddApiLanguages();
        services.AddApiProblemDetails();
        services.AddApiCompression();
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        var perfTwins = PerfTwins.Enabled(builder.Configuration);
        services.AddFastEndpoints(o =>
        {
            o.IncludeAbstractValidators = false;
            o.Filter = t => perfTwins || t != typeof(PerfPingEndpoint);
        });
        services.AddHealthChecks().AddCheck<DatabasesReadyCheck>("databases", tags: ["ready"]);
        services.AddApiDocumentation();
        return builder;
    }

    public static async Task PrepareDatabasesAsync(this WebApplication app) =>
        await DatabaseStartup.MigrateAndSeedAsync(app.Services, app.Lifetime.ApplicationStopping);
}

/// <summary>Request limits of the API (<c>Api:*</c>).</summary>
public sealed class ApiLimits
{
    public const string Section = "Api";
    /// <summary>Largest request body accepted (413 beyond).</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
    /// <summary>Largest file upload (multipart) accepted: a 20 MB attachment plus the form around it.</summary>
    public long MaxUploadBytes { get; set; } = 21 * 1_048_576;
}
