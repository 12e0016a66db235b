using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Messaging;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Notifications;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Messaging;

/// <summary>Notifications travel through the notifying module's outbox and are stored by Platform through its inbox.</summary>
public sealed class NotificationOutboxTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A change in Training that asks to notify a person known by e-mail (resolved when Platform stores it).</summary>
    private static Task<int> ChangeAndNotifyAsync(ApiFactory factory, string key) => factory.InScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<TrainingDbContext>();
        db.Notify(NoticeTarget.Person("  " + Users.VanLamOfficer.ToUpperInvariant()), new Notice(key, "test.notice", "Thông báo " + key, "/training"));
        return db.SaveChangesAsync();
    });

    private static Task<int> StoredAsync(ApiFactory factory, string key) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().Notifications.CountAsync(n => n.Key == key));

    [ApiFact]
    public async Task Given_an_instance_stopped_between_commit_and_dispatch_When_another_starts_Then_the_notification_is_stored_once()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        var key = "test:stopped:" + Guid.NewGuid();
        await using (var stopped = new RestartableApi(dataDir, dispatch: false))
        {
            await stopped.InitializeAsync();
            await ChangeAndNotifyAsync(stopped, key);
            (await StoredAsync(stopped, key)).ShouldBe(0, "nothing is dispatched while the dispatcher is down");
        }

        await using var restarted = new RestartableApi(dataDir, dispatch: true);
        await restarted.InitializeAsync();
        await Eventually.UntilAsync(async () => await StoredAsync(restarted, key) == 1, because: "the pending notice reaching Platform");

        var officer = await restarted.LoginAsync(Users.VanLamOfficer);
        var mine = await (await officer.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>();
        mine.Items.Count(n => n.Text == "Thông báo " + key).ShouldBe(1, "the person was found by e-mail when the notice was stored");
        Directory.Delete(dataDir, recursive: true);
    }

    [ApiFact]
    public async Task Given_a_stored_notification_When_its_event_is_delivered_again_Then_nothing_is_added()
    {
        var key = "test:redelivered:" + Guid.NewGuid();
        await ChangeAndNotifyAsync(api, key);
        await Eventually.UntilAsync(async () => await StoredAsync(api, key) == 1, because: "first delivery");

        // The crash: Platform committed the notification, but the dispatcher died before marking the message processed.
        var messageId = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            var message = (await db.OutboxMessages.ToListAsync()).Single(m => m.Payload.Contains(key));
            await db.OutboxMessages.Where(m => m.Id == message.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedAtUtc, (DateTime?)null).SetProperty(m => m.LockedUntilUtc, (DateTime?)null));
            return message.Id;
        });
        api.Services.GetRequiredService<OutboxSignal>().Notify(TrainingDbContext.SchemaName);

        await Eventually.UntilAsync(() => api.InScopeAsync(sp =>
            sp.GetRequiredService<TrainingDbContext>().OutboxMessages.AnyAsync(m => m.Id == messageId && m.ProcessedAtUtc != null && m.Attempts == 2)),
            because: "the redelivery");
        (await StoredAsync(api, key)).ShouldBe(1);
        (await api.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().InboxMessages.CountAsync(i => i.MessageId == messageId))).ShouldBe(1);
    }
}
