using Khcn.IntegrationTests.Support;
using Khcn.Platform.Features.Notifications;

namespace Khcn.IntegrationTests.Messaging;

/// <summary>Notifications arrive through the outbox, just after the change that caused them: tests wait for them.</summary>
public static class Notices
{
    /// <summary>The caller's notifications (up to 100) once <paramref name="arrived"/> holds for them.</summary>
    public static async Task<NotificationsPage> WaitForAsync(HttpClient client, Func<NotificationsPage, bool> arrived, string because = "the notifications")
    {
        NotificationsPage page = null!;
        await Eventually.UntilAsync(async () =>
        {
            page = await (await client.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>();
            return arrived(page);
        }, because: because);
        return page;
    }
}
