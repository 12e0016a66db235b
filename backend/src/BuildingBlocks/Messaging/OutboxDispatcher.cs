using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Khcn.BuildingBlocks.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    /// <summary>Off: events stay in the outbox (tests use it to stop an instance between save and dispatch).</summary>
    public bool Enabled { get; set; } = true;
    public int PollMilliseconds { get; set; } = 2000;
    public int BatchSize { get; set; } = 50;
    public int LockSeconds { get; set; } = 30;
}

/// <summary>
/// Delivers a module's outbox to the in-process subscribers (Mediator notification handlers of other modules).
/// Rows are claimed with a conditional update, so several API replicas can run it side by side; a row is marked
/// processed only after every handler succeeded, so a crash in between means redelivery, never loss.
/// </summary>
public sealed class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    OutboxSignal signal,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> log) : BackgroundService where TContext : ModuleDbContext
{
    private readonly string _instance = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        await Task.Yield();
        string schema;
        using (var scope = scopes.CreateScope()) schema = scope.ServiceProvider.GetRequiredService<TContext>().Schema;

        while (!stoppingToken.IsCancellationRequested)
        {
            var delivered = 0;
            try { delivered = await DispatchPendingAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { log.LogError(ex, "Outbox dispatch of {Schema} failed", schema); }
            if (delivered == 0)
                await signal.WaitAsync(schema, TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    /// <summary>One pass over the pending rows; returns how many were delivered.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.ProcessedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.OccurredAtUtc).Take(options.Value.BatchSize).Select(m => m.Id).ToListAsync(ct);

        var delivered = 0;
        foreach (var id in ids)
        {
            var lockedUntil = now.AddSeconds(options.Value.LockSeconds);
            var claimed = await db.OutboxMessages
                .Where(m => m.Id == id && m.ProcessedAtUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, lockedUntil).SetProperty(m => m.LockedBy, _instance), ct);
            if (claimed == 0) continue; // another replica has it

            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                var @event = OutboxSerializer.FromMessage(message);
                using (var handlerScope = scopes.CreateScope())
                {
                    handlerScope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
                    await handlerScope.ServiceProvider.GetRequiredService<IPublisher>().Publish((object)@event, ct);
                }
                var done = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedAtUtc, done)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
                delivered++;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                var retryAt = clock.GetUtcNow().UtcDateTime.AddSeconds(Math.Min(300, Math.Pow(2, message.Attempts + 1)));
                var error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
                log.LogWarning(ex, "Delivering outbox message {MessageId} ({Type}) failed; retry at {RetryAt}", id, message.Type, retryAt);
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedUntilUtc, retryAt)
                    .SetProperty(m => m.LastError, error)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), CancellationToken.None);
            }
        }
        return delivered;
    }
}

/// <summary>
/// Base of every integration-event consumer: runs the handling at most once per event and handler, by writing
/// an inbox row in the same SaveChanges as the handling's own changes.
/// </summary>
public abstract class IntegrationEventHandler<TEvent, TContext>(TContext db) : INotificationHandler<TEvent>
    where TEvent : Contracts.IIntegrationEvent
    where TContext : DbContext, IModuleDbContext
{
    protected TContext Db { get; } = db;

    public async ValueTask Handle(TEvent notification, CancellationToken cancellationToken)
    {
        var handler = GetType().FullName!;
        if (await Db.Set<InboxMessage>().AnyAsync(i => i.MessageId == notification.EventId && i.Handler == handler, cancellationToken))
            return;
        await HandleOnceAsync(notification, cancellationToken);
        Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = notification.EventId, Handler = handler, ProcessedAtUtc = DateTime.UtcNow });
        await Db.SaveChangesAsync(cancellationToken);
    }

    protected abstract Task HandleOnceAsync(TEvent @event, CancellationToken ct);
}
