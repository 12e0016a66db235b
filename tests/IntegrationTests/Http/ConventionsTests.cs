using System.Net;
using System.Text;
using Khcn.BuildingBlocks.Security;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Http;

public sealed class ConventionsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_malformed_json_When_posting_Then_400_problem()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var response = await admin.PostAsync(CreateUnit.Route, new StringContent("{\"code\": \"X\", ", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_a_body_that_is_not_json_When_posting_Then_415_problem()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var response = await admin.PostAsync(CreateUnit.Route, new StringContent("code=X", Encoding.UTF8, "text/plain"));
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [ApiFact]
    public async Task Given_a_body_over_the_limit_When_posting_Then_413_problem()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var huge = "{\"name\":\"" + new string('a', 1_100_000) + "\"}";
        var response = await admin.PostAsync(CreateUnit.Route, new StringContent(huge, Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
    }

    [ApiFact]
    public async Task Given_an_unknown_api_route_When_requested_Then_404_problem()
    {
        var response = await api.CreateClient().GetAsync("/api/v1/organization/nothing-here");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_started_api_When_probing_health_Then_live_and_ready()
    {
        var client = api.CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ApiFact]
    public void Given_every_api_endpoint_Then_it_declares_a_permission_or_is_explicitly_anonymous()
    {
        var endpoints = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) == true
                        || e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true)
            .ToList();
        endpoints.Count.ShouldBeGreaterThan(10);
        var authenticatedOnly = new[] { "/api/v1/me", "/api/v1/me/notifications", "/api/v1/me/notifications/{id}/read", "/api/v1/me/password", "/api/v1/search" };
        foreach (var endpoint in endpoints)
        {
            var route = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || authenticatedOnly.Contains(route)) continue;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).ToList();
            policies.ShouldContain(p => Permission.IsKnown(p!), $"{route} declares no permission");
        }
    }
}
