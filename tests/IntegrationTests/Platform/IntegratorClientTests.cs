using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.IntegrationTests.Training;
using Khcn.Platform.Features.Audit;
using Khcn.Platform.Features.Clients;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Sessions;
using static Khcn.IntegrationTests.Training.CourseTesting;

namespace Khcn.IntegrationTests.Platform;

/// <summary>A fake clock standing at the real time (people's tokens are validated against real time), for the rate windows.</summary>
public sealed class ClientsApi : ApiFactory
{
    public ClientsApi() => Clock.SetUtcNow(DateTimeOffset.UtcNow);
    protected override bool UseFakeClock => true;
}

/// <summary>Integrator clients: OAuth 2.0 client credentials through OpenIddict, acting as their role over their unit within their API scopes.</summary>
public sealed class IntegratorClientTests(ClientsApi api) : IClassFixture<ClientsApi>
{
    public const string DemoClientId = "spkt-dao-tao";
    public const string DemoClientSecret = "Demo-Client-Secret-2025";

    [ApiFact]
    public async Task Given_the_demo_partner_system_When_it_takes_a_token_Then_it_schedules_its_agencys_session_and_the_audit_names_the_client()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var course = await ProposeAsync(coordinator, University);
        var other = await ProposeAsync(coordinator, Department);
        var (status, token) = await ClientTokens.RequestAsync(api, DemoClientId, DemoClientSecret);
        status.ShouldBe(HttpStatusCode.OK, token.ToString());
        token.GetProperty("token_type").GetString().ShouldBe("Bearer");
        token.GetProperty("scope").GetString()!.Split(' ').ShouldBe(["training.read", "training.sessions.write"], ignoreOrder: true);
        var partnerSystem = ClientTokens.Bearer(api, token.GetProperty("access_token").GetString()!);

        var created = await ScheduleAsync(partnerSystem, course.Id, "2031-09-01T08:00:00+07:00", "2031-09-01T11:00:00+07:00", "API-" + course.Code);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var session = await created.ReadAsync<SessionView>();
        // Its role is partner: another agency's course is not there for it, as for the agency's staff (ADR 0008).
        (await ScheduleAsync(partnerSystem, other.Id, "2031-09-02T08:00:00+07:00", "2031-09-02T11:00:00+07:00", "API-X")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var admin = await api.LoginAsync(Users.Admin);
        var trail = await (await admin.GetAsync($"{ListAudit.Route}?entityType=Session&entityId={session.Id}")).ReadAsync<PagedResult<AuditEntryView>>();
        var entry = trail.Items.ShouldHaveSingleItem();
        entry.UserEmail.ShouldBe($"{DemoClientId}@clients.khcn.invalid", "the client is the actor");
        var client = (await (await admin.GetAsync(ListClients.Route)).ReadAsync<PagedResult<ClientView>>()).Items.Single(c => c.ClientId == DemoClientId);
        entry.UserId.ShouldBe(client.Id);
    }

    [ApiFact]
    public async Task Given_a_wrong_secret_or_an_unknown_client_When_a_token_is_asked_Then_invalid_client()
    {
        var (wrong, body) = await ClientTokens.RequestAsync(api, DemoClientId, "not-the-secret");
        ((int)wrong).ShouldBeOneOf(400, 401);
        body.GetProperty("error").GetString().ShouldBe("invalid_client");
        body.TryGetProperty("access_token", out _).ShouldBeFalse();
        var (unknown, body2) = await ClientTokens.RequestAsync(api, "no-such-client", DemoClientSecret);
        ((int)unknown).ShouldBeOneOf(400, 401);
        body2.GetProperty("error").GetString().ShouldBe("invalid_client");
    }

    [ApiFact]
    public async Task Given_a_client_with_training_read_only_When_it_schedules_a_session_Then_403_and_it_cannot_ask_for_that_scope()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await ClientTokens.CreateAsync(admin, await RootUnitIdAsync(admin), "integrator", ["training.read"]);
        created.ClientSecret.Length.ShouldBeGreaterThanOrEqualTo(40);
        var reader = await ClientTokens.LoginAsync(api, created.Client.ClientId, created.ClientSecret);
        var course = await ProposeAsync(await api.LoginAsync(Coordinator), University);

