using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Reports;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Khcn.Organization.Features.Reports;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Funding by source and its use (#14, domain.md §5): the annual report's funding lines are pre-filled, and the plan
/// dashboard shows them, from the same budget execution the Finance screens report — to the đồng, the unit's own
/// budget in the report and its subtree on the dashboard, for the budgets' fiscal year.
/// </summary>
public sealed class FundingIndicatorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2025;

    /// <summary>The report lines of the standard template and the figure of the execution report each one carries.</summary>
    private static readonly (string Code, string Key, Func<BudgetExecutionReport, decimal> Expected)[] Lines =
    [
        ("funding_approved", "finance.funds-approved", r => r.Total.Approved),
        ("funding", "finance.funds-paid", r => r.Total.Paid),
        ("funding_union_funds", "finance.funds-paid.union-funds", r => PaidFrom(r, FundingSourceKind.UnionFunds)),
        ("funding_state_budget", "finance.funds-paid.state-budget", r => PaidFrom(r, FundingSourceKind.StateBudget)),
        ("funding_sponsors", "finance.funds-paid.sponsors", r => PaidFrom(r, FundingSourceKind.Sponsor)),
        ("funding_other", "finance.funds-paid.other", r => PaidFrom(r, FundingSourceKind.Other)),
        ("funding_settled", "finance.funds-settled", r => r.Total.Spent),
    ];

    private static decimal PaidFrom(BudgetExecutionReport r, FundingSourceKind kind) => r.BySourceKind.SingleOrDefault(t => t.Key == kind.ToString())?.Paid ?? 0m;

    private static string ExecutionOf(Guid unitId, int year, bool subtree = false) => $"{GetBudgetExecution.Route}?unitId={unitId}&year={year}&subtree={subtree}";

    // Exact figures (fresh=true): a default read may answer with a part computed before this class's earlier writes.
    private static string DashboardOf(Guid unitId, int year) => $"{GetDashboard.Route}?unitId={unitId}&year={year}&fresh=true";

    [ApiFact]
    public async Task Given_the_demo_budgets_When_VanLams_2025_report_and_the_province_dashboard_are_read_Then_the_funding_figures_equal_the_budget_execution_to_the_dong()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var finance = await api.LoginAsync(VanLam);
        var vanLam = await UnitAsync(officer, "VANLAM");
        var execution = await (await finance.GetAsync(ExecutionOf(vanLam, Year))).ReadAsync<BudgetExecutionReport>();
        execution.Total.Approved.ShouldBeGreaterThan(0m, "the demo approved Văn Lâm's 2025 budget");
        execution.Total.Paid.ShouldBeGreaterThan(0m, "the demo paid the topic's advance in 2025");

        var report = await ReportAsync(officer, vanLam);
        foreach (var (code, key, expected) in Lines)
        {
            var line = report.Values.Single(v => v.Code == code);
            line.Source.ShouldBe(key, code);
            line.Measure.ShouldBe("đồng", code);
            line.SourceDescription.ShouldNotBeNullOrWhiteSpace("a pre-filled line says where it comes from");
            line.Suggested.ShouldBe(expected(execution), $"{code}: the unit's own budget execution of {Year}, to the đồng");
        }
        Lines.Skip(2).Take(4).Sum(l => report.Values.Single(v => v.Code == l.Code).Suggested!.Value)
            .ShouldBe(report.Values.Single(v => v.Code == "funding").Suggested!.Value, "the 'Trong đó' lines add up to what was paid");

        // The dashboard adds the units' own figures up over the subtree: the province's equals the execution of its subtree,
        // in the year in progress and in the settled year before it; a year without budgets has nothing.
        var leader = await api.LoginAsync(Users.Leader);
        var province = await UnitAsync(leader, "HY");
        var financeProvince = await api.LoginAsync(Province);
        foreach (var year in new[] { 2024, Year })
        {
            var subtree = await (await financeProvince.GetAsync(ExecutionOf(province, year, subtree: true))).ReadAsync<BudgetExecutionReport>();
            var dashboard = await (await leader.GetAsync(DashboardOf(province, year))).ReadAsync<Dashboard>();
            foreach (var (_, key, expected) in Lines)
                dashboard.Indicators.Single(i => i.Key == key).Value.ShouldBe(expected(subtree), $"{key} in {year}");
        }
        (await (await financeProvince.GetAsync(ExecutionOf(province, 2024, subtree: true))).ReadAsync<BudgetExecutionReport>())
            .Total.Spent.ShouldBeGreaterThan(0m, "the demo settled 2024");
        var none = await (await leader.GetAsync(DashboardOf(province, 2023))).ReadAsync<Dashboard>();
        none.Indicators.Where(i => i.Key.StartsWith("finance.", StringComparison.Ordinal)).ShouldAllBe(i => i.Value == 0m);
        none.Indicators.Where(i => i.Key.StartsWith("finance.", StringComparison.Ordinal)).ShouldAllBe(i => i.Target == null, "plan 405 sets no funding target");
    }

    [ApiFact]
    public async Task Given_a_unit_outside_the_callers_scope_When_its_report_or_dashboard_is_read_Then_404()
    {
        var vanLamOfficer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await UnitAsync(vanLamOfficer, "VANLAM");
        var period = await PeriodAsync(vanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);

        await (await myHao.GetAsync(GetUnitReport.For(period.Id, vanLam))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(DashboardOf(vanLam, Year))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync($"{GetDashboardBreakdown.Route}?key=finance.funds-paid&unitId={vanLam}&year={Year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_an_approved_tranche_When_it_is_paid_through_the_API_Then_the_paid_figures_move_by_exactly_its_amount()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var finance = await api.LoginAsync(VanLam);
        var vanLam = await UnitAsync(officer, "VANLAM");
        TrancheView? waiting = null;
        AllocationDetail? allocation = null;
        foreach (var item in await (await finance.GetAsync($"{ListAllocations.Route}?unitId={vanLam}&year={Year}")).ReadAsync<List<AllocationListItem>>())
        {
            allocation = await AllocationAsync(finance, item.Id);
            waiting = allocation.Tranches.FirstOrDefault(t => t.Status == TrancheStatus.Approved);
            if (waiting is not null) break;
        }
        waiting.ShouldNotBeNull("the demo leaves the topic's 2025 milestone tranche approved and unpaid");
        var before = await ReportAsync(officer, vanLam);
        var dashboardBefore = await (await officer.GetAsync(DashboardOf(vanLam, Year))).ReadAsync<Dashboard>();

        (await finance.MoneyAsync(TrancheRoute(PayTranche.Route, waiting), new { voucherNumber = "PC-2025-VANLAM-09", paidOn = new DateOnly(Year, 9, 15) },
            ifMatch: $"\"{waiting.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await ReportAsync(officer, vanLam);
        decimal Moved(string code) => after.Values.Single(v => v.Code == code).Suggested!.Value - before.Values.Single(v => v.Code == code).Suggested!.Value;
        Moved("funding").ShouldBe(waiting.Amount, "exactly the tranche's amount");
        var paidFrom = (await AllocationAsync(finance, allocation!.Id)).Ledger
            .Where(e => e.Event == LedgerEvent.TranchePaid && e.DocumentId == waiting.Id && e.Account == AccountKind.Disbursed).ToList();
        paidFrom.Sum(e => e.Debit).ShouldBe(waiting.Amount);
        var sources = (await (await finance.GetAsync($"{GetBudgetExecution.Route}?unitId={vanLam}&year={Year}")).ReadAsync<BudgetExecutionReport>())
            .Rows.DistinctBy(r => r.SourceId).ToDictionary(r => r.SourceId, r => r.SourceKind);
        foreach (var (code, kind) in new[] { ("funding_union_funds", FundingSourceKind.UnionFunds), ("funding_state_budget", FundingSourceKind.StateBudget),
                     ("funding_sponsors", FundingSourceKind.Sponsor), ("funding_other", FundingSourceKind.Other) })
            Moved(code).ShouldBe(paidFrom.Where(e => sources[e.SourceId] == kind).Sum(e => e.Debit), $"{code}: the tranche's share from that kind of source");
        Moved("funding_approved").ShouldBe(0m);
        Moved("funding_settled").ShouldBe(0m, "paid is not settled");

        var dashboardAfter = await (await officer.GetAsync(DashboardOf(vanLam, Year))).ReadAsync<Dashboard>();
        (dashboardAfter.Indicators.Single(i => i.Key == "finance.funds-paid").Value - dashboardBefore.Indicators.Single(i => i.Key == "finance.funds-paid").Value)
            .ShouldBe(waiting.Amount);
    }

    /// <summary>Văn Lâm's report of the year: what the system pre-fills is in <c>Suggested</c>, whether or not the demo saved the report.</summary>
    private async Task<ReportView> ReportAsync(HttpClient officer, Guid unitId) =>
        await (await officer.GetAsync(GetUnitReport.For((await PeriodAsync(officer)).Id, unitId))).ReadAsync<ReportView>();

    /// <summary>The province's period of the year: seeded when the year is one of the demo's last three, else opened with the standard template.</summary>
    private async Task<ReportPeriodListItem> PeriodAsync(HttpClient reader)
    {
        var listed = (await (await reader.GetAsync($"{ListReportPeriods.Route}?year={Year}")).ReadAsync<PagedResult<ReportPeriodListItem>>()).Items;
        if (listed.Count > 0) return listed.ShouldHaveSingleItem();
        var admin = await api.LoginAsync(Users.Admin);
        var created = await admin.PostJsonAsync(CreateReportPeriod.Route, new
        {
            unitId = await UnitAsync(admin, "HY"), year = Year, title = $"Báo cáo năm {Year}", deadline = $"{Year}-12-15",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await (await reader.GetAsync($"{ListReportPeriods.Route}?year={Year}")).ReadAsync<PagedResult<ReportPeriodListItem>>()).Items.ShouldHaveSingleItem();
    }
}
