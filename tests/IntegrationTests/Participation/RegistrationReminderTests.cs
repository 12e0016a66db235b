using System.Globalization;
using System.Net;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Features.Emulation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Registration-deadline reminders (#13, EmulationOptions.RegistrationReminderDaysBefore = 7 days), under the fake clock:
/// a movement launched by Văn Lâm for two of its grassroots unions, one of which registers at once.
/// </summary>
public sealed class RegistrationReminderTests(Khcn.IntegrationTests.Platform.ClockedApi api) : IClassFixture<Khcn.IntegrationTests.Platform.ClockedApi>
{
    private Task RunAsync() => api.InScopeAsync(async sp =>
    {
        await sp.GetServices<IRecurringJob>().Single(j => j.Name == "emulation-registration-reminders").RunAsync(CancellationToken.None);
        return true;
    });

    /// <summary>The reminders queued for the movement (emulation_registration_reminders), as (unit, phase).</summary>
    private Task<List<(Guid Unit, string Phase)>> QueuedAsync(Guid movementId) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Khcn.Participation.Data.ParticipationDbContext>();
        var rows = await db.RegistrationReminders.Where(r => r.MovementId == movementId).Select(r => new { r.UnitId, r.Phase }).ToListAsync();
        return rows.Select(r => (r.UnitId, r.Phase)).ToList();
    });

    /// <summary>The notices Platform stored for the movement (read where Platform stores them: a token signed on the fake clock's day would not be valid on the real one).</summary>
    private Task<List<Khcn.Platform.Domain.Notification>> StoredAsync(Guid movementId) => api.InScopeAsync(sp =>
        sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Key.StartsWith($"emulation-registration:{movementId}:")).ToListAsync());

    [ApiFact]
    public async Task Given_a_unit_not_registered_When_the_deadline_nears_and_comes_Then_it_is_reminded_once_each_time_and_the_registered_unit_never()
    {
        // The calls through HTTP come first, on today's date (a token signed on the fake clock's seeding day would have expired); then only the clock moves.
        if (api.Clock.GetUtcNow() < DateTimeOffset.UtcNow) api.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DETMAYLACHONG");
        var nhuQuynh = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DIENTUNHUQUYNH");
        var deadline = VietnamTime.Today(api.Clock).AddDays(10);
        var shown = deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var year = deadline.Year;
        var created = await officer.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = vanLam, name = "Thi đua nhắc hạn đăng ký", kind = "Regular", target = "Collectives", fromYear = year, toYear = year,
            registrationDeadline = deadline, participants = "ChosenUnits", chosenUnitIds = new[] { lacHong, nhuQuynh },
            criteria = new[] { new { name = "Tiêu chí 1", maxPoints = 10m, evidence = "Minh chứng" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var movement = await created.ReadAsync<MovementDetail>();
        var registered = await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = lacHong, year, targets = "Mục tiêu tập thể", people = Array.Empty<object>() });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());

        // Ten days before the deadline: outside the seven-day window.
        await RunAsync();
        (await QueuedAsync(movement.Id)).ShouldBeEmpty("ten days before the deadline nobody is reminded yet");

        // Six days before: the unregistered unit is reminded once, however often the job runs; the registered one never.
        api.Clock.Advance(TimeSpan.FromDays(4));
        await RunAsync();
        await RunAsync();
        (await QueuedAsync(movement.Id)).ShouldBe([(nhuQuynh, "due-soon")]);
        var stored = new List<Khcn.Platform.Domain.Notification>();
        await Eventually.UntilAsync(async () => (stored = await StoredAsync(movement.Id)).Count > 0, because: "the due-soon notice, through the outbox");
        var notice = stored.ShouldHaveSingleItem();
        notice.UnitId.ShouldBe(nhuQuynh, "addressed to the unit's officers");
        notice.Kind.ShouldBe("emulation.registration-due-soon");
        notice.Text.ShouldContain("\"Thi đua nhắc hạn đăng ký\"");
        notice.Text.ShouldEndWith($"chưa đăng ký thi đua năm {year} của phong trào \"Thi đua nhắc hạn đăng ký\"; hạn đăng ký {shown}.");
        notice.Link.ShouldBe($"/participation/emulation/registrations/new?movementId={movement.Id}&unitId={nhuQuynh}&year={year}");

        // On the day: one more notice ("due-today"), then nothing after the deadline.
        api.Clock.Advance(TimeSpan.FromDays(6));
        await RunAsync();
        await RunAsync();
        api.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync();
        (await QueuedAsync(movement.Id)).OrderBy(q => q.Phase).ShouldBe([(nhuQuynh, "due-soon"), (nhuQuynh, "due-today")]);
        await Eventually.UntilAsync(async () => (stored = await StoredAsync(movement.Id)).Count > 1, because: "the on-the-day notice, through the outbox");
        stored.ShouldAllBe(n => n.UnitId == nhuQuynh);
        stored.Single(n => n.Kind == "emulation.registration-due-today").Text.ShouldStartWith($"Hôm nay ({shown}) là hạn đăng ký thi đua năm {year}");
    }
}
