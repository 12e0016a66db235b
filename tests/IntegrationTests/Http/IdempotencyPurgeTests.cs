using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Jobs;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Khcn.IntegrationTests.Http;

/// <summary>
/// ADR 0012: "Markers outlive the 24-hour purge of the keys, so a very late retry of a committed request returns its
/// result too." The purge job runs on a clock 25 hours ahead (the HTTP side keeps the real one, so the logins stay valid).
/// </summary>
public sealed class IdempotencyPurgeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Units = "/api/v1/organization/units";
    private const string PurgeJob = "platform.purge-idempotency-keys";

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Units) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"{Units}?q={q}&pageSize=10")).ReadAsync<JsonElement>();

    private Task<int> KeysAsync(string key) =>
        api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords.CountAsync(r => r.Key.EndsWith(key)));

    [ApiFact]
    public async Task Given_a_keyed_create_When_its_key_is_purged_after_24_hours_and_the_request_is_retried_Then_the_first_result_returns_and_nothing_is_created_twice()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var parentId = (await FindAsync(admin, "VANGIANG")).GetProperty("items")[0].GetProperty("id").GetGuid();
        var body = new { code = "VANGIANG-PURGE", name = "CĐCS Công ty Thử lại muộn", kind = "Grassroots", parentId };
        const string key = "late-retry-after-purge-1";

        var first = await CreateAsync(admin, body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var firstId = (await first.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await KeysAsync(key)).ShouldBe(1);

        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(25));
        await api.InScopeAsync(async sp =>
        {
            var job = sp.GetServices<IRecurringJob>().Single(j => j.Name == PurgeJob);
            var purge = (IRecurringJob)ActivatorUtilities.CreateInstance(sp, job.GetType(), (TimeProvider)later);
            await purge.RunAsync(CancellationToken.None);
            return 0;
        });
        (await KeysAsync(key)).ShouldBe(0, "the purge forgot the key");

        var retry = await CreateAsync(admin, body, key);

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        (await retry.ReadAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(firstId, "the first result, from the commit's marker");
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        var found = (await FindAsync(admin, "VANGIANG-PURGE")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem("nothing created twice");
        found.GetProperty("id").GetGuid().ShouldBe(firstId);
    }
}
