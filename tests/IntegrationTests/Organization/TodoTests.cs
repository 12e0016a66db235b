using System.Net;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Todos;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// Issue 15: a district officer's home shows its to-dos beside the dashboard — the demo's annual report that Văn Lâm
/// has not submitted (due in six days) and the course open for nomination — answered by each module for its own
/// items, within the caller's scope: Mỹ Hào's officer does not see Văn Lâm's, and a member has no to-dos to read.
/// </summary>
public sealed class TodoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string TodosOf(Guid unitId) => $"{GetMyTodos.Route}?unitId={unitId}";

    [ApiFact]
    public async Task Given_the_demo_When_the_VanLam_officer_reads_its_todos_Then_its_due_report_and_the_open_course_are_listed_with_their_dates()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var today = VietnamTime.Today(TimeProvider.System);

        var todos = await (await officer.GetAsync(TodosOf(vanLam))).ReadAsync<MyTodos>();

        todos.Unit.Code.ShouldBe("VANLAM");
        var report = todos.Items.Single(i => i.Kind == "report-due");
        report.Title.ShouldBe($"Nộp báo cáo năm {today.Year} của Liên đoàn Lao động huyện Văn Lâm");
        report.DueOn.ShouldBe(today.AddDays(6));
        report.Overdue.ShouldBeFalse();
        report.Link.ShouldEndWith($"/units/{vanLam}");
        var course = todos.Items.Single(i => i.Kind == "course-open");
        course.Title.ShouldContain("SPKT-DMST-03");
        course.DueOn.ShouldBe(today.AddDays(10));
        course.Link.ShouldStartWith("/training/courses/");
        // Due items first, soonest first.
        todos.Items.ToList().IndexOf(report).ShouldBeLessThan(todos.Items.ToList().IndexOf(course));

        // The same without a unit: the officer's own unit.
        var mine = await (await officer.GetAsync(GetMyTodos.Route)).ReadAsync<MyTodos>();
        mine.Unit.Id.ShouldBe(vanLam);
    }

    [ApiFact]
    public async Task Given_the_MyHao_officer_When_reading_todos_Then_VanLams_items_are_not_among_them_and_VanLams_todos_answer_404()
    {
        var officer = await api.LoginAsync(Users.MyHaoOfficer);
        var myHao = await AnnualReportTests.UnitIdAsync(officer, "MYHAO");
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");

        var todos = await (await officer.GetAsync(TodosOf(myHao))).ReadAsync<MyTodos>();

        todos.Items.ShouldNotContain(i => i.Kind == "report-due"); // Mỹ Hào submitted this year's report in the demo
        todos.Items.ShouldNotContain(i => i.Title.Contains("Văn Lâm") || i.Link.Contains(vanLam.ToString()));
        todos.Items.ShouldContain(i => i.Kind == "course-open"); // the province-wide catalogue is open to every unit
        await (await officer.GetAsync(TodosOf(vanLam))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_member_When_reading_todos_Then_403()
    {
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        await (await member.GetAsync(GetMyTodos.Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
