using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Http;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Http;

/// <summary>
/// An instance over a data folder another instance reopens; with <c>stopsBeforeAnswering</c> its process "stops"
/// right after a request's commit: the answer is never stored and the key never released, as after a kill -9.
/// </summary>
public sealed class StoppingApi(string dataDir, bool stopsBeforeAnswering) : ApiFactory
{
    public override string DataDir => dataDir;
    protected override bool DeleteDataOnDispose => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (!stopsBeforeAnswering) return;
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IIdempotencyStore));
            services.Remove(real);
            services.AddSingleton(real.ImplementationType!);
            services.AddSingleton<IIdempotencyStore>(sp => new StopsBeforeAnswering((IIdempotencyStore)sp.GetRequiredService(real.ImplementationType!)));
        });
    }

    private sealed class StopsBeforeAnswering(IIdempotencyStore real) : IIdempotencyStore
    {
        public Task<StoredResponse?> FindAsync(string key, CancellationToken ct) => real.FindAsync(key, ct);
        public Task<bool> TryReserveAsync(string key, string requestHash, CancellationToken ct) => real.TryReserveAsync(key, requestHash, ct);
        public Task<bool> TryResumeAsync(string key, CancellationToken ct) => real.TryResumeAsync(key, ct);
        public Task CompleteAsync(string key, StoredResponse response, CancellationToken ct) =>
            throw new InvalidOperationException("The process stopped between the commit and storing the answer.");
        public Task ReleaseAsync(string key, CancellationToken ct) => Task.CompletedTask;
    }
}

public sealed class IdempotencyRecoveryTests
{
    private const string Units = "/api/v1/organization/units";

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Units) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"{Units}?q={q}&pageSize=10")).ReadAsync<JsonElement>();

    [ApiFact]
    public async Task Given_a_create_whose_process_stopped_after_its_commit_When_retried_after_the_lease_Then_the_first_result_returns_and_nothing_is_created_twice()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        object body;
        await using (var stopping = new StoppingApi(dataDir, stopsBeforeAnswering: true))
        {
            await stopping.InitializeAsync();
            var admin = await stopping.LoginAsync(Users.Admin);
            var parentId = (await FindAsync(admin, "VANGIANG")).GetProperty("items")[0].GetProperty("id").GetGuid();
            body = new { code = "VANGIANG-CRASH", name = "CĐCS Công ty Sau sự cố", kind = "Grassroots", parentId };

            var lost = await CreateAsync(admin, body, "after-crash-1");

            ((int)lost.StatusCode).ShouldBe(500, "the client never got its answer");
            (await FindAsync(admin, "VANGIANG-CRASH")).GetProperty("total").GetInt32().ShouldBe(1, "the change itself was committed");
        }

        await using var restarted = new StoppingApi(dataDir, stopsBeforeAnswering: false);
        await restarted.InitializeAsync();
        var client = await restarted.LoginAsync(Users.Admin);
        // Within the lease the key still belongs to the request that held it.
        await (await CreateAsync(client, body, "after-crash-1")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_in_progress");

        // The lease runs out.
        await restarted.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAtUtc, DateTime.UtcNow.AddHours(-1))));
        var retry = await CreateAsync(client, body, "after-crash-1");
        var replay = await CreateAsync(client, body, "after-crash-1");

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        var existing = (await FindAsync(client, "VANGIANG-CRASH")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (await retry.ReadAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(existing.GetProperty("id").GetGuid());
        retry.Headers.Location!.ToString().ShouldEndWith(existing.GetProperty("id").GetString()!);
        retry.Headers.ETag.ShouldNotBeNull();
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replay.Headers.Location.ShouldBe(retry.Headers.Location);
        Directory.Delete(dataDir, recursive: true);
    }
}
