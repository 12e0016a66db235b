using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Budgets;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.FocalOfficials;
using Khcn.Organization.Features.Todos;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Issue 15 (an officer's home shows its to-dos) × issue 14 (the unit above approves; four-eyes): a finance officer's
/// to-dos follow the money — the budget a unit below submitted waits on the province's finance officer, never on the
/// unit that submitted it; a requested tranche waits on someone other than its requester, then the paying unit sees
/// it to pay; each item leaves once done. A unit officer gets the unions of its subtree without a focal official.
/// </summary>
public sealed class FinanceTodoTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2041;

    private static async Task<IReadOnlyList<TodoItem>> TodosAsync(HttpClient client, Guid unitId) =>
        (await (await client.GetAsync($"{GetMyTodos.Route}?unitId={unitId}")).ReadAsync<MyTodos>()).Items;

    [ApiFact]
    public async Task Given_a_budget_and_a_tranche_of_VanLam_When_they_move_Then_each_waits_on_the_right_finance_officer_never_its_requester_and_leaves_once_done()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var myHao = await api.LoginAsync(MyHao);
        var vanLam = await UnitAsync(officer, "VANLAM");
        var hy = await UnitAsync(province, "HY");
        var myHaoUnit = await UnitAsync(myHao, "MYHAO");
        var union = await SourceAsync(officer, vanLam, FundingSourceKind.UnionFunds, $"KPCĐ {Year}");

        // Submitted: the unit above approves it (Issue 14: "approved by the unit above's finance officer").
        var submitted = await SubmittedBudgetAsync(officer, vanLam, Year, (BudgetPurpose.ResearchTopics, union.Id, 40_000_000m));
        var toApprove = (await TodosAsync(province, hy)).Single(i => i.Kind == "budget-approval" && i.Link == $"/finance/budgets/{submitted.Id}");
        toApprove.Title.ShouldBe($"Duyệt dự toán năm {Year} của Liên đoàn Lao động huyện Văn Lâm");
        (await TodosAsync(officer, vanLam)).ShouldNotContain(i => i.Link == $"/finance/budgets/{submitted.Id}");
        (await TodosAsync(myHao, myHaoUnit)).ShouldNotContain(i => i.Link == $"/finance/budgets/{submitted.Id}");

        var approved = await province.MoneyAsync(ApproveBudget.Route.Replace("{id}", submitted.Id.ToString()), new { }, ifMatch: $"\"{submitted.Version}\"");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await TodosAsync(province, hy)).ShouldNotContain(i => i.Link == $"/finance/budgets/{submitted.Id}");

        // A tranche requested by Văn Lâm's officer: never on the requester's list (four-eyes), on the province's.
        var allocation = await (await AllocateAsync(officer, submitted.Id, BudgetPurpose.ResearchTopics, $"Đề tài {Year}", (union.Id, 40_000_000m))).ReadAsync<AllocationDetail>();
        var tranche = await (await RequestTrancheAsync(officer, allocation.Id, 25_000_000m)).ReadAsync<TrancheView>();
        var link = $"/finance/allocations/{allocation.Id}";
        (await TodosAsync(officer, vanLam)).ShouldNotContain(i => i.Link == link);
        var approval = (await TodosAsync(province, hy)).Single(i => i.Kind == "tranche-approval" && i.Link == link);
        approval.Title.ShouldBe($"Duyệt đợt giải ngân 25.000.000 ₫ – Đề tài {Year} (Liên đoàn Lao động huyện Văn Lâm)");

        // Approved: the paying unit's officer has it to pay; the approver's item is gone.
        var approvedTranche = await (await province.StepAsync(TrancheRoute(ApproveTranche.Route, tranche), tranche.Version)).ReadAsync<TrancheView>();
        (await TodosAsync(province, hy)).ShouldNotContain(i => i.Link == link);
        (await TodosAsync(officer, vanLam)).Single(i => i.Link == link).Kind.ShouldBe("tranche-payment");

        var paid = await officer.MoneyAsync(TrancheRoute(PayTranche.Route, approvedTranche), new { voucherNumber = "PC-2041-01", paidOn = new DateOnly(Year, 3, 1) },
            ifMatch: $"\"{approvedTranche.Version}\"");
        paid.StatusCode.ShouldBe(HttpStatusCode.OK, await paid.Content.ReadAsStringAsync());
        (await TodosAsync(officer, vanLam)).ShouldNotContain(i => i.Link == link);
    }

    [ApiFact]
    public async Task Given_the_demo_When_the_PolicyLaw_board_and_VanLams_officer_read_their_todos_Then_the_unions_without_a_focal_official_as_the_coverage_counts_them_and_no_money_items()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var hy = await UnitAsync(board, "HY");
        var coverage = await (await board.GetAsync($"{GetFocalCoverage.Route}?within={hy}")).ReadAsync<FocalCoverageResponse>();
        var missing = coverage.Total - coverage.Covered;
        missing.ShouldBeGreaterThan(0, "the demo leaves some unions without a focal official");

        var todos = await TodosAsync(board, hy);

        var focal = todos.Single(i => i.Kind == "focal-missing");
        focal.Count.ShouldBe(missing);
        focal.Title.ShouldBe($"{missing} công đoàn cấp trên chưa có cán bộ đầu mối KH,CN&ĐMST");
        focal.Link.ShouldBe($"/organization/focal-officials?unit={hy}&missing=1");
        todos.ShouldNotContain(i => i.Kind.StartsWith("budget") || i.Kind.StartsWith("tranche") || i.Kind == "obligation-funding");

        // Văn Lâm's unions all have one in the demo: nothing to ask of its officer. Its finance officer does not assign them.
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await UnitAsync(officer, "VANLAM");
        var vanLamCoverage = await (await officer.GetAsync($"{GetFocalCoverage.Route}?within={vanLam}")).ReadAsync<FocalCoverageResponse>();
        vanLamCoverage.Covered.ShouldBe(vanLamCoverage.Total);
        (await TodosAsync(officer, vanLam)).ShouldNotContain(i => i.Kind == "focal-missing" || i.Kind.StartsWith("tranche"));
        (await TodosAsync(await api.LoginAsync(Province), hy)).ShouldNotContain(i => i.Kind == "focal-missing");
    }
}
