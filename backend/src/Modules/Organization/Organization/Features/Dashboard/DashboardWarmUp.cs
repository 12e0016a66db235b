using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Khcn.Organization.Features.Dashboard;

public sealed class DashboardOptions
{
    public const string Section = "Dashboard";

    /// <summary>Compute the dashboards most read at start-up and just after each midnight in Vietnam (<see cref="DashboardWarmUp"/>).</summary>
    public bool WarmUp { get; set; } = true;
}

/// <summary>
/// Keeps the dashboards leaders open first ready before anyone asks (issue #15): at start-up (the databases are
/// migrated and seeded before the host starts; readiness does not wait for it) and again just after each midnight in
/// Vietnam — when every kept part turns a day old and the next read would compute it — computes the plan dashboard of
/// this year for the province and for each of its direct sub-units, as an exact read (<c>fresh=true</c>) through the
/// same query and the same <see cref="DashboardCache"/> the users' reads go through, with the whole hierarchy's reach
/// (the province's leaders and boards, who read the province and drill into its districts). Bounded for SQLite on two
/// cores: one dashboard after another, never more than one computation at a time of its own, cancelled when the host
/// stops. A failure is logged and the next unit warmed; a read still computes what the warm-up missed.
/// <para>Every replica warms its own: the kept parts live in the process's memory, so this is not a recurring job run
/// on one replica through the job lease.</para>
/// </summary>
internal sealed class DashboardWarmUp(IServiceScopeFactory scopes, TimeProvider clock, IOptions<DashboardOptions> options,
    ILogger<DashboardWarmUp> log) : BackgroundService
{
    private readonly ConcurrentDictionary<DateOnly, TaskCompletionSource> _warmed = new();
    private volatile TaskCompletionSource<DateTimeOffset> _sleeping = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A test hook: completes when a warm-up pass of <paramref name="day"/> (in Vietnam) has ended.</summary>
    public Task WarmedAsync(DateOnly day) => Pass(day).Task;

    /// <summary>A test hook: completes, with the instant it wakes at, once the loop sleeps until the next day (its timer set).</summary>
    public Task<DateTimeOffset> SleepingAsync() => _sleeping.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.WarmUp) return;
        await Task.Yield(); // never hold the host's start
        DateOnly? warmed = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var today = VietnamTime.Today(clock);
                if (today != warmed)
                {
                    await WarmAsync(today, stoppingToken);
                    warmed = today;
                    continue; // the day may have turned during the pass
                }
                var wake = NextMidnight(today);
                var sleep = Task.Delay(wake - clock.GetUtcNow(), clock, stoppingToken);
                _sleeping.TrySetResult(wake);
                await sleep;
                _sleeping = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: what is kept stays, the rest is computed by the next reads.
        }
    }

    /// <summary>The first instant of the day after <paramref name="today"/> in Vietnam, in UTC.</summary>
    private static DateTimeOffset NextMidnight(DateOnly today) =>
        new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamTime.Offset).ToUniversalTime();

    /// <summary>One pass: this year's dashboard of the province, then of each of its direct sub-units, one after another.</summary>
    public async Task WarmAsync(DateOnly day, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var units = 0;
        try
        {
            foreach (var unitId in await UnitsToWarmAsync(ct))
            {
                ct.ThrowIfCancellationRequested();
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
                    await scope.ServiceProvider.GetRequiredService<IMediator>()
                        .Send(new GetDashboard { UnitId = unitId, Year = day.Year, Fresh = true }, ct);
                    units++;
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    log.LogError(e, "Warming the plan dashboard of unit {UnitId} for {Day} failed; its first read computes it", unitId, day);
                }
            }
            log.LogInformation("Plan dashboards of {Year} warmed for {Day}: {Units} units in {Elapsed}", day.Year, day, units,
                clock.GetElapsedTime(started));
        }
        finally
        {
            Pass(day).TrySetResult();
        }
    }

    /// <summary>The root and its active direct sub-units, from the in-memory unit catalogue (one stamp read).</summary>
    private async Task<IReadOnlyList<Guid>> UnitsToWarmAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        var units = (await scope.ServiceProvider.GetRequiredService<UnitCatalogue>().AllAsync(await db.UnitsStampAsync(ct))).Rows;
        var root = units.FirstOrDefault(u => u.ParentId == null);
        if (root is null) return [];
        return [root.Id, .. units.Where(u => u.ParentId == root.Id && u.Status == UnitStatus.Active)
            .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => u.Id)];
    }

    private TaskCompletionSource Pass(DateOnly day) =>
        _warmed.GetOrAdd(day, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
