using System.Net;
using Khcn.BuildingBlocks.Files;
using Khcn.IntegrationTests.Support;
using Khcn.IntegrationTests.Training;
using Khcn.Organization.Features.Dashboard;
using Khcn.Organization.Features.Reports;
using Khcn.Training.Domain;
using MiniExcelLibs;
using static Khcn.IntegrationTests.Training.TrainingIndicatorTests;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The plan dashboard: its figures are the report indicator sources added up over a subtree — the same definitions
/// the annual report is pre-filled with — so they equal the synthesis of the reports; scope; the drill-down; the export.
/// </summary>
public sealed class DashboardTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2023;

    // Exact figures (fresh=true): a default read may answer with a part computed before this class's earlier writes.
    private static string DashboardOf(Guid unitId, int year) => $"{GetDashboard.Route}?unitId={unitId}&year={year}&fresh=true";

    private static string BreakdownOf(string key, Guid unitId, int year) =>
        $"{GetDashboardBreakdown.Route}?key={Uri.EscapeDataString(key)}&unitId={unitId}&year={year}";

    [ApiFact]
    public async Task Given_every_unit_of_VanLam_reported_its_prefill_When_the_dashboard_of_VanLam_is_read_Then_each_figure_equals_the_synthesis_of_the_year()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var partner = await TrainingArrange.PartnerAsync(api, "Đối tác bảng chỉ tiêu");
        await CompletedCourseAsync(api, partner, "VANLAM", CourseSubject.Expertise, new DateTime(Year, 6, 1, 3, 0, 0, DateTimeKind.Utc),
            new Taken(Guid.NewGuid(), "VANLAM", Khcn.Training.Domain.CompletionResult.Completed),
            new Taken(Guid.NewGuid(), "VANLAM-DETMAYLACHONG", Khcn.Training.Domain.CompletionResult.Completed));
        var province = await AnnualReportTests.UnitIdAsync(admin, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");

        // A period whose template holds every source the modules registered, one indicator each.
        var catalogue = await (await admin.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();
        var codes = catalogue.Sources.Select((s, n) => (s.Key, Code: $"s{n}")).ToList();
        var created = await admin.PostJsonAsync(CreateReportPeriod.Route, new
        {
            unitId = province, year = Year, title = $"Báo cáo năm {Year}", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            indicators = codes.Select(c => new { code = c.Code, name = c.Key, section = "Số liệu", kind = "Number", source = c.Key }).ToArray(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var period = await created.ReadAsync<ReportPeriodDetail>();

        // Every unit of Văn Lâm's subtree submits what the system pre-fills (nothing known = 0).
        var expected = await (await admin.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?within={vanLam}&pageSize=200"))
            .ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<SubmissionItem>>();
        expected.Items.Count.ShouldBeGreaterThan(2);
        foreach (var unit in expected.Items)
        {
            var url = GetUnitReport.For(period.Id, unit.UnitId);
            var fresh = await (await admin.GetAsync(url)).ReadAsync<ReportView>();
            var saved = await (await admin.SendAsync(AnnualReportTests.Put(url,
                new { values = fresh.Values.Select(v => new { code = v.Code, number = v.Suggested ?? 0m }).ToList() }, null))).ReadAsync<ReportView>();
            (await admin.PostAsync(SubmitReport.Route.Replace("{id}", saved.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var synthesis = await (await admin.GetAsync($"{GetSynthesis.Route.Replace("{periodId}", period.Id.ToString())}?within={vanLam}")).ReadAsync<Synthesis>();
        var dashboard = await (await admin.GetAsync(DashboardOf(vanLam, Year))).ReadAsync<Dashboard>();
        dashboard.Indicators.Select(i => i.Key).ShouldBe(catalogue.Sources.Select(s => s.Key), ignoreOrder: true, "every registered source is on the dashboard");
        foreach (var (key, code) in codes)
            dashboard.Indicators.Single(i => i.Key == key).Value.ShouldBe(synthesis.Indicators.Single(i => i.Code == code).Total, key);

        decimal Figure(string key) => dashboard.Indicators.Single(i => i.Key == key).Value;
        Figure("training.courses-held").ShouldBe(1m, "the June course Văn Lâm requested");
        Figure("training.officials-trained").ShouldBe(2m, "the district's official and its grassroots union's, each counted by its own unit");
        Figure("organization.plan-issued").ShouldBeGreaterThanOrEqualTo(3m, "Văn Lâm and two of its grassroots unions issued their plans in 2023");
        dashboard.Years.ShouldBe([2023], "the plan 405 starts in 2023");
        dashboard.Coverage.Reports!.Expected.ShouldBe(synthesis.Submissions.Expected);
        dashboard.Coverage.Reports.OnTime.ShouldBe(synthesis.Submissions.OnTime);
    }

    [ApiFact]
    public async Task Given_a_MyHao_officer_When_asking_for_VanLams_dashboard_or_breakdown_Then_404_and_their_own_subtree_answers()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
        var officer = await api.LoginAsync(Users.MyHaoOfficer);

        (await officer.GetAsync(DashboardOf(vanLam, 2025))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync(BreakdownOf("organization.officials", vanLam, 2025))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await officer.GetAsync($"{ExportDashboardXlsx.Route}?unitId={vanLam}&year=2025")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var own = await (await officer.GetAsync($"{GetDashboard.Route}?year=2025")).ReadAsync<Dashboard>();
        own.Unit.Id.ShouldBe(myHao, "without a unit the officer's own subtree is shown");
        own.Indicators.ShouldNotBeEmpty();
        own.Indicators.All(i => i.Target is null).ShouldBeTrue("the province's targets are not Mỹ Hào's");
    }

    [ApiFact]
    public async Task Given_the_province_dashboard_When_each_figure_is_broken_down_Then_the_rows_add_up_to_it_and_a_row_is_the_sub_units_own_figure()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(leader, "VANLAM");
        var dashboard = await (await leader.GetAsync(DashboardOf(province, 2025))).ReadAsync<Dashboard>();
        dashboard.Years.ShouldBe([2023, 2024, 2025]);
        dashboard.Plan!.Number.ShouldBe("405/KH-LĐLĐ");
        dashboard.Indicators.Single(i => i.Key == "training.people-reached").Target!.Target.ShouldBe(50000m, "plan 405's CT03");
        dashboard.Indicators.Single(i => i.Key == "organization.officials").Value.ShouldBeGreaterThan(0m);

        var vanLamDashboard = await (await leader.GetAsync(DashboardOf(vanLam, 2025))).ReadAsync<Dashboard>();
        foreach (var indicator in dashboard.Indicators)
        {
            var breakdown = await (await leader.GetAsync(BreakdownOf(indicator.Key, province, 2025))).ReadAsync<DashboardBreakdown>();
            breakdown.Value.ShouldBe(indicator.Value, indicator.Key);
            breakdown.Rows.Sum(r => r.Value).ShouldBe(indicator.Value, indicator.Key);
            breakdown.Rows.Count(r => r.Own).ShouldBe(1);
            breakdown.Rows.Single(r => r.UnitId == vanLam).Value.ShouldBe(vanLamDashboard.Indicators.Single(i => i.Key == indicator.Key).Value, indicator.Key);
            indicator.Trend.Last().Value.ShouldBe(indicator.Value);
        }

        var unknown = await leader.GetAsync(BreakdownOf("no.such-source", province, 2025));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_the_leader_When_exporting_the_dashboard_Then_a_workbook_holds_the_indicators_the_years_and_the_units_below()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var response = await leader.GetAsync($"{ExportDashboardXlsx.Route}?unitId={province}&year=2025");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        stream.GetSheetNames().ShouldBe(["Chỉ tiêu", "Theo năm", "Theo đơn vị trực thuộc"]);
        var rows = stream.ReportRows("Chỉ tiêu");
        var dashboard = await (await leader.GetAsync(DashboardOf(province, 2025))).ReadAsync<Dashboard>();
        rows.Count.ShouldBe(dashboard.Indicators.Count);
        rows.Select(r => r["Mã nguồn"]?.ToString()).ShouldBe(dashboard.Indicators.Select(i => i.Key));

        using var book = new OpenedWorkbook(await response.Content.ReadAsByteArrayAsync());
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        book.Text("Chỉ tiêu", "A2").ShouldBe("BẢNG CHỈ TIÊU KH,CN&ĐMST NĂM 2025");
        var progress = book.ColumnOf("Chỉ tiêu", "Tỷ lệ đạt");
        var targeted = dashboard.Indicators.Select((i, n) => (i, n)).Where(x => x.i.Target?.Progress is not null).ToList();
        targeted.ShouldNotBeEmpty("the demo plan sets targets");
        var (indicator, index) = targeted[0];
        var cell = $"{progress}{ReportWorkbook.HeaderRow + 1 + index}";
        book.Number("Chỉ tiêu", cell).ShouldBe(indicator.Target!.Progress);
        book.NumberFormat("Chỉ tiêu", cell).ShouldBe("0.0%", "a fraction shown as a percentage");
    }
}