        (await reader.GetAsync(GetCourse.For(course.Id))).StatusCode.ShouldBe(HttpStatusCode.OK, "training.read is granted");
        var refused = await ScheduleAsync(reader, course.Id, "2031-09-03T08:00:00+07:00", "2031-09-03T11:00:00+07:00", "API-R");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, "training.sessions.write is not granted");
        // Its role (integrator) reads units too, but organization.read is not among its scopes.
        (await reader.GetAsync("/api/v1/organization/units")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (status, body) = await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret, "training.sessions.write");
        status.ShouldBe(HttpStatusCode.BadRequest);
        body.GetProperty("error").GetString().ShouldBe("invalid_request"); // OpenIddict's answer (ID2051) to a scope the client may not use
        body.GetProperty("error_description").GetString()!.ShouldContain("scope");
    }

    [ApiFact]
    public async Task Given_a_working_client_When_an_admin_disables_it_Then_its_token_stops_at_once_and_no_new_one_is_issued()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await ClientTokens.CreateAsync(admin, await RootUnitIdAsync(admin), "integrator", ["training.read"]);
        var client = await ClientTokens.LoginAsync(api, created.Client.ClientId, created.ClientSecret);
        (await client.GetAsync(ListCourses.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var disabled = await admin.PostAsync(DisableClient.Route.Replace("{id}", created.Client.Id.ToString()), null);
        (await disabled.ReadAsync<ClientView>()).IsDisabled.ShouldBeTrue();
        (await client.GetAsync(ListCourses.Route)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the token already issued is refused");
        var (status, body) = await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret);
        ((int)status).ShouldBeOneOf(400, 401);
        body.GetProperty("error").GetString().ShouldBe("invalid_client");

        (await admin.PostAsync(EnableClient.Route.Replace("{id}", created.Client.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync(ListCourses.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ApiFact]
    public async Task Given_a_client_allowed_3_requests_a_minute_When_it_sends_a_4th_Then_429_with_Retry_After()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await ClientTokens.CreateAsync(admin, await RootUnitIdAsync(admin), "integrator", ["training.read"], requestsPerMinute: 3);
        var client = await ClientTokens.LoginAsync(api, created.Client.ClientId, created.ClientSecret);
        for (var i = 0; i < 3; i++) (await client.GetAsync(ListCourses.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var limited = await client.GetAsync(ListCourses.Route);
        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "client_rate_limited");
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single());
        retryAfter.ShouldBeInRange(1, 60);
        // Other callers are not held back by that client's budget.
        (await admin.GetAsync(ListCourses.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ApiFact]
    public async Task Given_an_officer_without_user_management_When_they_create_a_client_Then_403_and_an_admin_role_or_an_unknown_scope_is_400()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var refused = await officer.PostJsonAsync(CreateClient.Route, new { name = "X", unitId = Guid.NewGuid(), role = "integrator", scopes = new[] { "training.read" } });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var admin = await api.LoginAsync(Users.Admin);
        var invalid = await admin.PostJsonAsync(CreateClient.Route, new { name = "X", unitId = await RootUnitIdAsync(admin), role = "admin", scopes = new[] { "everything" } });
        var problem = await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("role", out _).ShouldBeTrue();
    }
}

/// <summary>Rotation moves the clock a day ahead: alone in its instance, so people's tokens of other tests stay valid.</summary>
public sealed class IntegratorClientRotationTests(ClientsApi api) : IClassFixture<ClientsApi>
{
    [ApiFact]
    public async Task Given_a_rotated_secret_When_used_within_the_overlap_Then_it_works_and_after_the_overlap_invalid_client()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await ClientTokens.CreateAsync(admin, await RootUnitIdAsync(admin), "integrator", ["training.read"]);
        var rotated = await (await admin.PostJsonAsync(RotateClientSecret.Route.Replace("{id}", created.Client.Id.ToString()), new { overlapHours = 2 }))
            .ReadAsync<ClientWithSecret>();
        rotated.ClientSecret.ShouldNotBe(created.ClientSecret);
        rotated.Client.PreviousSecretValidUntil.ShouldNotBeNull();

        (await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret)).Status.ShouldBe(HttpStatusCode.OK, "the old secret works during the overlap");
        (await ClientTokens.RequestAsync(api, created.Client.ClientId, rotated.ClientSecret)).Status.ShouldBe(HttpStatusCode.OK);

        api.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));
        var (status, body) = await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret);
        ((int)status).ShouldBeOneOf(400, 401);
        body.GetProperty("error").GetString().ShouldBe("invalid_client");
        (await ClientTokens.RequestAsync(api, created.Client.ClientId, rotated.ClientSecret)).Status.ShouldBe(HttpStatusCode.OK, "the new secret goes on");
    }
}

/// <summary>The steps of a third party's system: create a client as an admin, take a token, call with it.</summary>
internal static class ClientTokens
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> RequestAsync(ApiFactory api, string clientId, string secret, string? scope = null)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret };
        if (scope is not null) form["scope"] = scope;
        var response = await api.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static HttpClient Bearer(ApiFactory api, string accessToken)
    {
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpClient> LoginAsync(ApiFactory api, string clientId, string secret)
    {
        var (status, body) = await RequestAsync(api, clientId, secret);
        status.ShouldBe(HttpStatusCode.OK, body.ToString());
        return Bearer(api, body.GetProperty("access_token").GetString()!);
    }

    public static async Task<ClientWithSecret> CreateAsync(HttpClient admin, Guid unitId, string role, string[] scopes, int? requestsPerMinute = null)
    {
        var response = await admin.PostJsonAsync(CreateClient.Route, new { name = "Hệ thống thử " + Guid.NewGuid().ToString("N")[..6], unitId, role, scopes, requestsPerMinute });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ClientWithSecret>();
    }
}
