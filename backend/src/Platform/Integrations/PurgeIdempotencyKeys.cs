using Khcn.BuildingBlocks.Jobs;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Khcn.Platform.Integrations;

/// <summary>Forgets Idempotency-Keys after <c>Idempotency:RetentionHours</c> (24 by default): retries come within minutes.</summary>
internal sealed class PurgeIdempotencyKeys(PlatformDbContext db, TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "platform.purge-idempotency-keys";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var hours = configuration.GetValue("Idempotency:RetentionHours", 24);
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-hours);
        await db.IdempotencyRecords.Where(r => r.CreatedAtUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
