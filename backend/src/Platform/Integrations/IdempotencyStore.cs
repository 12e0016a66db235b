using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Integrations;

/// <summary>
/// Idempotency keys in the platform schema; the primary key settles races between replicas. Uses short-lived
/// contexts of its own so a refused reservation never lingers in the request's unit of work.
/// </summary>
internal sealed class IdempotencyStore(DatabaseOptions database, TimeProvider clock) : IIdempotencyStore
{
    private readonly DbContextOptions<PlatformDbContext> _options = Options(database);

    private static DbContextOptions<PlatformDbContext> Options(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        PersistenceRegistration.Configure(builder, database, PlatformDbContext.SchemaName);
        return builder.Options;
    }

    private PlatformDbContext Create()
    {
        var access = new AccessContext();
        access.UseSystem();
        return new PlatformDbContext(_options, access);
    }

    public async Task<StoredResponse?> FindAsync(string key, CancellationToken ct)
    {
        await using var db = Create();
        var r = await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(x => x.Key == key, ct);
        return r is null ? null : new StoredResponse(r.RequestHash, r.StatusCode, r.ContentType, r.Location, r.ETag, r.Body);
    }

    public async Task<bool> TryReserveAsync(string key, string requestHash, CancellationToken ct)
    {
        await using var db = Create();
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

    public async Task CompleteAsync(string key, StoredResponse response, CancellationToken ct)
    {
        await using var db = Create();
        await db.IdempotencyRecords.Where(x => x.Key == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.StatusCode, response.StatusCode)
            .SetProperty(x => x.ContentType, response.ContentType)
            .SetProperty(x => x.Location, response.Location)
            .SetProperty(x => x.ETag, response.ETag)
            .SetProperty(x => x.Body, response.Body), ct);
    }

    public async Task ReleaseAsync(string key, CancellationToken ct)
    {
        await using var db = Create();
        await db.IdempotencyRecords.Where(x => x.Key == key).ExecuteDeleteAsync(ct);
    }
}
