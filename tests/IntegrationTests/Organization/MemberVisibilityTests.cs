using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Khcn.Organization.Features.Labour;
using Khcn.Organization.Features.Officials;
using Khcn.Organization.Features.Plans;
using Khcn.Organization.Features.Policies;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// Issue 16: "a member sees their own records and the public ones only". A member (and a council member) reads the
/// hierarchy and the policy register; a unit's records — officials, enterprises and labour, plans, annual reports
/// and their synthesis, the plan dashboard — need <c>organization.records.read</c>, which officers, boards and
/// leaders hold.
/// </summary>
public sealed class MemberVisibilityTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";

    [ApiFact]
    public async Task Given_a_member_When_reading_the_units_records_Then_403_while_the_hierarchy_and_the_policies_answer_and_the_officer_reads_all()
    {
        var member = await api.LoginAsync(Member);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var period = (await (await officer.GetAsync($"{ListReportPeriods.Route}?pageSize=1")).ReadAsync<PagedResult<ReportPeriodListItem>>()).Items.ShouldHaveSingleItem().Id;
        string[] records =
        [
            ListOfficials.Route, ListEnterprises.Route, ListPlans.Route, ListReportPeriods.Route,
            $"{GetDashboard.Route}?unitId={vanLam}&year=2025",
            $"{GetSynthesis.Route.Replace("{periodId}", period.ToString())}?within={vanLam}",
            // The synthesis's own exports answer the same as the synthesis, not only the list and the dashboard.
            $"{ExportSynthesisXlsx.Route.Replace("{periodId}", period.ToString())}?within={vanLam}",
            $"{ExportSynthesisDocx.Route.Replace("{periodId}", period.ToString())}?within={vanLam}",
            $"{ExportDashboardXlsx.Route}?unitId={vanLam}&year=2025",
        ];
        foreach (var url in records)
        {
            await (await member.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
            (await officer.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
        foreach (var url in new[] { ListUnits.Route, ListPolicies.Route })
            (await member.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);

        var expert = await api.LoginAsync("hoidong@hungyen.demo");
        await (await expert.GetAsync(ListOfficials.Route)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }
}
