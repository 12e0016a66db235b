using System.Net;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.FiscalYears;
using Khcn.Finance.Features.Reports;
using Khcn.Finance.Features.Sources;
using Khcn.Finance.Features.Statements;
using Khcn.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Issue #14: "corrections after closing go into the next open year with a reference" — Luật Kế toán 88/2015/QH13,
/// Điều 27 khoản 3: an error found after the year's annual financial statements were submitted is corrected in the books
/// of the year it is found, with an explanation; khoản 1 điểm c (ghi điều chỉnh): the correction records the difference,
/// so a payment may be corrected in parts. A payment of a closed year is taken back in the unit's next open year, referencing the original, with its reason;
/// the closed year's figures never change and the books agree. Each test works in years of its own; the one that needs
/// no open year after its closed one uses the latest (the tests share one database and run in any order: a later year
/// another test opened would take its correction).
/// </summary>
public sealed class ClosedYearCorrectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Corrections(Guid allocationId) => CorrectClosedYearEntry.Route.Replace("{allocationId}", allocationId.ToString());

    [ApiFact]
    public async Task Given_a_payment_of_a_closed_year_When_corrected_Then_it_lands_in_the_next_open_year_with_the_reference_and_reason_and_the_closed_year_is_unchanged_LuatKeToan_Dieu27_khoan3()
    {
        var (officer, province, allocation, paidTx) = await PaidAsync(2067, 20_000_000m, 8_000_000m);
        await CloseAsync(officer, allocation.UnitId, 2067);
        var executionBefore = await ExecutionAsync(officer, allocation.UnitId, 2067);
        var booksBefore = await ReconcileAsync(province, allocation.UnitId, 2067);

        // No open year after the closed one: 409 naming the year to open; nothing posted.
        var noYear = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm cho đơn vị khác" });
        var problem = await noYear.ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_no_open_year");
        problem.GetProperty("detail").GetString()!.ShouldContain("2068");

        (await OpenYearAsync(officer, allocation.UnitId, 2068)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await officer.PostJsonAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        (await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();

        var corrected = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm cho đơn vị khác" }, key: "correct-2067");
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        var retry = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm cho đơn vị khác" }, key: "correct-2067");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, "a retry under the same key answers the first outcome");

        var detail = await AllocationAsync(officer, allocation.Id);
        var correction = detail.Ledger.Where(e => e.Event == LedgerEvent.ClosedYearCorrected).ToList();
        correction.Count.ShouldBe(2, "one balanced pair, posted once despite the retry");
        correction.ShouldAllBe(e => e.Year == 2068 && e.ReversesTransactionId == paidTx && e.Memo.Contains("Chi nhầm cho đơn vị khác") && e.Memo.Contains("2067"));
        correction.Sum(e => e.Debit).ShouldBe(correction.Sum(e => e.Credit));
        correction.Single(e => e.Credit > 0).ShouldSatisfyAllConditions(e => e.Account.ShouldBe(AccountKind.Disbursed), e => e.Credit.ShouldBe(8_000_000m));
        correction.Single(e => e.Debit > 0).Account.ShouldBe(AccountKind.Source, "the money is back in the source's fund of the open year");
        var original = detail.Ledger.Where(e => e.TransactionId == paidTx).ToList();
        original.ShouldAllBe(e => e.Year == 2067 && e.ReversedByTransactionId == correction[0].TransactionId && e.ReversedInYear == 2068 && !e.CanCorrect);
        detail.Paid.ShouldBe(0m, "net of the correction");
        var statement = await (await officer.GetAsync(GetTopicFundingStatement.For(allocation.TargetId!.Value))).ReadAsync<TopicFundingStatement>();
        statement.Corrected.ShouldBe(8_000_000m);
        statement.Allocated.ShouldBe(statement.Remaining + statement.Requested + statement.Held + statement.Spent + statement.Returned + statement.Corrected,
            "the topic's statement still accounts for every đồng");

        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Lần nữa" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_already_made");
        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Lần nữa", amount = 1m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_already_made");

        // The closed year's figures never change, asked alone or with the year the correction is in.
        (await ExecutionAsync(officer, allocation.UnitId, 2067)).ShouldBe(executionBefore);
        var allYears = await (await officer.GetAsync($"{GetBudgetExecution.Route}?unitId={allocation.UnitId}")).ReadAsync<BudgetExecutionReport>();
        allYears.Rows.Where(r => r.Year == 2067).ShouldBe(executionBefore);
        var booksAfter = await ReconcileAsync(province, allocation.UnitId, 2067);
        booksAfter.Drifts.ShouldBeEmpty();
        (booksAfter.TotalDebits, booksAfter.Transactions).ShouldBe((booksBefore.TotalDebits, booksBefore.Transactions));
        // The correction counts in 2068's ledger, balanced, and touches none of 2068's budget lines or allocations.
        var next = await ReconcileAsync(province, allocation.UnitId, 2068);
        next.Drifts.ShouldBeEmpty();
        (next.TotalDebits, next.TotalCredits, next.Transactions).ShouldBe((8_000_000m, 8_000_000m, 1));
        (await ReconcileAsync(province, allocation.UnitId)).Drifts.ShouldBeEmpty();

        var audited = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FinanceDbContext>();
            // This test's correction only: the class's other tests make their own.
            var id = (await db.ClosedYearCorrections.SingleAsync(c => c.OriginalTransactionId == paidTx)).Id.ToString();
            return await db.AuditEntries.Where(a => a.EntityType.Contains(nameof(ClosedYearCorrection)) && a.EntityId == id).Select(a => a.EntityId).ToListAsync();
        });
        audited.ShouldHaveSingleItem("the correction is in the audit trail, once");
    }

    [ApiFact]
    public async Task Given_a_correction_When_the_year_is_open_or_the_entry_is_not_a_payment_or_the_caller_may_not_Then_409_404_403()
    {
        var (officer, _, allocation, paidTx) = await PaidAsync(2063, 10_000_000m, 3_000_000m);
        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_year_open");
        (await AllocationAsync(officer, allocation.Id)).Ledger.Where(e => e.TransactionId == paidTx).ShouldAllBe(e => !e.CanCorrect, "the ordinary reversal applies");

        await CloseAsync(officer, allocation.UnitId, 2063);
        (await OpenYearAsync(officer, allocation.UnitId, 2064)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var detail = await AllocationAsync(officer, allocation.Id);
        detail.Ledger.Where(e => e.TransactionId == paidTx).ShouldAllBe(e => e.CanCorrect);
        var allocatedTx = detail.Ledger.First(e => e.Event == LedgerEvent.Allocated).TransactionId;
        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = allocatedTx, reason = "Phân bổ nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_not_supported");

        var myHao = await api.LoginAsync(MyHao);
        await (await myHao.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = Guid.NewGuid(), reason = "Chi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var leader = await api.LoginAsync(Users.Leader);
        await (await leader.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await AllocationAsync(leader, allocation.Id)).Ledger.ShouldAllBe(e => !e.CanCorrect, "a reader is not offered the correction");
        (await AllocationAsync(officer, allocation.Id)).Ledger.ShouldNotContain(e => e.Event == LedgerEvent.ClosedYearCorrected);
    }

    [ApiFact]
    public async Task Given_a_settled_allocation_of_a_closed_year_When_its_payment_is_corrected_Then_spent_is_taken_back_in_the_next_open_year_and_the_books_agree()
    {
        var (officer, province, allocation, paidTx) = await PaidAsync(2065, 12_000_000m, 6_000_000m);
        var current = await AllocationAsync(officer, allocation.Id);
        (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", allocation.Id.ToString()), new { spent = 6_000_000m }, ifMatch: $"\"{current.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await CloseAsync(officer, allocation.UnitId, 2065);
        (await OpenYearAsync(officer, allocation.UnitId, 2066)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await ExecutionAsync(officer, allocation.UnitId, 2065);

        var corrected = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Khoản chi không đúng đề tài" });
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        var detail = await corrected.ReadAsync<AllocationDetail>();
        detail.Ledger.Where(e => e.Event == LedgerEvent.ClosedYearCorrected && e.Credit > 0).ShouldHaveSingleItem().Account.ShouldBe(AccountKind.Spent);
        detail.Spent.ShouldBe(0m);
        (await ExecutionAsync(officer, allocation.UnitId, 2065)).ShouldBe(before);
        (await ReconcileAsync(province, allocation.UnitId, 2065)).Drifts.ShouldBeEmpty();
        (await ReconcileAsync(province, allocation.UnitId, 2066)).Drifts.ShouldBeEmpty();
        (await ReconcileAsync(province, allocation.UnitId)).Drifts.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_payment_of_a_closed_year_When_corrected_in_parts_Then_each_part_lands_in_the_next_open_year_and_none_beyond_the_uncorrected_LuatKeToan_Dieu27_khoan1_diem_c()
    {
        var (officer, province, allocation, paidTx) = await PaidAsync(2061, 20_000_000m, 8_000_000m);
        await CloseAsync(officer, allocation.UnitId, 2061);
        (await OpenYearAsync(officer, allocation.UnitId, 2062)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var executionBefore = await ExecutionAsync(officer, allocation.UnitId, 2061);

        (await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa", amount = 0m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();
        (await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa", amount = 1.5m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();

        var first = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa 3 triệu", amount = 3_000_000m }, key: "part-1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa 3 triệu", amount = 3_000_000m }, key: "part-1"))
            .StatusCode.ShouldBe(HttpStatusCode.Created, "a retry under the same key answers the first outcome");
        var detail = await first.ReadAsync<AllocationDetail>();
        detail.Paid.ShouldBe(5_000_000m, "3 of the 8 million taken back");
        var payment = detail.Ledger.Where(e => e.TransactionId == paidTx).ToList();
        payment.ShouldAllBe(e => e.Year == 2061 && e.Uncorrected == 5_000_000m && e.CanCorrect, "the rest may still be corrected");
        var part = detail.Ledger.Where(e => e.Event == LedgerEvent.ClosedYearCorrected).ToList();
        part.ShouldAllBe(e => e.Year == 2062 && e.ReversesTransactionId == paidTx && e.Memo.Contains("Chi thừa 3 triệu"));
        part.Single(e => e.Debit > 0).Debit.ShouldBe(3_000_000m);
        payment.ShouldAllBe(e => e.ReversedBy.Count == 1 && e.ReversedBy[0].TransactionId == part[0].TransactionId && e.ReversedBy[0].Amount == 3_000_000m);

        // Beyond what is still uncorrected: 409 naming it; nothing posted.
        var beyond = await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa", amount = 5_000_001m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_exceeds_uncorrected");
        beyond.GetProperty("uncorrected").GetDecimal().ShouldBe(5_000_000m);
        (await AllocationAsync(officer, allocation.Id)).Paid.ShouldBe(5_000_000m);

        // The rest, without an amount: everything still uncorrected.
        var rest = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Phần còn lại cũng chi nhầm" });
        rest.StatusCode.ShouldBe(HttpStatusCode.Created, await rest.Content.ReadAsStringAsync());
        detail = await rest.ReadAsync<AllocationDetail>();
        detail.Paid.ShouldBe(0m);
        detail.Ledger.Where(e => e.TransactionId == paidTx).ShouldAllBe(e => e.Uncorrected == 0m && !e.CanCorrect && e.ReversedInYear == 2062);
        var parts = detail.Ledger.Where(e => e.Event == LedgerEvent.ClosedYearCorrected && e.Debit > 0).ToList();
        parts.Select(e => e.Debit).ShouldBe([3_000_000m, 5_000_000m]);
        // Both parts are linked from the payment, in order, each with its amount — not only the first.
        foreach (var line in detail.Ledger.Where(e => e.TransactionId == paidTx))
        {
            line.ReversedBy.Select(r => (r.TransactionId, r.Year, r.Event, r.Amount)).ShouldBe(
                [(parts[0].TransactionId, 2062, LedgerEvent.ClosedYearCorrected, 3_000_000m), (parts[1].TransactionId, 2062, LedgerEvent.ClosedYearCorrected, 5_000_000m)]);
            line.ReversedByTransactionId.ShouldBe(parts[0].TransactionId);
        }
        await (await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Lần nữa", amount = 1m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_already_made");

        var statement = await (await officer.GetAsync(GetTopicFundingStatement.For(allocation.TargetId!.Value))).ReadAsync<TopicFundingStatement>();
        statement.Corrected.ShouldBe(8_000_000m);
        (await ExecutionAsync(officer, allocation.UnitId, 2061)).ShouldBe(executionBefore);
        (await ReconcileAsync(province, allocation.UnitId, 2061)).Drifts.ShouldBeEmpty();
        var next = await ReconcileAsync(province, allocation.UnitId, 2062);
        next.Drifts.ShouldBeEmpty();
        (next.TotalDebits, next.Transactions).ShouldBe((8_000_000m, 2));
        (await ReconcileAsync(province, allocation.UnitId)).Drifts.ShouldBeEmpty();

        var recorded = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FinanceDbContext>();
            var rows = await db.ClosedYearCorrections.Where(c => c.OriginalTransactionId == paidTx).OrderBy(c => c.Sequence).ToListAsync();
            var ids = rows.Select(r => r.Id.ToString()).ToList();
            var audited = await db.AuditEntries.Where(a => a.EntityType.Contains(nameof(ClosedYearCorrection)) && ids.Contains(a.EntityId)).CountAsync();
            return (rows.Select(r => (r.Sequence, r.Amount)).ToList(), audited);
        });
        recorded.Item1.ShouldBe([(1, 3_000_000m), (2, 5_000_000m)]);
        recorded.audited.ShouldBe(2, "each part is in the audit trail");
    }

    [ApiFact]
    public async Task Given_a_payment_from_two_sources_When_part_of_it_is_corrected_Then_each_source_gets_back_its_share_and_the_books_agree_LuatKeToan_Dieu27_khoan1_diem_c()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ 2057");
        var other = await SourceAsync(officer, unit, FundingSourceKind.Other, "Nguồn khác 2057");
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2057,
            (BudgetPurpose.ResearchTopics, union.Id, 6_000_000m), (BudgetPurpose.ResearchTopics, other.Id, 4_000_000m));
        var created = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2057", (union.Id, 6_000_000m), (other.Id, 4_000_000m));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var allocation = await created.ReadAsync<AllocationDetail>();
        var paidTx = await PayAsync(officer, province, allocation.Id, 10_000_000m, 2057);
        await CloseAsync(officer, unit, 2057);
        (await OpenYearAsync(officer, unit, 2058)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var corrected = await officer.MoneyAsync(Corrections(allocation.Id), new { transactionId = paidTx, reason = "Chi thừa", amount = 5_000_001m });
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());
        var afterCorrection = await corrected.ReadAsync<AllocationDetail>();
        var back = afterCorrection.Ledger.Where(e => e.Event == LedgerEvent.ClosedYearCorrected && e.Account == AccountKind.Source)
            .ToDictionary(e => e.SourceId, e => e.Debit);
        back.Values.Sum().ShouldBe(5_000_001m);
        back[union.Id].ShouldBe(3_000_001m, "in proportion to each source's share, the đồng of rounding to the larger");
        back[other.Id].ShouldBe(2_000_000m);
        // Each line of the payment links the correction with what it took back of that line's source.
        afterCorrection.Ledger.Where(e => e.TransactionId == paidTx).ShouldAllBe(e => e.ReversedBy.Count == 1 && e.ReversedBy[0].Amount == back[e.SourceId]);
        (await ReconcileAsync(province, unit)).Drifts.ShouldBeEmpty();
    }

    /// <summary>Văn Lâm's allocation of the year from union funds with one tranche requested, approved by another person and paid; the payment's transaction.</summary>
    private async Task<(HttpClient Officer, HttpClient Province, AllocationDetail Allocation, Guid PaidTransaction)> PaidAsync(int year, decimal allocated, decimal paid)
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, $"KPCĐ {year}");
        var budget = await ApprovedBudgetAsync(officer, province, unit, year, (BudgetPurpose.ResearchTopics, union.Id, allocated));
        var created = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, $"Đề tài {year}", (union.Id, allocated));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var allocation = await created.ReadAsync<AllocationDetail>();
        return (officer, province, await AllocationAsync(officer, allocation.Id), await PayAsync(officer, province, allocation.Id, paid, year));
    }

    /// <summary>A tranche of the allocation requested, approved by another person and paid; the payment's transaction.</summary>
    private static async Task<Guid> PayAsync(HttpClient officer, HttpClient province, Guid allocationId, decimal paid, int year)
    {
        var tranche = await (await RequestTrancheAsync(officer, allocationId, paid)).ReadAsync<TrancheView>();
        var approved = await (await province.StepAsync(TrancheRoute(ApproveTranche.Route, tranche), tranche.Version)).ReadAsync<TrancheView>();
        (await officer.MoneyAsync(TrancheRoute(PayTranche.Route, approved), new { voucherNumber = $"PC-{year}-01", paidOn = new DateOnly(year, 5, 1) },
            ifMatch: $"\"{approved.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await AllocationAsync(officer, allocationId)).Ledger.First(e => e.Event == LedgerEvent.TranchePaid).TransactionId;
    }

    private static async Task CloseAsync(HttpClient officer, Guid unitId, int year)
    {
        var years = await (await officer.GetAsync($"{ListFiscalYears.Route}?unitId={unitId}")).ReadAsync<List<FiscalYearView>>();
        var fiscal = years.Single(y => y.Year == year);
        (await officer.StepAsync(CloseFiscalYear.Route.Replace("{id}", fiscal.Id.ToString()), fiscal.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<List<BudgetExecutionRow>> ExecutionAsync(HttpClient client, Guid unitId, int year) =>
        (await (await client.GetAsync($"{GetBudgetExecution.Route}?unitId={unitId}&year={year}")).ReadAsync<BudgetExecutionReport>()).Rows.ToList();
}
