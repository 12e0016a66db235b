using Khcn.BuildingBlocks.Domain;

namespace Khcn.BuildingBlocks.Http;

/// <summary>ETag ⇄ version of an aggregate (strong ETag: the quoted version number).</summary>
public static class ETags
{
    public static string From(long version) => $"\"{version}\"";

    /// <summary>Parses an If-Match header into the version the caller last read; 428 when absent, 412 when unreadable.</summary>
    public static long ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) throw new PreconditionRequiredException();
        var raw = ifMatch.Trim();
        if (raw.StartsWith("W/", StringComparison.Ordinal)) raw = raw[2..];
        raw = raw.Trim('"');
        return long.TryParse(raw, out var v) ? v : throw new ConcurrencyConflictException();
    }

    /// <summary>Refuses the change when the entity moved on since the caller read it.</summary>
    public static void EnsureMatches(Entity entity, long expectedVersion)
    {
        if (entity.Version != expectedVersion) throw new ConcurrencyConflictException();
    }

    /// <summary>
    /// The optimistic-concurrency check of every update: 428 without If-Match, 412 when stale now, and the write
    /// itself conditioned on the version read (a concurrent update between this read and the save also gives 412).
    /// </summary>
    public static void GuardUpdate(Microsoft.EntityFrameworkCore.DbContext db, Entity entity, string? ifMatch)
    {
        var expected = ExpectedVersion(ifMatch);
        EnsureMatches(entity, expected);
        db.Entry(entity).Property(nameof(Entity.Version)).OriginalValue = expected;
    }
}

/// <summary>A response that carries its aggregate's version; a post-processor sets the ETag header from it.</summary>
public interface IVersioned
{
    long Version { get; }
}
