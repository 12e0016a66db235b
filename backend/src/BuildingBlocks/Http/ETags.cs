using Khcn.BuildingBlocks.Domain;

namespace Khcn.BuildingBlocks.Http;

/// <summary>The former name of <see cref="Concurrency"/>'s ETag half; forwards to it (new code uses <see cref="Concurrency"/>).</summary>
public static class ETags
{
    public static string From(long version) => Concurrency.ETagOf(version);

    /// <summary>The single version an If-Match names (428 when absent, 412 when unreadable or <c>*</c>).</summary>
    public static long ExpectedVersion(string? ifMatch) =>
        Concurrency.AcceptedVersions(ifMatch) is [var only] ? only : throw new ConcurrencyConflictException();

    public static void GuardUpdate(Microsoft.EntityFrameworkCore.DbContext db, Entity entity, string? ifMatch) =>
        Concurrency.GuardUpdate(db, entity, ifMatch);
}
