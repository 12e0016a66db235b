using System.Net;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.IntegrationTests.Finance;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Features.Courses;
using static Khcn.IntegrationTests.Training.CourseTesting;

namespace Khcn.IntegrationTests.Training;

/// <summary>
/// A course is funded from a real Finance allocation picked in its form, not a free-text reference (#14): the
/// requesting unit's open training allocations for courses, checked again when the course is saved.
/// </summary>
public sealed class CourseFundingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Options(Guid unitId, Guid? courseId = null) =>
        $"{ListCourseFundingOptions.Route}?unitId={unitId}" + (courseId is { } id ? $"&courseId={id}" : "");

    private async Task<List<AllocationListItem>> TrainingAllocationsAsync(string unitCode)
    {
        var finance = await api.LoginAsync(FinanceDriver.Province);
        var unitId = await FinanceDriver.UnitAsync(finance, unitCode);
        return (await (await finance.GetAsync($"{ListAllocations.Route}?unitId={unitId}")).ReadAsync<List<AllocationListItem>>())
            .Where(a => a.UnitId == unitId && a.Purpose == BudgetPurpose.Training && a.TargetKind == AllocationTargetKind.Course).ToList();
    }

    [ApiFact]
    public async Task Given_the_province_training_budget_When_a_course_picks_an_allocation_Then_only_its_open_course_allocations_are_offered_and_kept()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var root = await RootUnitIdAsync(coordinator);
        var provinceAllocations = await TrainingAllocationsAsync("HY");
        var open = provinceAllocations.Single(a => a.Status == AllocationStatus.Open);
        var settled = provinceAllocations.First(a => a.Status == AllocationStatus.Settled);

        var offered = await (await coordinator.GetAsync(Options(root))).ReadAsync<List<CourseFundingOption>>();
        offered.Select(o => o.Id).ShouldContain(open.Id);
        offered.ShouldNotContain(o => o.Id == settled.Id, "a settled allocation has nothing left to fund a course");
        offered.Single(o => o.Id == open.Id).Amount.ShouldBe(open.Amount);

        var course = await ProposeAsync(coordinator, University);
        var body = Body(course, open.Id);
        var saved = await (await PutAsync(coordinator, course.Id, body, course.Version))
            .ReadAsync<CourseDetail>();
        saved.FundingAllocationId.ShouldBe(open.Id);
        saved.FundingAllocationLabel.ShouldBe(open.TargetLabel);
        (await GetAsync(coordinator, course.Id)).FundingAllocationLabel.ShouldBe(open.TargetLabel);

        // Wrong picks are refused on the field, and nothing changes.
        var vanLamOpen = (await TrainingAllocationsAsync("VANLAM")).First(a => a.Status == AllocationStatus.Open);
        foreach (var wrong in new[] { vanLamOpen.Id, settled.Id, Guid.NewGuid() })
            (await (await PutAsync(coordinator, course.Id, Body(saved, wrong), saved.Version))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("fundingAllocationId", out _).ShouldBeTrue();
        (await GetAsync(coordinator, course.Id)).FundingAllocationId.ShouldBe(open.Id);

        // Cleared by saving without one.
        var cleared = await (await PutAsync(coordinator, course.Id, Body(saved, null), saved.Version))
            .ReadAsync<CourseDetail>();
        cleared.FundingAllocationId.ShouldBeNull();
        cleared.FundingAllocationLabel.ShouldBeNull();
    }

    [ApiFact]
    public async Task Given_a_unit_outside_scope_When_asking_its_funding_options_Then_404()
    {
        // Someone who manages Mỹ Hào's courses (a propaganda board at Mỹ Hào) cannot see Văn Lâm's budget through the picker.
        var admin = await api.LoginAsync(Users.Admin);
        var myHaoUnit = await FinanceDriver.UnitAsync(admin, "MYHAO");
        var email = $"tuyengiao.myhao.{Guid.NewGuid():N}@example.vn";
        (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            email, fullName = "Ban Tuyên giáo Mỹ Hào", password = Password, grants = new[] { new { role = "propaganda-board", unitId = myHaoUnit } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var myHao = await api.LoginAsync(email, Password);
        var vanLam = await FinanceDriver.UnitAsync(admin, "VANLAM");
        (await myHao.GetAsync(Options(myHaoUnit))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await myHao.GetAsync(Options(vanLam))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid courseId, object body, long version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(UpdateCourse.Route, courseId))
        {
            Content = System.Net.Http.Json.JsonContent.Create(body, options: Support.Http.Json),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private static object Body(CourseDetail c, Guid? fundingAllocationId) => new
    {
        code = c.Code, title = c.Title, subject = c.Subject, capacity = c.Capacity,
        enrolmentOpensOn = c.EnrolmentOpensOn.ToString("yyyy-MM-dd"), enrolmentClosesOn = c.EnrolmentClosesOn.ToString("yyyy-MM-dd"),
        fee = c.Fee, feePaidBy = c.FeePaidBy, fundingAllocationId, minAttendancePercent = c.MinAttendancePercent,
    };
}
