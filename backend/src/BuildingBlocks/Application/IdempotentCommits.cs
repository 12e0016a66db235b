using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Khcn.BuildingBlocks.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.BuildingBlocks.Application;

/// <summary>
/// The <c>Idempotency-Key</c> the current request carries (set by the IdempotencyMiddleware; empty otherwise).
/// A command sent under a key leaves a marker with its result in the same commit as its change, so a retry after
/// a crash between that commit and the stored answer returns the first result instead of running again.
/// </summary>
public sealed class IdempotentRequest
{
    public string? Key { get; private set; }
    private string _requestHash = "";

    public void Begin(string key, string requestHash)
    {
        Key = key;
        _requestHash = requestHash;
    }

    private readonly HashSet<Guid> _marked = [];

    /// <summary>The marker's id: the same user, key, body and command give the same id (one commit per id: its primary key).</summary>
    internal Guid MarkerId(Type message) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{Key}\n{_requestHash}\n{message.FullName}")).AsSpan(0, 16));

    /// <summary>
    /// For a handler that commits by itself (inside <c>Concurrency.RetryAsync</c> or its own transaction) instead of
    /// leaving the commit to the unit of work: adds the marker of <typeparamref name="TCommand"/> with the result it
    /// will return to <paramref name="db"/>'s pending changes, so it is saved in the same commit as the change. Call
    /// it where the change is added (inside the retried work: a retry clears the tracked changes). Does nothing
    /// without an <c>Idempotency-Key</c>. The unit of work then adds no second marker.
    /// </summary>
    public void MarkCommit<TCommand, TResponse>(DbContext db, TResponse response, DateTime now) where TCommand : IBaseCommand
    {
        if (Key is null) return;
        var id = MarkerId(typeof(TCommand));
        IdempotentCommits.Mark(db, id, response, now);
        _marked.Add(id);
    }

    /// <summary>Whether the handler marked its commit itself (<see cref="MarkCommit{TCommand,TResponse}"/>).</summary>
    internal bool Marked(Guid id) => _marked.Contains(id);
}

/// <summary>
/// The markers live in each module's <c>outbox_messages</c> (every module context has one; no schema change), as
/// rows born processed, so the dispatcher never sends them: <see cref="MarkerType"/> and the command's result as JSON.
/// </summary>
internal static class IdempotentCommits
{
    public const string MarkerType = "idempotent-commit";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Mark<TResponse>(DbContext context, Guid id, TResponse response, DateTime now)
    {
        // A work run again by an execution strategy marks again: the marker is already there.
        if (context.Set<OutboxMessage>().Local.Any(m => m.Id == id)) return;
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id,
            Type = MarkerType,
            Payload = JsonSerializer.Serialize(response, Json),
            OccurredAtUtc = now,
            ProcessedAtUtc = now,
        });
    }

    /// <summary>The result an earlier run of the same request committed, if any module holds its marker.</summary>
    public static async Task<(bool Found, TResponse? Response)> FindAsync<TResponse>(IEnumerable<DbContext> contexts, Guid id, CancellationToken ct)
    {
        foreach (var context in contexts)
        {
            var payload = await context.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.Id == id && m.Type == MarkerType).Select(m => m.Payload).FirstOrDefaultAsync(ct);
            if (payload is not null) return (true, JsonSerializer.Deserialize<TResponse>(payload, Json));
        }
        return (false, default);
    }
}
