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
}

/// <summary>A response that carries its aggregate's version; a post-processor sets the ETag header from it.</summary>
public interface IVersioned
{
    long Version { get; }
}
