using System.Net;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Budgets;
using Khcn.Finance.Features.FiscalYears;
using Khcn.Finance.Features.Sources;
using Khcn.IntegrationTests.Support;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Finance & Funding (#14) through HTTP: sources, budgets approved by the unit above, mixed-source allocations,
/// tranches under four-eyes, reversal instead of delete, closed years, settlement, the required Idempotency-Key and
/// who sees what. Each test works in a year of its own (one budget per unit and year).
/// </summary>
public sealed class FinanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_a_sponsor_When_its_tax_code_fails_the_check_digit_or_a_state_source_has_no_programme_Then_400_names_the_field()
    {
        var officer = await api.LoginAsync(VanLam);
        var unit = await UnitAsync(officer, "VANLAM");
        // Circular 105/2020/TT-BTC art. 5: the 10th digit is the check digit (0100109106 is valid, 0100109107 is not).
        var bad = await officer.PostJsonAsync(CreateFundingSource.Route, new
        {
            unitId = unit, kind = FundingSourceKind.Sponsor, name = "Tài trợ", sponsorName = "Công ty A", sponsorTaxCode = "0100109107",
        });
        (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sponsorTaxCode", out _).ShouldBeTrue();
        var noProgramme = await officer.PostJsonAsync(CreateFundingSource.Route, new { unitId = unit, kind = FundingSourceKind.StateBudget, name = "Ngân sách" });
        (await noProgramme.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("programmeReference", out _).ShouldBeTrue();
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ Lạc Hồng");
        sponsor.SponsorTaxCode.ShouldBe(ValidTaxCode);
    }

    [ApiFact]
    public async Task Given_a_submitted_budget_When_the_unit_itself_approves_Then_403_and_the_unit_above_approves_and_posts_balanced_lines()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ Văn Lâm");
        var state = await SourceAsync(officer, unit, FundingSourceKind.StateBudget, "Ngân sách Sở KH&CN");
        var budget = await SubmittedBudgetAsync(officer, unit, 2031, (BudgetPurpose.ResearchTopics, union.Id, 100_000_000m), (BudgetPurpose.ResearchTopics, state.Id, 200_000_000m));
        budget.Status.ShouldBe(BudgetStatus.Submitted);
        budget.CanApprove.ShouldBeFalse("a unit never approves its own budget");

        var own = await officer.MoneyAsync(ApproveBudget.Route.Replace("{id}", budget.Id.ToString()), new { }, ifMatch: $"\"{budget.Version}\"");
        await own.ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var asAbove = await (await province.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>();
        asAbove.CanApprove.ShouldBeTrue();
        var approved = await (await province.MoneyAsync(ApproveBudget.Route.Replace("{id}", budget.Id.ToString()), new { }, ifMatch: $"\"{budget.Version}\""))
            .ReadAsync<BudgetDetail>();
        approved.Status.ShouldBe(BudgetStatus.Approved);
        approved.Lines.Sum(l => l.Unallocated).ShouldBe(300_000_000m);

        var report = await ReconcileAsync(province, unit, 2031);
        report.Drifts.ShouldBeEmpty();
        report.TotalDebits.ShouldBe(300_000_000m);
        report.TotalCredits.ShouldBe(300_000_000m);
        report.Sources.Single(s => s.SourceId == state.Id).Unallocated.ShouldBe(200_000_000m);
    }

    [ApiFact]
    public async Task Given_an_approved_budget_When_allocating_from_two_sources_beyond_a_line_Then_409_with_what_is_left_and_nothing_is_drawn()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ");
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ");
        await SponsorPaidInAsync(officer, sponsor.Id, 20_000_000m);
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2032,
            (BudgetPurpose.ResearchTopics, union.Id, 60_000_000m), (BudgetPurpose.ResearchTopics, sponsor.Id, 10_000_000m));

        var tooMuch = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài A", (union.Id, 50_000_000m), (sponsor.Id, 10_000_001m));
        var problem = await tooMuch.ShouldBeProblemAsync(HttpStatusCode.Conflict, "budget_line_remainder_exceeded");
        problem.GetProperty("remaining").GetDecimal().ShouldBe(10_000_000m);
        problem.GetProperty("sourceId").GetGuid().ShouldBe(sponsor.Id);
        var untouched = await (await officer.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>();
        untouched.Lines.Sum(l => l.Unallocated).ShouldBe(70_000_000m, "the union part drawn before the sponsor's failed was rolled back");

        var ok = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài A", (union.Id, 50_000_000m), (sponsor.Id, 10_000_000m));
        ok.StatusCode.ShouldBe(HttpStatusCode.Created, await ok.Content.ReadAsStringAsync());
        var allocation = await ok.ReadAsync<AllocationDetail>();
        allocation.Amount.ShouldBe(60_000_000m);
        allocation.Remaining.ShouldBe(60_000_000m);
        allocation.Parts.Select(p => p.Amount).ShouldBe([50_000_000m, 10_000_000m]);
        var wrongPurpose = await AllocateAsync(officer, budget.Id, BudgetPurpose.Training, "Lớp học", (union.Id, 1m));
        (await wrongPurpose.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("parts[0].sourceId", out _).ShouldBeTrue();
        var after = await (await officer.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>();
        after.Lines.Single(l => l.SourceId == union.Id).Unallocated.ShouldBe(10_000_000m);
        after.Lines.Single(l => l.SourceId == sponsor.Id).Unallocated.ShouldBe(0m);
        (await ReconcileAsync(province, unit, 2032)).Drifts.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_requested_tranche_When_its_requester_approves_Then_409_four_eyes_and_another_person_approves_then_pays_with_a_voucher()
    {
        var (officer, province, allocation) = await FundedAsync(2033, 30_000_000m, 20_000_000m);
        var requested = await RequestTrancheAsync(officer, allocation.Id, 25_000_000m);
        requested.StatusCode.ShouldBe(HttpStatusCode.Created, await requested.Content.ReadAsStringAsync());
        var tranche = await requested.ReadAsync<TrancheView>();
        tranche.CanApprove.ShouldBeFalse("the requester never approves");

        var self = await officer.StepAsync(TrancheRoute(ApproveTranche.Route, tranche), tranche.Version);
        await self.ShouldBeProblemAsync(HttpStatusCode.Conflict, "four_eyes");

        var approved = await (await province.StepAsync(TrancheRoute(ApproveTranche.Route, tranche), tranche.Version)).ReadAsync<TrancheView>();
        approved.Status.ShouldBe(TrancheStatus.Approved);
        var paid = await (await officer.MoneyAsync(TrancheRoute(PayTranche.Route, approved), new { voucherNumber = "PC-0125", paidOn = new DateOnly(2033, 3, 1) },
            ifMatch: $"\"{approved.Version}\"")).ReadAsync<TrancheView>();
        paid.Status.ShouldBe(TrancheStatus.Paid);
        paid.VoucherNumber.ShouldBe("PC-0125");

        var detail = await AllocationAsync(officer, allocation.Id);
        detail.Paid.ShouldBe(25_000_000m);
        detail.Remaining.ShouldBe(25_000_000m);
        // Split across the sources in proportion to what each held (30:20) — exact đồng.
        detail.Ledger.Where(e => e.Event == LedgerEvent.TranchePaid && e.Account == AccountKind.Disbursed).Select(e => e.Debit).OrderBy(x => x)
            .ShouldBe([10_000_000m, 15_000_000m]);
    }

    [ApiFact]
    public async Task Given_a_tranche_When_rejected_Then_nothing_is_deleted_new_entries_reverse_the_original_and_the_amount_returns()
    {
        var (officer, province, allocation) = await FundedAsync(2034, 10_000_000m, 0m);
        var tranche = await (await RequestTrancheAsync(officer, allocation.Id, 4_000_000m)).ReadAsync<TrancheView>();
        var before = await AllocationAsync(officer, allocation.Id);
        before.Remaining.ShouldBe(6_000_000m);
        var original = before.Ledger.Where(e => e.DocumentId == tranche.Id).ToList();

        var rejected = await (await province.MoneyAsync(TrancheRoute(RejectTranche.Route, tranche), new { reason = "Thiếu hồ sơ" }, ifMatch: $"\"{tranche.Version}\""))
            .ReadAsync<TrancheView>();
        rejected.Status.ShouldBe(TrancheStatus.Rejected);
        var after = await AllocationAsync(officer, allocation.Id);
        after.Remaining.ShouldBe(10_000_000m);
        var kept = after.Ledger.Where(e => original.Select(o => o.Id).Contains(e.Id)).ToList();
        // The entries as posted (what reversed them aside: that is the next assertion's; ReversedBy is a list, compared by content).
        static LedgerEntryView AsPosted(LedgerEntryView e) => e with { ReversedByTransactionId = null, ReversedInYear = null, ReversedBy = [] };
        kept.Select(AsPosted).ShouldBe(original.Select(AsPosted), "the original entries are still there, unchanged");
        original.ShouldAllBe(e => e.ReversedBy.Count == 0);
        var reversal = after.Ledger.Where(e => e.Event == LedgerEvent.TrancheRejected).ToList();
        reversal.ShouldNotBeEmpty();
        kept.ShouldAllBe(e => e.ReversedByTransactionId == reversal[0].TransactionId && e.ReversedInYear == 2034, "the original names what reversed it");
        kept.ShouldAllBe(e => e.ReversedBy.Count == 1 && e.ReversedBy[0].TransactionId == reversal[0].TransactionId);
        reversal.ShouldAllBe(e => e.ReversesTransactionId == original[0].TransactionId);
        reversal.Sum(e => e.Debit).ShouldBe(4_000_000m);
        (await ReconcileAsync(officer, allocation.UnitId, 2034)).Drifts.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_closed_fiscal_year_When_anything_is_posted_into_it_Then_409_fiscal_year_closed()
    {
        var (officer, _, allocation) = await FundedAsync(2035, 5_000_000m, 0m);
        var years = await (await officer.GetAsync($"{ListFiscalYears.Route}?unitId={allocation.UnitId}")).ReadAsync<List<FiscalYearView>>();
        var year = years.Single(y => y.Year == 2035);
        var closed = await (await officer.StepAsync(CloseFiscalYear.Route.Replace("{id}", year.Id.ToString()), year.Version)).ReadAsync<FiscalYearView>();
        closed.Status.ShouldBe(FiscalYearStatus.Closed);

        await (await RequestTrancheAsync(officer, allocation.Id, 1_000_000m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "fiscal_year_closed");
        await (await AllocateAsync(officer, allocation.BudgetId, BudgetPurpose.ResearchTopics, "Khác", (allocation.Parts[0].SourceId, 1m)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "fiscal_year_closed");
        (await AllocationAsync(officer, allocation.Id)).Remaining.ShouldBe(5_000_000m);
    }

    [ApiFact]
    public async Task Given_a_money_moving_POST_When_sent_without_an_Idempotency_Key_Then_400_and_a_retry_with_the_same_key_posts_once()
    {
        var (officer, _, allocation) = await FundedAsync(2036, 8_000_000m, 0m);
        var noKey = await officer.PostJsonAsync(RequestTranche.Route.Replace("{allocationId}", allocation.Id.ToString()), new { kind = "Advance", amount = 1_000_000m });
        var problem = await noKey.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        problem.GetProperty("detail").GetString()!.ShouldContain("Idempotency-Key");

        var first = await RequestTrancheAsync(officer, allocation.Id, 1_000_000m, key: "retry-2036");
        var retry = await RequestTrancheAsync(officer, allocation.Id, 1_000_000m, key: "retry-2036");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await retry.ReadAsync<TrancheView>()).Id.ShouldBe((await first.ReadAsync<TrancheView>()).Id);
        var detail = await AllocationAsync(officer, allocation.Id);
        detail.Tranches.Count.ShouldBe(1);
        detail.Remaining.ShouldBe(7_000_000m);

        var negative = await RequestTrancheAsync(officer, allocation.Id, -5m);
        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();
        var fraction = await RequestTrancheAsync(officer, allocation.Id, 0.5m);
        await fraction.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_paid_advances_When_settling_with_less_spent_Then_the_unspent_and_the_unrequested_return_to_their_sources_and_it_closes()
    {
        var (officer, province, allocation) = await FundedAsync(2037, 60_000_000m, 40_000_000m);
        foreach (var amount in new[] { 30_000_000m, 20_000_000m })
        {
            var t = await (await RequestTrancheAsync(officer, allocation.Id, amount)).ReadAsync<TrancheView>();
            var a = await (await province.StepAsync(TrancheRoute(ApproveTranche.Route, t), t.Version)).ReadAsync<TrancheView>();
            (await officer.MoneyAsync(TrancheRoute(PayTranche.Route, a), new { voucherNumber = $"PC-{amount}", paidOn = new DateOnly(2037, 5, 1) },
                ifMatch: $"\"{a.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var pending = await (await RequestTrancheAsync(officer, allocation.Id, 1_000_000m)).ReadAsync<TrancheView>();
        var current = await AllocationAsync(officer, allocation.Id);
        await (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", allocation.Id.ToString()), new { spent = 45_000_000m }, ifMatch: $"\"{current.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "tranches_pending");
        await province.MoneyAsync(TrancheRoute(RejectTranche.Route, pending), new { reason = "Không cần" }, ifMatch: $"\"{pending.Version}\"");
        await (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", allocation.Id.ToString()), new { spent = 50_000_001m }, ifMatch: $"\"{current.Version}\""))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "spent_exceeds_paid");

        var settled = await (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", allocation.Id.ToString()), new { spent = 45_000_000m, note = "Quyết toán" },
            ifMatch: $"\"{current.Version}\"")).ReadAsync<AllocationDetail>();
        settled.Status.ShouldBe(AllocationStatus.Settled);
        settled.Spent.ShouldBe(45_000_000m);
        settled.Remaining.ShouldBe(0m);
        settled.Paid.ShouldBe(0m);
        settled.ReturnedUnspent.ShouldBe(5_000_000m);
        settled.ReturnedUnrequested.ShouldBe(50_000_000m);
        settled.Parts.Sum(p => p.Returned).ShouldBe(55_000_000m);
        var budget = await (await officer.GetAsync(GetBudget.For(settled.BudgetId))).ReadAsync<BudgetDetail>();
        budget.Lines.Sum(l => l.Unallocated).ShouldBe(55_000_000m, "every đồng not spent is back on its source's line");
        budget.Lines.Sum(l => l.Allocated).ShouldBe(45_000_000m);
        (await ReconcileAsync(province, settled.UnitId, 2037)).Drifts.ShouldBeEmpty();
        await (await RequestTrancheAsync(officer, allocation.Id, 1m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "allocation_settled");
    }

    [ApiFact]
    public async Task Given_VanLam_money_When_MyHao_reads_it_or_a_unit_officer_lists_finance_Then_404_and_403_and_the_leader_reads_it()
    {
        var (officer, _, allocation) = await FundedAsync(2038, 1_000_000m, 0m);
        var myHao = await api.LoginAsync(MyHao);
        await (await myHao.GetAsync(GetAllocation.For(allocation.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(GetBudget.For(allocation.BudgetId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await RequestTrancheAsync(myHao, allocation.Id, 1m)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var unitOfficer = await api.LoginAsync(Users.VanLamOfficer);
        (await unitOfficer.GetAsync(ListBudgets.Route)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var leader = await api.LoginAsync(Users.Leader);
        (await AllocationAsync(leader, allocation.Id)).CanManage.ShouldBeFalse();
        await (await RequestTrancheAsync(leader, allocation.Id, 1m)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await AllocationAsync(await api.LoginAsync(Users.PolicyLaw), allocation.Id)).Id.ShouldBe(allocation.Id);
    }

    /// <summary>Văn Lâm's approved budget for the year with union funds (and a sponsor when given) and an allocation drawing both fully.</summary>
    private async Task<(HttpClient Officer, HttpClient Province, AllocationDetail Allocation)> FundedAsync(int year, decimal union, decimal sponsor)
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var unionSource = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, $"KPCĐ {year}");
        var lines = new List<(BudgetPurpose, Guid, decimal)> { (BudgetPurpose.ResearchTopics, unionSource.Id, union) };
        var parts = new List<(Guid, decimal)> { (unionSource.Id, union) };
        if (sponsor > 0)
        {
            var sponsorSource = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, $"Tài trợ {year}");
            await SponsorPaidInAsync(officer, sponsorSource.Id, sponsor);
            lines.Add((BudgetPurpose.ResearchTopics, sponsorSource.Id, sponsor));
            parts.Add((sponsorSource.Id, sponsor));
        }
        var budget = await ApprovedBudgetAsync(officer, province, unit, year, [.. lines]);
        var created = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, $"Đề tài {year}", [.. parts]);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (officer, province, await created.ReadAsync<AllocationDetail>());
    }
}
