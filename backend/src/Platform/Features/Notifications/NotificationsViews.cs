namespace Khcn.Platform.Features.Notifications;

public sealed record NotificationView(Guid Id, string Kind, string Text, string? Link, IReadOnlyDictionary<string, string>? Params, DateTime CreatedAtUtc, bool Read);

public sealed record NotificationsPage(IReadOnlyList<NotificationView> Items, int UnreadCount, int Total, int Page, int PageSize);
