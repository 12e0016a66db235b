using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>
/// Runs the background refreshes of the dashboard's kept parts (ADR 0010, amendment "served while refreshed"): at most
/// one per key at a time (a second stale read of the same part joins the first refresh instead of starting its own),
/// at most <see cref="MaxConcurrent"/> at once (two cores serve the reads too), each in a scope of its own acting with
/// the access of the read that asked for it, cancelled when the host stops; a failure is logged and the part stays as
/// it was, so the next read asks again.
/// </summary>
internal sealed class DashboardRefresher(IServiceScopeFactory scopes, ILogger<DashboardRefresher> log) : IAsyncDisposable
{
    public const int MaxConcurrent = 2;

    private readonly ConcurrentDictionary<string, Task> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _starts = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(MaxConcurrent);
    private readonly CancellationTokenSource _stopping = new();
    private volatile TaskCompletionSource? _held;

    /// <summary>How many refreshes each key has started since the host began (a test hook: never two at once per key).</summary>
    public IReadOnlyDictionary<string, int> Starts => new Dictionary<string, int>(_starts);

    /// <summary>
    /// Starts refreshing <paramref name="key"/> unless a refresh of it is already running; false when one is (or the
    /// host is stopping). <paramref name="work"/> gets the new scope's services and the shutdown token.
    /// </summary>
    public bool Schedule(string key, AccessContext access, Func<IServiceProvider, CancellationToken, Task> work)
    {
        if (_stopping.IsCancellationRequested) return false;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_running.TryAdd(key, done.Task)) return false;
        _starts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var caller = new AccessContext();
        access.CopyTo(caller); // the request's own context ends with the request
        _ = Task.Run(async () =>
        {
            try
            {
                await RunAsync(key, caller, work);
            }
            finally
            {
                _running.TryRemove(key, out _);
                done.TrySetResult();
            }
        });
        return true;
    }

    private async Task RunAsync(string key, AccessContext caller, Func<IServiceProvider, CancellationToken, Task> work)
    {
        var stop = _stopping.Token;
        try
        {
            if (_held is { } held) await held.Task.WaitAsync(stop);
            await _slots.WaitAsync(stop);
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                caller.CopyTo(scope.ServiceProvider.GetRequiredService<AccessContext>());
                await work(scope.ServiceProvider, stop);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The host is stopping: the part stays as it was.
        }
        catch (Exception e)
        {
            log.LogError(e, "Refreshing the dashboard part {Key} failed; it is served as last computed and asked again at the next read", key);
        }
    }

    /// <summary>A test hook: refreshes started until the returned handle is disposed wait before computing.</summary>
    public IDisposable Hold()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = held;
        return new Release(() =>
        {
            _held = null;
            held.TrySetResult();
        });
    }

    /// <summary>A test hook: completes when no refresh runs (bounded: a refresh started meanwhile is waited for too, a few rounds).</summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        for (var round = 0; round < 20 && !_running.IsEmpty; round++) await Task.WhenAll(_running.Values).WaitAsync(timeout);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Values).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            log.LogWarning("Dashboard refreshes still running at shutdown: {Keys}", string.Join(", ", _running.Keys));
        }
        _stopping.Dispose();
        _slots.Dispose();
    }

    private sealed class Release(Action release) : IDisposable
    {
        public void Dispose() => release();
    }
}
