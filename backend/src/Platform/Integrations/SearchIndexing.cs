using System.Diagnostics;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.Platform.Integrations;

/// <summary>Keeps a published document in the search index: once per event (the inbox), never over a newer version.</summary>
internal sealed class IndexSearchDocument(PlatformDbContext db) : IntegrationEventHandler<SearchDocumentChanged, PlatformDbContext>(db)
{
    protected override async Task HandleOnceAsync(SearchDocumentChanged @event, CancellationToken ct) =>
        (await SearchEntries.FindOrAddAsync(Db, @event.Document.Kind, @event.Document.Id, ct)).Apply(@event.Document, @event.OccurredAtUtc);
}

/// <summary>Takes a deleted record out of the index (a tombstone, so that a late older change cannot bring it back).</summary>
internal sealed class RemoveSearchDocument(PlatformDbContext db) : IntegrationEventHandler<SearchDocumentRemoved, PlatformDbContext>(db)
{
    protected override async Task HandleOnceAsync(SearchDocumentRemoved @event, CancellationToken ct) =>
        (await SearchEntries.FindOrAddAsync(Db, @event.Kind, @event.Id, ct)).Remove(@event.OccurredAtUtc);
}

internal static class SearchEntries
{
    public static async Task<SearchEntry> FindOrAddAsync(PlatformDbContext db, string kind, Guid recordId, CancellationToken ct)
    {
        var entry = db.SearchEntries.Local.FirstOrDefault(e => e.Kind == kind && e.RecordId == recordId)
                    ?? await db.SearchEntries.FirstOrDefaultAsync(e => e.Kind == kind && e.RecordId == recordId, ct);
        if (entry is not null) return entry;
        entry = new SearchEntry { Kind = kind, RecordId = recordId, AsOfUtc = DateTime.MinValue };
        db.SearchEntries.Add(entry);
        return entry;
    }
}

/// <summary>How many documents a rebuild indexed, per kind, and how many it took out.</summary>
public sealed record SearchRebuildResult(IReadOnlyList<SearchRebuildKind> Kinds, int Removed, long ElapsedMs);

public sealed record SearchRebuildKind(string Kind, int Indexed);

/// <summary>
/// Rebuilds the index from every module's current records (<see cref="ISearchDocumentSource"/>), as the system: each
/// document is written unless the index holds a newer version (an event published meanwhile), and what no module
/// has any more is removed. Safe to run again, beside the outbox and on several replicas.
/// </summary>
internal sealed class SearchIndexRebuilder(IServiceScopeFactory scopes, ILogger<SearchIndexRebuilder> log)
{
    private const int Batch = 500;

    public async Task<SearchRebuildResult> RebuildAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var startedAt = DateTime.UtcNow; // wall time, like the published versions it is compared with
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var counts = new Dictionary<string, int>();
        var kinds = new List<string>();
        foreach (var source in scope.ServiceProvider.GetServices<ISearchDocumentSource>())
        {
            kinds.AddRange(source.Kinds);
            foreach (var k in source.Kinds) counts.TryAdd(k, 0);
            var batch = new List<SearchDocument>(Batch);
            await foreach (var doc in source.ReadAllAsync(ct))
            {
                batch.Add(doc);
                if (batch.Count == Batch) await WriteAsync(db, batch, startedAt, counts, ct);
            }
            await WriteAsync(db, batch, startedAt, counts, ct);
            log.LogInformation("Search index rebuild: {Counts}", string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        }
        // Whatever the sources no longer have (and no event touched since the start) leaves the index.
        var stale = await db.SearchEntries.Where(e => kinds.Contains(e.Kind) && !e.Removed && e.AsOfUtc < startedAt).ToListAsync(ct);
        foreach (var e in stale) e.Remove(startedAt);
        await db.SaveChangesAsync(ct);
        return new SearchRebuildResult(counts.Select(c => new SearchRebuildKind(c.Key, c.Value)).ToList(), stale.Count, watch.ElapsedMilliseconds);
    }

    private static async Task WriteAsync(PlatformDbContext db, List<SearchDocument> batch, DateTime asOf, Dictionary<string, int> counts, CancellationToken ct)
    {
        if (batch.Count == 0) return;
        var ids = batch.Select(d => d.Id).ToList();
        var existing = (await db.SearchEntries.Where(e => ids.Contains(e.RecordId)).ToListAsync(ct)).ToDictionary(e => (e.Kind, e.RecordId));
        foreach (var doc in batch)
        {
            if (!existing.TryGetValue((doc.Kind, doc.Id), out var entry))
                db.SearchEntries.Add(entry = new SearchEntry { AsOfUtc = DateTime.MinValue });
            entry.Apply(doc, asOf);
            counts[doc.Kind] = counts.GetValueOrDefault(doc.Kind) + 1;
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        batch.Clear();
    }
}

/// <summary>An existing database gets indexed at start: when the index is empty, the last seeder rebuilds it (demo data included).</summary>
internal sealed class SearchIndexBackfill(PlatformDbContext db, SearchIndexRebuilder rebuilder, ILogger<SearchIndexBackfill> log) : IModuleSeeder
{
    public int Order => 10_000;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (await db.SearchEntries.AnyAsync(ct)) return;
        var result = await rebuilder.RebuildAsync(ct);
        log.LogInformation("Search index built at start: {Count} documents in {Ms} ms", result.Kinds.Sum(k => k.Indexed), result.ElapsedMs);
    }
}
