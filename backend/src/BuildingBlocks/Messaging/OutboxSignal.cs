using System.Collections.Concurrent;

namespace Khcn.BuildingBlocks.Messaging;

/// <summary>Wakes a module's dispatcher right after a commit that queued events, instead of waiting for the next poll.</summary>
public sealed class OutboxSignal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new();

    private SemaphoreSlim For(string schema) => _signals.GetOrAdd(schema, _ => new SemaphoreSlim(0));

    public void Notify(string schema)
    {
        var s = For(schema);
        if (s.CurrentCount == 0) s.Release();
    }

    public async Task WaitAsync(string schema, TimeSpan timeout, CancellationToken ct)
    {
        try { await For(schema).WaitAsync(timeout, ct); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}
