using Khcn.BuildingBlocks.Jobs;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Integrations;

/// <summary>
/// Leases in platform.job_leases, claimed with one conditional UPDATE so that two replicas can never both win;
/// the row of a job is created on first use (a lost insert race just means the other instance claims it).
/// </summary>
internal sealed class JobLeases(PlatformContexts contexts, TimeProvider clock) : IJobLeases
{

    public async Task<bool> TryAcquireAsync(string job, TimeSpan interval, string instance, TimeSpan leaseFor, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.JobLeases.AnyAsync(l => l.Name == job, ct))
        {
            db.JobLeases.Add(new JobLease { Name = job });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { db.ChangeTracker.Clear(); }
        }
        var dueBefore = now - interval;
        var until = now + leaseFor;
        var claimed = await db.JobLeases
            .Where(l => l.Name == job && (l.LockedUntilUtc == null || l.LockedUntilUtc < now) && (l.LastRunAtUtc == null || l.LastRunAtUtc <= dueBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntilUtc, until).SetProperty(l => l.LockedBy, instance), ct);
        return claimed == 1;
    }

    public async Task ReleaseAsync(string job, string instance, bool succeeded, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var lease = db.JobLeases.Where(l => l.Name == job && l.LockedBy == instance);
        if (succeeded)
            await lease.ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntilUtc, (DateTime?)null).SetProperty(l => l.LastRunAtUtc, now), ct);
        else
            await lease.ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntilUtc, (DateTime?)null), ct);
    }
}
