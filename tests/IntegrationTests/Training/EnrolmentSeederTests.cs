using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Officials;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Enrolments;
using Khcn.Training.Features.MyTrainings;
using Khcn.Training.Seeding;

namespace Khcn.IntegrationTests.Training;

/// <summary>The demo enrolments over the demo courses, as the demo seeding leaves them.</summary>
public sealed class EnrolmentSeederTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_the_demo_seed_When_reading_the_courses_Then_open_running_and_completed_courses_have_participants_and_results()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var courses = await (await admin.GetAsync($"{ListCourses.Route}?pageSize=100")).ReadAsync<PagedResult<CourseListItem>>();
        Guid Id(string code) => courses.Items.Single(c => c.Code == code).Id;

        var open = await (await admin.GetAsync(ListParticipants.For(Id("SPKT-DMST-03")))).ReadAsync<CourseParticipants>();
        open.EnrolledCount.ShouldBe(2);
        open.EnrolledCount.ShouldBeLessThan(open.Capacity, "not full: Văn Lâm can still nominate, then overflow into the waitlist");
        var running = await (await admin.GetAsync(ListParticipants.For(Id("SKHCN-SHTT-04")))).ReadAsync<CourseParticipants>();
        running.EnrolledCount.ShouldBe(3);
        var completed = await (await admin.GetAsync(ListParticipants.For(Id("SKHCN-KNS-06")))).ReadAsync<CourseParticipants>();
        completed.Items.Count(e => e.Result == CompletionResult.Completed).ShouldBe(3);
        completed.Items.Count(e => e.Result == CompletionResult.NotCompleted).ShouldBe(1);

        var doanVien = await api.LoginAsync(EnrolmentSeeder.DemoMemberEmail);
        var mine = await (await doanVien.GetAsync(ListMyEnrolments.Route)).ReadAsync<List<MyEnrolment>>();
        mine.ShouldContain(m => m.CourseCode == "SKHCN-KNS-06" && m.Result == CompletionResult.Completed);
        var member = (await (await admin.GetAsync($"{ListOfficials.Route}?q=doan%20vien&pageSize=50")).ReadAsync<PagedResult<OfficialListItem>>())
            .Items.Single(o => o.Email == EnrolmentSeeder.DemoMemberEmail);
        await Eventually.UntilAsync(async () =>
            (await (await admin.GetAsync(ListOfficialTrainings.For(member.Id))).ReadAsync<List<OfficialTrainingItem>>()).Count == 1,
            because: "the demo member's completed course reaching their training history");
    }
}
