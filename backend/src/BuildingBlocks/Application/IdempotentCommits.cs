using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Khcn.BuildingBlocks.Persistence;
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

    /// <summary>The marker's id: the same user, key, body and command give the same id (one commit per id: its primary key).</summary>
    internal Guid MarkerId(Type message) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{Key}\n{_requestHash}\n{message.FullName}")).AsSpan(0, 16));
}

/// <summary>
/// The markers live in each module's <c>outbox_messages</c> (every module context has one; no schema change), as
/// rows born processed, so the dispatcher never sends them: <see cref="MarkerType"/> and the command's result as JSON.
/// </summary>
internal static class IdempotentCommits
{
    public const string MarkerType = "idempotent-commit";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Mark<TResponse>(DbContext context, Guid id, TResponse response, DateTime now) =>
        context.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = id,
            Type = MarkerType,
            Payload = JsonSerializer.Serialize(response, Json),
            OccurredAtUtc = now,
            ProcessedAtUtc = now,
        });

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
