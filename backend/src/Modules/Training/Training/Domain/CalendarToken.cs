using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

/// <summary>
/// A user's key to their iCalendar feeds: calendar apps cannot sign in, so the feed URLs carry an unguessable
/// token instead. The token itself is never stored: it is derived from <see cref="Salt"/> with a server key
/// (so the user can be shown their URLs again), and feeds find the user by <see cref="TokenHash"/>. Rotating
/// draws a new salt: the old URLs stop working at once.
/// </summary>
internal sealed class CalendarToken : Entity
{
    private CalendarToken() { }

    public Guid UserId { get; private set; }
    [NotAudited] public string Salt { get; private set; } = "";
    [NotAudited] public string TokenHash { get; private set; } = "";
    public DateTime? RotatedAtUtc { get; private set; }

    public static CalendarToken Create(Guid userId, string salt, string tokenHash) =>
        new() { UserId = userId, Salt = salt, TokenHash = tokenHash };

    public void Rotate(string salt, string tokenHash, DateTime nowUtc)
    {
        Salt = salt;
        TokenHash = tokenHash;
        RotatedAtUtc = nowUtc;
    }
}
