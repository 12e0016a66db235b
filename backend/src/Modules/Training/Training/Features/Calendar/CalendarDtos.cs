namespace Khcn.Training.Features.Calendar;

public enum CalendarFeedKind { Me, Unit, Partner, Course }

/// <summary>One feed the user may subscribe to: its kind, what it is about, and its URL (the token inside).</summary>
public sealed record CalendarFeedLink(CalendarFeedKind Kind, Guid? Id, string Name, string Url);

/// <summary>
/// The user's feed URLs. They carry a personal token: whoever has a URL reads that feed with the user's current
/// rights, until the token is rotated. CourseFeedTemplate is the URL of one course's feed, with <c>{courseId}</c> to replace.
/// </summary>
public sealed record CalendarFeeds(IReadOnlyList<CalendarFeedLink> Feeds, string CourseFeedTemplate, DateTime CreatedAt, DateTime? RotatedAt);
