using Khcn.BuildingBlocks.Text;

namespace Khcn.Training.Domain;

/// <summary>What a new or moved session collides with: the same room, or the same instructor, at overlapping times.</summary>
public enum ClashKind { Room, Instructor }

internal sealed record SessionClash(Session Other, ClashKind Kind);

/// <summary>
/// The clash rule: across every course of a partner, a room or an instructor holds one scheduled session at a
/// time. Intervals are half-open, so back-to-back sessions are fine; a session never clashes with itself.
/// </summary>
internal sealed partial class Session
{
    /// <summary>
    /// The partner's scheduled sessions that may clash with [<paramref name="startsAtUtc"/>, <paramref name="endsAtUtc"/>):
    /// one query on the (PartnerId, StartsAtUtc) index;
    /// the room (case ignored) and instructor are compared by <see cref="FirstClash"/> over this small set.
    /// </summary>
    public static IQueryable<Session> Candidates(IQueryable<Session> sessions, Guid partnerId, DateTime startsAtUtc, DateTime endsAtUtc) =>
        sessions.Where(s => s.PartnerId == partnerId && s.Status == SessionStatus.Scheduled
                            && s.StartsAtUtc < endsAtUtc && s.EndsAtUtc > startsAtUtc);

    /// <summary>The first clash among the candidates (room first), if any.</summary>
    public static SessionClash? FirstClash(IEnumerable<Session> candidates, DateTime startsAtUtc, DateTime endsAtUtc, string room, Guid? instructorId, Guid? except)
    {
        var overlapping = candidates.Where(s => s.Id != except && s.Status == SessionStatus.Scheduled && s.Overlaps(startsAtUtc, endsAtUtc))
            .OrderBy(s => s.StartsAtUtc).ToList();
        var sameRoom = overlapping.FirstOrDefault(s => string.Equals(s.Room, room.Trim(), StringComparison.OrdinalIgnoreCase));
        if (sameRoom is not null) return new SessionClash(sameRoom, ClashKind.Room);
        var sameInstructor = instructorId is null ? null : overlapping.FirstOrDefault(s => s.InstructorId == instructorId);
        return sameInstructor is null ? null : new SessionClash(sameInstructor, ClashKind.Instructor);
    }

    /// <summary>The session's time as shown in Vietnam, e.g. "10/03/2025 08:00–11:00".</summary>
    public string LocalTimeText()
    {
        var s = VietnamTime.ToLocal(StartsAtUtc);
        var e = VietnamTime.ToLocal(EndsAtUtc);
        return s.Date == e.Date ? $"{s:dd/MM/yyyy HH:mm}–{e:HH:mm}" : $"{s:dd/MM/yyyy HH:mm}–{e:dd/MM/yyyy HH:mm}";
    }
}
