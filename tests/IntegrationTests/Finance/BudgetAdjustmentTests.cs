using System.Net;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Budgets;
using Khcn.IntegrationTests.Support;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Budget adjustments (#14): a new approved version with a reason, approved by the unit above and never by its
/// proposer; the old amounts stay visible; only the differences reach the ledger, and a cut never goes below what is allocated.
/// </summary>
public sealed class BudgetAdjustmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_an_approved_and_partly_allocated_budget_When_adjusted_up_down_and_with_a_new_line_Then_a_new_version_the_old_kept_and_the_books_agree()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ 2047");
        var state = await SourceAsync(officer, unit, FundingSourceKind.StateBudget, "Ngân sách 2047");
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2047,
            (BudgetPurpose.ResearchTopics, union.Id, 50_000_000m), (BudgetPurpose.Training, union.Id, 20_000_000m));
        budget.CurrentVersion.ShouldBe(1);
        budget.CanAdjust.ShouldBeTrue();
        (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2047", (union.Id, 30_000_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var route = ProposeBudgetAdjustment.Route.Replace("{id}", budget.Id.ToString());

        var noReason = await officer.MoneyAsync(route, new { reason = "", lines = new[] { new { purpose = "Training", sourceId = union.Id, amount = 25_000_000m } } });
        (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        var proposed = await officer.MoneyAsync(route, new
        {
            reason = "Bổ sung kinh phí đào tạo theo Quyết định 12/QĐ-LĐLĐ; giảm đề tài do chậm tiến độ",
            lines = new object[]
            {
                new { purpose = "ResearchTopics", sourceId = union.Id, amount = 35_000_000m },
                new { purpose = "Training", sourceId = union.Id, amount = 25_000_000m },
                new { purpose = "Training", sourceId = state.Id, amount = 10_000_000m },
            },
        });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var pending = await proposed.ReadAsync<BudgetDetail>();
        var adjustment = pending.Adjustments.ShouldHaveSingleItem();
        adjustment.Number.ShouldBe(2);
        adjustment.Status.ShouldBe(BudgetAdjustmentStatus.Submitted);
        adjustment.CanApprove.ShouldBeFalse("the proposer's unit never approves");
        pending.Total.ShouldBe(70_000_000m, "nothing changes before approval");
        pending.CanAdjust.ShouldBeFalse("one pending adjustment at a time");
        await (await officer.MoneyAsync(route, new { reason = "Lần nữa", lines = new[] { new { purpose = "Training", sourceId = union.Id, amount = 1m } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "adjustment_pending");

        var approveRoute = ApproveBudgetAdjustment.Route.Replace("{id}", budget.Id.ToString()).Replace("{adjustmentId}", adjustment.Id.ToString());
        await (await officer.MoneyAsync(approveRoute, new { }, ifMatch: $"\"{adjustment.Version}\"")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var asAbove = await (await province.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>();
        asAbove.Adjustments[0].CanApprove.ShouldBeTrue();
        var approved = await province.MoneyAsync(approveRoute, new { }, ifMatch: $"\"{adjustment.Version}\"");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var adjusted = await approved.ReadAsync<BudgetDetail>();
        adjusted.CurrentVersion.ShouldBe(2);
        adjusted.Total.ShouldBe(70_000_000m);
        adjusted.Lines.Single(l => l is { Purpose: BudgetPurpose.ResearchTopics }).ShouldSatisfyAllConditions(
            l => l.Amount.ShouldBe(35_000_000m), l => l.Allocated.ShouldBe(30_000_000m), l => l.Unallocated.ShouldBe(5_000_000m));
        adjusted.Lines.Single(l => l.Purpose == BudgetPurpose.Training && l.SourceId == state.Id).Unallocated.ShouldBe(10_000_000m);
        var kept = adjusted.Adjustments.ShouldHaveSingleItem();
        kept.Status.ShouldBe(BudgetAdjustmentStatus.Approved);
        kept.Reason.ShouldStartWith("Bổ sung kinh phí đào tạo");
        kept.Lines.Select(l => (l.Purpose, l.PreviousAmount, l.Amount)).ShouldBe(
            [(BudgetPurpose.ResearchTopics, 50_000_000m, 35_000_000m), (BudgetPurpose.Training, 20_000_000m, 25_000_000m), (BudgetPurpose.Training, 0m, 10_000_000m)],
            ignoreOrder: true);
        var books = await ReconcileAsync(province, unit, 2047);
        books.Drifts.ShouldBeEmpty();
        books.Sources.Single(s => s.SourceId == union.Id).Approved.ShouldBe(60_000_000m);
        books.Sources.Single(s => s.SourceId == state.Id).ShouldSatisfyAllConditions(s => s.Approved.ShouldBe(10_000_000m), s => s.Unallocated.ShouldBe(10_000_000m));

        // A cut below what is allocated is refused with what is left, and nothing changes.
        var tooDeep = await (await officer.MoneyAsync(route, new
        {
            reason = "Cắt giảm đề tài", lines = new[] { new { purpose = "ResearchTopics", sourceId = union.Id, amount = 29_000_000m } },
        })).ReadAsync<BudgetDetail>();
        var cut = tooDeep.Adjustments.Single(a => a.Number == 3);
        var refused = await province.MoneyAsync(ApproveBudgetAdjustment.Route.Replace("{id}", budget.Id.ToString()).Replace("{adjustmentId}", cut.Id.ToString()),
            new { }, ifMatch: $"\"{cut.Version}\"");
        (await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "budget_line_remainder_exceeded")).GetProperty("remaining").GetDecimal().ShouldBe(5_000_000m);
        var unchanged = await (await officer.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>();
        unchanged.CurrentVersion.ShouldBe(2);
        unchanged.Lines.Single(l => l.Purpose == BudgetPurpose.ResearchTopics).Amount.ShouldBe(35_000_000m);
        (await ReconcileAsync(province, unit, 2047)).Drifts.ShouldBeEmpty();
    }
}
