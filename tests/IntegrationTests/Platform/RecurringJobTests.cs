using Khcn.BuildingBlocks.Jobs;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Platform;

/// <summary>The fake clock drives the jobs; the background loop is off so only the test runs passes.</summary>
public sealed class ClockedApi : ApiFactory
{
    protected override bool UseFakeClock => true;
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };
}

public sealed class RecurringJobTests(ClockedApi api) : IClassFixture<ClockedApi>
{
    private const string Purge = "platform.purge-idempotency-keys";

    [ApiFact]
    public async Task Given_two_replicas_When_a_job_is_due_Then_it_runs_once_and_again_only_after_its_interval()
    {
        var now = api.Clock.GetUtcNow().UtcDateTime;
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            db.IdempotencyRecords.AddRange(
                new IdempotencyRecord { Key = "u:old", RequestHash = "h", StatusCode = 201, CreatedAtUtc = now.AddHours(-30) },
                new IdempotencyRecord { Key = "u:fresh", RequestHash = "h", StatusCode = 201, CreatedAtUtc = now.AddHours(-1) });
            return await db.SaveChangesAsync();
        });
        var replicaA = ActivatorUtilities.CreateInstance<JobRunner>(api.Services);
        var replicaB = ActivatorUtilities.CreateInstance<JobRunner>(api.Services);

        var passes = await Task.WhenAll(replicaA.RunDueJobsAsync(CancellationToken.None), replicaB.RunDueJobsAsync(CancellationToken.None));

        passes.SelectMany(p => p).Count(j => j == Purge).ShouldBe(1, "one replica runs it");
        var keys = await api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords.Select(r => r.Key).ToListAsync());
        keys.ShouldContain("u:fresh");
        keys.ShouldNotContain("u:old");

        (await replicaB.RunDueJobsAsync(CancellationToken.None)).ShouldNotContain(Purge, "not due again within the hour");
        api.Clock.Advance(TimeSpan.FromMinutes(61));
        (await replicaB.RunDueJobsAsync(CancellationToken.None)).ShouldContain(Purge);
    }
}
