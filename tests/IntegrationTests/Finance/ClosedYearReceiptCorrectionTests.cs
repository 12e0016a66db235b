using System.Net;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.FiscalYears;
using Khcn.Finance.Features.Sources;
using Khcn.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Issue #14: "corrections after closing go into the next open year with a reference" — for a socialised sponsor's
/// receipt as for a payment. Luật Kế toán 88/2015/QH13, Điều 27 khoản 3: an error found after the year was closed is
/// corrected in the books of the year it is found, with an explanation; khoản 1 điểm c: the adjusting entry records the
/// difference, so a receipt recorded with a wrong amount is corrected in parts, never beyond what it brought in. The
/// sponsor's received figure (and with it what allocations may draw) follows; the closed year's books never change.
/// Receipts must not be dated in the future, so these tests use past years of their own (2020–2023) per unit.
/// </summary>
public sealed class ClosedYearReceiptCorrectionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Corrections(Guid sourceId, Guid receiptId) =>
        CorrectClosedYearReceipt.Route.Replace("{sourceId}", sourceId.ToString()).Replace("{receiptId}", receiptId.ToString());

    [ApiFact]
    public async Task Given_a_sponsor_receipt_of_a_closed_year_When_corrected_in_parts_Then_each_lands_in_the_next_open_year_with_the_reference_and_the_sponsors_figures_follow_LuatKeToan_Dieu27()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        (await OpenYearAsync(officer, unit, 2020)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (sponsor, receipt) = await ReceivedAsync(officer, unit, 2020, 50_000_000m, ("PT-2020-01", 30_000_000m));
        var route = Corrections(sponsor.Id, receipt.Id);

        await (await officer.MoneyAsync(route, new { reason = "Ghi nhầm số tiền" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_year_open");
        await CloseAsync(officer, unit, 2020);
        (await OpenYearAsync(officer, unit, 2021)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var booksBefore = await ReconcileAsync(province, unit, 2020);
        (await FundsAsync(officer, sponsor.Id)).Receipts.Single().ShouldSatisfyAllConditions(r => r.CanCorrect.ShouldBeTrue(), r => r.Uncorrected.ShouldBe(30_000_000m));

        await (await officer.PostJsonAsync(route, new { reason = "Ghi nhầm số tiền", amount = 5_000_000m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        (await (await officer.MoneyAsync(route, new { reason = " ", amount = 5_000_000m }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var beyond = await (await officer.MoneyAsync(route, new { reason = "Ghi nhầm số tiền", amount = 30_000_001m }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_exceeds_uncorrected");
        beyond.GetProperty("uncorrected").GetDecimal().ShouldBe(30_000_000m);

        // The receipt was 25 million, not 30: the 5 million difference is corrected into 2021.
        var first = await officer.MoneyAsync(route, new { reason = "Phiếu thu ghi 30 triệu, thực nhận 25 triệu", amount = 5_000_000m }, key: "receipt-part-1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        (await officer.MoneyAsync(route, new { reason = "Phiếu thu ghi 30 triệu, thực nhận 25 triệu", amount = 5_000_000m }, key: "receipt-part-1"))
            .StatusCode.ShouldBe(HttpStatusCode.Created, "a retry under the same key answers the first outcome");
        var funds = (await first.ReadAsync<FundingSourceDetail>()).Sponsor.ShouldNotBeNull();
        (funds.Pledged, funds.Received, funds.Outstanding).ShouldBe((50_000_000m, 25_000_000m, 25_000_000m), "posted once despite the retry");
        var corrected = funds.Receipts.Single(r => r.Id == receipt.Id);
        corrected.Corrections.ShouldHaveSingleItem().ShouldSatisfyAllConditions(x => x.Year.ShouldBe(2021), x => x.Amount.ShouldBe(5_000_000m),
            x => x.Sequence.ShouldBe(1), x => x.Reason.ShouldBe("Phiếu thu ghi 30 triệu, thực nhận 25 triệu"));
        (corrected.Uncorrected, corrected.CanCorrect, corrected.Amount).ShouldBe((25_000_000m, true, 30_000_000m), "the receipt itself stays as recorded");

        // A receipt corrected in part is not reversed whole as well.
        await (await officer.MoneyAsync(ReverseSponsorReceipt.Route.Replace("{sourceId}", sponsor.Id.ToString()).Replace("{receiptId}", receipt.Id.ToString()),
            new { reversedOn = new DateOnly(2021, 2, 1), reason = "Đảo" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_receipt_corrected");

        // What allocations may draw follows the corrected receipts: 25 million, not 30.
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2021, (BudgetPurpose.ResearchTopics, sponsor.Id, 30_000_000m));
        var over = await (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2021", (sponsor.Id, 25_000_001m)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_funds_exceeded");
        over.GetProperty("available").GetDecimal().ShouldBe(25_000_000m);
        (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2021", (sponsor.Id, 25_000_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // The rest, without an amount: the receipt was wrong altogether; the allocation is now beyond what was received.
        var rest = await officer.MoneyAsync(route, new { reason = "Nhà tài trợ chưa chuyển tiền" });
        rest.StatusCode.ShouldBe(HttpStatusCode.Created, await rest.Content.ReadAsStringAsync());
        funds = (await rest.ReadAsync<FundingSourceDetail>()).Sponsor.ShouldNotBeNull();
        (funds.Received, funds.Outstanding, funds.Allocated, funds.AllocatedBeyondReceived).ShouldBe((0m, 50_000_000m, 25_000_000m, 25_000_000m));
        corrected = funds.Receipts.Single(r => r.Id == receipt.Id);
        corrected.Corrections.Select(x => (x.Sequence, x.Year, x.Amount)).ShouldBe([(1, 2021, 5_000_000m), (2, 2021, 25_000_000m)]);
        (corrected.Uncorrected, corrected.CanCorrect).ShouldBe((0m, false));
        await (await officer.MoneyAsync(route, new { reason = "Lần nữa", amount = 1m })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_already_made");

        // The closed year's books never change; each correction is a balanced transaction of 2021 referencing the receipt's.
        var booksAfter = await ReconcileAsync(province, unit, 2020);
        booksAfter.Drifts.ShouldBeEmpty();
        (booksAfter.TotalDebits, booksAfter.Transactions).ShouldBe((booksBefore.TotalDebits, booksBefore.Transactions));
        (await ReconcileAsync(province, unit, 2021)).Drifts.ShouldBeEmpty();
        (await ReconcileAsync(province, unit)).Drifts.ShouldBeEmpty();
        var (entries, audited) = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FinanceDbContext>();
            var receiptTx = (await db.SponsorReceipts.SingleAsync(r => r.Id == receipt.Id)).TransactionId;
            var lines = await db.LedgerEntries.Where(e => e.ReversesTransactionId == receiptTx).ToListAsync();
            var ids = (await db.ClosedYearCorrections.Where(x => x.OriginalTransactionId == receiptTx).ToListAsync()).Select(x => x.Id.ToString()).ToList();
            return (lines, await db.AuditEntries.CountAsync(a => a.EntityType.Contains(nameof(ClosedYearCorrection)) && ids.Contains(a.EntityId)));
        });
        entries.Count.ShouldBe(4, "two balanced pairs");
        entries.ShouldAllBe(e => e.Year == 2021 && e.Event == LedgerEvent.ClosedYearCorrected && e.DocumentId == receipt.Id && e.Memo.Contains("2020"));
        entries.Where(e => e.Debit > 0).ShouldAllBe(e => e.Account == AccountKind.SponsorReceivable);
        entries.Sum(e => e.Debit).ShouldBe(entries.Sum(e => e.Credit));
        audited.ShouldBe(2, "each part is in the audit trail");
    }

    [ApiFact]
    public async Task Given_a_closed_years_receipt_When_reversed_or_a_reversal_or_out_of_scope_or_read_only_Then_409_404_403()
    {
        var officer = await api.LoginAsync(MyHao);
        var unit = await UnitAsync(officer, "MYHAO");
        (await OpenYearAsync(officer, unit, 2022)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (sponsor, receipt) = await ReceivedAsync(officer, unit, 2022, 20_000_000m, ("PT-2022-01", 10_000_000m));
        await CloseAsync(officer, unit, 2022);
        (await OpenYearAsync(officer, unit, 2023)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var reversed = await officer.MoneyAsync(ReverseSponsorReceipt.Route.Replace("{sourceId}", sponsor.Id.ToString()).Replace("{receiptId}", receipt.Id.ToString()),
            new { reversedOn = new DateOnly(2023, 1, 5), reason = "Nhà tài trợ rút lại" });
        reversed.StatusCode.ShouldBe(HttpStatusCode.Created, await reversed.Content.ReadAsStringAsync());
        var reversal = (await FundsAsync(officer, sponsor.Id)).Receipts.Single(r => r.ReversesReceiptId == receipt.Id);
        await (await officer.MoneyAsync(Corrections(sponsor.Id, receipt.Id), new { reason = "Ghi nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_already_made");
        await (await officer.MoneyAsync(Corrections(sponsor.Id, reversal.Id), new { reason = "Ghi nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "correction_year_open"); // the reversal is in the open year 2023
        (await FundsAsync(officer, sponsor.Id)).Receipts.ShouldAllBe(r => !r.CanCorrect && r.Uncorrected == 0m);

        var (_, other) = await ReceivedAsync(officer, unit, 2023, 5_000_000m, ("PT-2023-01", 5_000_000m));
        // A receipt of another source under this one's address.
        await (await officer.MoneyAsync(Corrections(sponsor.Id, other.Id), new { reason = "Ghi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var vanLam = await api.LoginAsync(VanLam);
        await (await vanLam.MoneyAsync(Corrections(sponsor.Id, receipt.Id), new { reason = "Ghi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var leader = await api.LoginAsync(Users.Leader);
        await (await leader.MoneyAsync(Corrections(sponsor.Id, receipt.Id), new { reason = "Ghi nhầm" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await ReconcileAsync(officer, unit)).Drifts.ShouldBeEmpty();
    }

    /// <summary>A new sponsor of the unit that pledged on 1 March of <paramref name="year"/> and paid in the receipts on 1 April; the first receipt.</summary>
    private static async Task<(FundingSourceView Sponsor, SponsorReceiptView Receipt)> ReceivedAsync(HttpClient officer, Guid unit, int year, decimal pledge,
        params (string Voucher, decimal Amount)[] receipts)
    {
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, $"Tài trợ {year} {Guid.NewGuid():N}"[..24]);
        (await officer.MoneyAsync(RecordSponsorPledge.Route.Replace("{sourceId}", sponsor.Id.ToString()), new { amount = pledge, pledgedOn = new DateOnly(year, 3, 1) }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        foreach (var (voucher, amount) in receipts)
        {
            var received = await officer.MoneyAsync(RecordSponsorReceipt.Route.Replace("{sourceId}", sponsor.Id.ToString()),
                new { amount, receivedOn = new DateOnly(year, 4, 1), voucherNumber = voucher });
            received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        }
        return (sponsor, (await FundsAsync(officer, sponsor.Id)).Receipts[0]);
    }

    private static async Task<SponsorFundsView> FundsAsync(HttpClient client, Guid sourceId) =>
        (await (await client.GetAsync(GetFundingSource.For(sourceId))).ReadAsync<FundingSourceDetail>()).Sponsor.ShouldNotBeNull();

    private static async Task CloseAsync(HttpClient officer, Guid unitId, int year)
    {
        var years = await (await officer.GetAsync($"{ListFiscalYears.Route}?unitId={unitId}")).ReadAsync<List<FiscalYearView>>();
        var fiscal = years.Single(y => y.Year == year);
        (await officer.StepAsync(CloseFiscalYear.Route.Replace("{id}", fiscal.Id.ToString()), fiscal.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
