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

    [ApiFact]
    public async Task Given_a_notice_to_a_member_and_to_their_unit_When_the_member_reads_their_notifications_Then_they_see_it_once_addressed_to_them()
    {
        // #16: a member promoted from a waitlist heard of it twice — addressed to them and again as their unit's officers
        // hear it, in the third person. A unit's notices are for those who act for the unit, not its members.
        const string member = "doanvien@hungyen.demo";
        var key = "test:member:" + Guid.NewGuid();
        var lacHong = await api.InScopeAsync(async sp => await sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>().Units
            .IgnoreQueryFilters().Where(u => u.Code == "VANLAM-DETMAYLACHONG").Select(u => u.Id).SingleAsync());
        await api.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            db.Notify(NoticeTarget.Person(member), new Notice(key + ":person", "test.notice", "Bạn đã được chuyển vào lớp " + key));
            db.Notify(NoticeTarget.Unit(lacHong), new Notice(key + ":unit", "test.notice", "Đặng Thị Đoàn viên đã được chuyển vào lớp " + key));
            return db.SaveChangesAsync();
        });
        await Eventually.UntilAsync(async () => await StoredAsync(api, key + ":person") + await StoredAsync(api, key + ":unit") == 2, because: "both notices stored");

        var client = await api.LoginAsync(member);
        var mine = await (await client.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>();
        mine.Items.Where(n => n.Text.EndsWith(key, StringComparison.Ordinal)).ShouldHaveSingleItem().Text.ShouldStartWith("Bạn ");
    }

    [ApiFact]
    public async Task Given_the_same_notice_to_an_officer_and_to_their_unit_When_the_officer_reads_their_notifications_Then_they_see_it_once()
    {
        // #16, one notice per person per event: a topic's lead who also acts for the proposing unit was told of its
        // cancellation in their own name and again as the unit's officer, in the same words.
        var key = "test:same:" + Guid.NewGuid();
        var text = "Đề tài thử đã bị hủy " + key;
        var vanLam = await api.InScopeAsync(async sp => await sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>().Units
            .IgnoreQueryFilters().Where(u => u.Code == "VANLAM").Select(u => u.Id).SingleAsync());
        await api.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            db.Notify(NoticeTarget.Person(Users.VanLamOfficer), new Notice(key + ":person", "test.same", text, "/participation/topics"));
            db.Notify(NoticeTarget.Unit(vanLam), new Notice(key + ":unit", "test.same", text, "/participation/topics"));
            return db.SaveChangesAsync();
        });
        await Eventually.UntilAsync(async () => await StoredAsync(api, key + ":person") + await StoredAsync(api, key + ":unit") == 2, because: "both notices stored");

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var mine = await (await officer.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>();
        mine.Items.Where(n => n.Text == text).ShouldHaveSingleItem();
        // Another of the unit's officers, not sent it in their own name, still reads the unit's notice.
        var focal = await api.LoginAsync("daumoi.vanlam@hungyen.demo");
        var theirs = await (await focal.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>();
        theirs.Items.Where(n => n.Text == text).ShouldHaveSingleItem();
    }

    [ApiFact]
    public async Task Given_stored_notices_When_the_module_withdraws_their_key_prefix_Then_they_are_gone_and_others_stay()
    {
        var key = "test:withdrawn:" + Guid.NewGuid();
        await ChangeAndNotifyAsync(api, key + ":a");
        await ChangeAndNotifyAsync(api, key + "-other");
        await Eventually.UntilAsync(async () => await StoredAsync(api, key + ":a") + await StoredAsync(api, key + "-other") == 2, because: "both stored");

        await api.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            db.Withdraw(key + ":");
            return db.SaveChangesAsync();
        });

        await Eventually.UntilAsync(async () => await StoredAsync(api, key + ":a") == 0, because: "the withdrawal reaching Platform");
        (await StoredAsync(api, key + "-other")).ShouldBe(1, "only the keys under the prefix are withdrawn");
    }
}
