using Khcn.BuildingBlocks.Application;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Officials;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Khcn.Training.Features.MyTrainings;
using Khcn.Training.Seeding;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Training.TrainingArrange;

namespace Khcn.IntegrationTests.Training;

/// <summary>The demo enrolments over the demo courses (seeded by the courses' seeder; arranged here).</summary>
public sealed class EnrolmentSeederTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_the_demo_courses_When_seeding_enrolments_Then_open_running_and_completed_courses_get_participants_and_results()
    {
        var partner = await PartnerAsync(api, "Trường Đại học Sư phạm Kỹ thuật Hưng Yên");
        var past = DateTime.UtcNow.Date.AddDays(-20).AddHours(1);
        var open = await CourseAsync(api, partner, CourseStatus.OpenForNomination, capacity: 3, code: "KHCN-2026-02");
        var running = await CourseAsync(api, partner, CourseStatus.Running, code: "KHCN-2026-03",
            sessions: [(past, 3), (past.AddDays(1), 3), (DateTime.UtcNow.AddDays(3), 3)]);
        var completed = await CourseAsync(api, partner, CourseStatus.Completed, code: "KHCN-2026-04",
            sessions: [(past.AddDays(-10), 3), (past.AddDays(-9), 3), (past.AddDays(-8), 3), (past.AddDays(-7), 3)]);
        var member = await OfficialAsync(api, "VANLAM", "Đặng Thị Đoàn viên", EnrolmentSeeder.DemoMemberEmail);

        await api.InScopeAsync(async sp =>
        {
            await sp.GetServices<IModuleSeeder>().OfType<EnrolmentSeeder>().Single().SeedAsync(new SeedOptions { Demo = true }, CancellationToken.None);
            return 0;
        });

        var admin = await api.LoginAsync(Users.Admin);
        var openList = await (await admin.GetAsync(ListParticipants.For(open))).ReadAsync<CourseParticipants>();
        openList.EnrolledCount.ShouldBe(2);
        openList.EnrolledCount.ShouldBeLessThan(openList.Capacity, "not full");
        var runningList = await (await admin.GetAsync(ListParticipants.For(running))).ReadAsync<CourseParticipants>();
        runningList.EnrolledCount.ShouldBe(3);
        var completedList = await (await admin.GetAsync(ListParticipants.For(completed))).ReadAsync<CourseParticipants>();
        completedList.Items.Count(e => e.Result == CompletionResult.Completed).ShouldBe(3);
        completedList.Items.Count(e => e.Result == CompletionResult.NotCompleted).ShouldBe(1);

        var doanVien = await api.LoginAsync(EnrolmentSeeder.DemoMemberEmail);
        var mine = await (await doanVien.GetAsync(ListMyEnrolments.Route)).ReadAsync<List<MyEnrolment>>();
        mine.ShouldContain(m => m.CourseCode == "KHCN-2026-04" && m.Result == CompletionResult.Completed);
        await Eventually.UntilAsync(async () =>
            (await (await admin.GetAsync(ListOfficialTrainings.For(member))).ReadAsync<List<OfficialTrainingItem>>()).Count == 1,
            because: "the demo member's completed course reaching their training history");
    }
}
