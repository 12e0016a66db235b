using Khcn.BuildingBlocks.Http;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Khcn.Platform.Integrations;

/// <summary>Idempotency keys in the platform schema; the primary key settles races between replicas.</summary>
internal sealed class IdempotencyStore(PlatformContexts contexts, TimeProvider clock, IConfiguration configuration) : IIdempotencyStore
{
    /// <summary>How long an unanswered key belongs to its request (longer than any request runs).</summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(configuration.GetValue("Idempotency:LeaseSeconds", 120));

    public async Task<StoredResponse?> FindAsync(string key, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var r = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Key == key, ct);
        return r is null ? null : new StoredResponse(r.RequestHash, r.StatusCode, r.ContentType, r.Location, r.ETag, r.Body);
    }

    public async Task<bool> TryReserveAsync(string key, string requestHash, CancellationToken ct)
    {
        await using var db = contexts.Create();
        db.IdempotencyRecords.Add(new IdempotencyRecord { Key = key, RequestHash = requestHash, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public async Task<bool> TryResumeAsync(string key, CancellationToken ct)
    {
        await using var db = contexts.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        var expired = now - Lease;
        // Conditional: of two retries after the lease, one takes the key over; the other sees it in progress again.
        return await db.IdempotencyRecords.Where(x => x.Key == key && x.StatusCode == null && x.CreatedAtUtc < expired)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAtUtc, now), ct) == 1;
    }

    public async Task CompleteAsync(string key, StoredResponse response, CancellationToken ct)
    {
        await using var db = contexts.Create();
        await db.IdempotencyRecords.Where(x => x.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.StatusCode, response.StatusCode)
            .SetProperty(x => x.ContentType, response.ContentType)
            .SetProperty(x => x.Location, response.Location)
            .SetProperty(x => x.ETag, response.ETag)
            .SetProperty(x => x.Body, response.Body), ct);
    }

    public async Task ReleaseAsync(string key, CancellationToken ct)
    {
        await using var db = contexts.Create();
        await db.IdempotencyRecords.Where(x => x.Key == key).ExecuteDeleteAsync(ct);
    }
}
