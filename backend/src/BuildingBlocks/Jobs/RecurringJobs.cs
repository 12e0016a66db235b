using Khcn.BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Khcn.BuildingBlocks.Jobs;

/// <summary>Work that runs every <see cref="Interval"/> on exactly one API instance (reminders, clean-ups).</summary>
public interface IRecurringJob
{
    string Name { get; }
    TimeSpan Interval { get; }
    Task RunAsync(CancellationToken ct);
}

/// <summary>Port the Platform module implements: a lease row per job in the database all replicas share.</summary>
public interface IJobLeases
{
    /// <returns>true when this instance may run the job now: not run within its interval and not held by another.</returns>
    Task<bool> TryAcquireAsync(string job, TimeSpan interval, string instance, TimeSpan leaseFor, CancellationToken ct);
    Task ReleaseAsync(string job, string instance, bool succeeded, CancellationToken ct);
}

public sealed class JobOptions
{
    public const string Section = "Jobs";
    public bool Enabled { get; set; } = true;
    public int CheckSeconds { get; set; } = 30;
}

/// <summary>
/// Runs the due recurring jobs. Every replica runs this loop; the lease makes each run happen once: the first
/// instance to claim a due job runs it, the others see it claimed or recently run.
/// </summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IJobLeases leases, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<JobOptions> options, ILogger<JobRunner> log) : BackgroundService
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CheckSeconds), clock);
        do
        {
            try { await RunDueJobsAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Recurring jobs pass failed"); }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass: runs each due job this instance could claim; returns their names.</summary>
    public async Task<IReadOnlyList<string>> RunDueJobsAsync(CancellationToken ct)
    {
        var ran = new List<string>();
        using var scope = scopes.CreateScope();
        foreach (var job in scope.ServiceProvider.GetServices<IRecurringJob>())
        {
            if (!await leases.TryAcquireAsync(job.Name, job.Interval, _instance, TimeSpan.FromMinutes(10), ct)) continue;
            var ok = false;
            try
            {
                using var jobScope = scopes.CreateScope();
                jobScope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
                var scoped = jobScope.ServiceProvider.GetServices<IRecurringJob>().First(j => j.Name == job.Name);
                await scoped.RunAsync(ct);
                ok = true;
                ran.Add(job.Name);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                log.LogError(ex, "Recurring job {Job} failed", job.Name);
            }
            finally
            {
                await leases.ReleaseAsync(job.Name, _instance, ok, CancellationToken.None);
            }
        }
        return ran;
    }
}
