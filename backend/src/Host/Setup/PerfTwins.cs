using FastEndpoints;
using Khcn.Platform.Features.Me;
using Mediator;

namespace Khcn.Host.Setup;

/// <summary>
/// Benchmark-only endpoints (<c>Perf:Twins=true</c>; off by default, absent from the API document): the same
/// trivial authenticated answer through FastEndpoints and through a minimal API, and <c>/api/v1/me</c>'s query sent
/// from a minimal API, so that `make perf` can compare the framework with plain ASP.NET Core in one process.
/// </summary>
internal static class PerfTwins
{
    public const string Setting = "Perf:Twins";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static void MapPerfTwins(this WebApplication app)
    {
        if (!Enabled(app.Configuration)) return;
        app.MapGet(PerfPingEndpoint.MinimalRoute, () => Results.Ok(new PerfPing(true))).RequireAuthorization().ExcludeFromDescription();
        app.MapGet("/perf/minimal/me", async (IMediator mediator, CancellationToken ct) => Results.Ok(await mediator.Send(new GetMe(), ct)))
            .RequireAuthorization().ExcludeFromDescription();
    }
}

internal sealed record PerfPing(bool Ok);

/// <summary>The FastEndpoints half of the trivial pair (registered only with <c>Perf:Twins=true</c>).</summary>
internal sealed class PerfPingEndpoint : EndpointWithoutRequest<PerfPing>
{
    public const string MinimalRoute = "/perf/minimal/ping";

    public override void Configure()
    {
        Get("/perf/fastendpoints/ping");
        Description(b => b.ExcludeFromDescription());
    }

    public override Task HandleAsync(CancellationToken ct) => Send.OkAsync(new PerfPing(true), ct);
}
