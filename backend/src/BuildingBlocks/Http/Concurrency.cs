using Khcn.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.BuildingBlocks.Http;

/// <summary>
/// The one concurrency policy of the API (ADR 0011). Every update of an aggregate is conditional:
/// <list type="bullet">
/// <item>the ETag of a read is the quoted <see cref="Entity.Version"/> (<see cref="ETagOf"/>);</item>
/// <item>an update without <c>If-Match</c> answers 428, one whose ETag is no longer current answers 412, and
///   <c>If-Match: *</c> matches any current version (RFC 9110 §13.1.1) — <see cref="GuardUpdate"/>;</item>
/// <item>the write itself is conditioned on the version read, so a concurrent update between the read and the save
///   also answers 412;</item>
/// <item>writers that must not fail on someone else's bump (a course's seats) retry instead:
///   <see cref="RetryAsync{T}"/>.</item>
/// </list>
/// </summary>
public static class Concurrency
{
    /// <summary>The strong ETag of a version: the quoted version number.</summary>
    public static string ETagOf(long version) => $"\"{version}\"";

    /// <summary>
    /// The versions an If-Match header accepts: null for <c>*</c> (any current version), otherwise the listed ones.
    /// 428 when the header is absent; 412 when no entity-tag in it is readable.
    /// </summary>
    public static IReadOnlyList<long>? AcceptedVersions(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) throw new PreconditionRequiredException();
        if (ifMatch.Trim() == "*") return null;
        var versions = new List<long>();
        foreach (var tag in ifMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var raw = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (long.TryParse(raw.Trim('"'), out var v)) versions.Add(v);
        }
        return versions.Count > 0 ? versions : throw new ConcurrencyConflictException();
    }

    /// <summary>
    /// The optimistic-concurrency check of every update: 428 without If-Match, 412 when stale now, and the write
    /// itself conditioned on the version read (a concurrent update between this read and the save also gives 412).
    /// </summary>
    public static void GuardUpdate(DbContext db, Entity entity, string? ifMatch)
    {
        var accepted = AcceptedVersions(ifMatch);
        if (accepted is not null && !accepted.Contains(entity.Version)) throw new ConcurrencyConflictException();
        db.Entry(entity).Property(nameof(Entity.Version)).OriginalValue = entity.Version;
    }

    /// <summary>How many times <see cref="RetryAsync{T}"/> tries a write before answering "busy".</summary>
    public const int RetryAttempts = 12;

    /// <summary>
    /// For a writer whose change stays valid after someone else's (taking a seat of a course while others take
    /// theirs): runs <paramref name="work"/> and saves; when the save loses a race (a version bump or a unique
    /// index), forgets the tracked state and runs it again (reading fresh data), up to <see cref="RetryAttempts"/>
    /// times with a short growing pause; then answers 409 <c>busy</c> with <paramref name="busy"/>.
    /// </summary>
    public static async Task<T> RetryAsync<T>(DbContext db, Func<Task<T>> work, (string English, string Vietnamese) busy,
        CancellationToken ct, TimeProvider? clock = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await work();
                await db.SaveChangesAsync(ct);
                return result;
            }
            catch (DbUpdateException) when (attempt < RetryAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20) * attempt), clock ?? TimeProvider.System, ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw new BusinessRuleException("busy", Localized.Text(busy.English, busy.Vietnamese));
            }
        }
    }
}

/// <summary>A response that carries its aggregate's version; the response serializer sets the ETag header from it.</summary>
public interface IVersioned
{
    long Version { get; }
}
