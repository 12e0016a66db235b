using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Calendar;

internal sealed record FeedSession(Session Session, string CourseCode, string CourseTitle, string? Venue, CourseStatus CourseStatus, string PartnerName);

/// <summary>
/// RFC 5545 text of a feed: one VEVENT per session, UID stable (the session's id), SEQUENCE from the session
/// (one more when its course was cancelled), times in UTC, and cancelled sessions or courses kept with
/// STATUS:CANCELLED so that subscribed calendars remove them.
/// </summary>
internal static class CalendarFeedBuilder
{
    public const string ContentType = "text/calendar; charset=utf-8";
    public const string UidDomain = "training.khcn";

    public static string Uid(Guid sessionId) => $"session-{sessionId}@{UidDomain}";

    public static CalendarFeedFile Build(string name, IReadOnlyList<FeedSession> rows, IReadOnlySet<Guid> withdrawnCourses)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//LDLD//KHCN Dao tao//VI", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", "Asia/Ho_Chi_Minh");
        DateTime? lastChange = null;
        foreach (var row in rows)
        {
            var s = row.Session;
            var courseCancelled = row.CourseStatus == CourseStatus.Cancelled || withdrawnCourses.Contains(s.CourseId);
            var cancelled = s.Status == SessionStatus.Cancelled || courseCancelled;
            var changed = s.UpdatedAtUtc > s.CreatedAtUtc ? s.UpdatedAtUtc : s.CreatedAtUtc;
            if (lastChange is null || changed > lastChange) lastChange = changed;
            var location = string.Join(", ", new[] { s.Room, row.Venue }.Where(x => !string.IsNullOrWhiteSpace(x)));
            calendar.Events.Add(new CalendarEvent
            {
                Uid = Uid(s.Id),
                DtStamp = new CalDateTime(Utc(changed)),
                DtStart = new CalDateTime(Utc(s.StartsAtUtc)),
                DtEnd = new CalDateTime(Utc(s.EndsAtUtc)),
                Summary = string.IsNullOrWhiteSpace(s.Topic) ? row.CourseTitle : $"{row.CourseTitle} — {s.Topic}",
                Location = location.Length > 0 ? location : null,
                Description = $"{row.CourseCode} · {row.PartnerName}",
                Sequence = s.Sequence + (courseCancelled && s.Status != SessionStatus.Cancelled ? 1 : 0),
                Status = cancelled ? "CANCELLED" : "CONFIRMED",
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        var bytes = Encoding.UTF8.GetBytes(text);
        var etag = Convert.ToHexStringLower(SHA256.HashData(bytes))[..32];
        return new CalendarFeedFile(bytes, etag, lastChange is { } at && at.Year > 2000 ? new DateTimeOffset(Utc(at)) : null);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
