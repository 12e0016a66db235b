using System.Net;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Budgets;
using Khcn.Finance.Features.Sources;
using Khcn.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// A sponsor's pledge and receipts (#14) through HTTP, on the demo's open year 2025 (2024 is closed): posted on the
/// ledger, a receipt beyond the pledge refused, a wrong receipt reversed by a new entry, the Idempotency-Key required,
/// audited, the source's page showing pledged / received / outstanding, and the books still agreeing.
/// </summary>
public sealed class SponsorFundsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string Pledges(Guid sourceId) => RecordSponsorPledge.Route.Replace("{sourceId}", sourceId.ToString());
    private static string Receipts(Guid sourceId) => RecordSponsorReceipt.Route.Replace("{sourceId}", sourceId.ToString());
    private static string Reverse(Guid sourceId, Guid receiptId) =>
        ReverseSponsorReceipt.Route.Replace("{sourceId}", sourceId.ToString()).Replace("{receiptId}", receiptId.ToString());

    private static Task<HttpResponseMessage> ReceiveAsync(HttpClient officer, Guid sourceId, decimal amount, DateOnly on, string voucher, string? key = null) =>
        officer.MoneyAsync(Receipts(sourceId), new { amount, receivedOn = on, voucherNumber = voucher }, key);

    private static async Task<SponsorFundsView> FundsAsync(HttpClient client, Guid sourceId) =>
        (await (await client.GetAsync(GetFundingSource.For(sourceId))).ReadAsync<FundingSourceDetail>()).Sponsor.ShouldNotBeNull();

    [ApiFact]
    public async Task Given_a_sponsor_When_it_pledges_and_pays_in_Then_its_page_shows_pledged_received_outstanding_and_a_receipt_beyond_the_pledge_is_refused()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ Lạc Hồng 2025");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ (không có cam kết)");

        var noKey = await officer.PostJsonAsync(Pledges(sponsor.Id), new { amount = 50_000_000m, pledgedOn = new DateOnly(2025, 1, 10) });
        await noKey.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        var negative = await officer.MoneyAsync(Pledges(sponsor.Id), new { amount = -5m, pledgedOn = new DateOnly(2025, 1, 10) });
        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();
        var fraction = await officer.MoneyAsync(Pledges(sponsor.Id), new { amount = 0.5m, pledgedOn = new DateOnly(2025, 1, 10) });
        await fraction.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await (await officer.MoneyAsync(Pledges(union.Id), new { amount = 1_000_000m, pledgedOn = new DateOnly(2025, 1, 10) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "source_not_sponsor");

        var pledged = await officer.MoneyAsync(Pledges(sponsor.Id), new { amount = 50_000_000m, pledgedOn = new DateOnly(2025, 1, 10), note = "Hợp đồng tài trợ số 01/2025" });
        pledged.StatusCode.ShouldBe(HttpStatusCode.Created, await pledged.Content.ReadAsStringAsync());
        var afterPledge = (await pledged.ReadAsync<FundingSourceDetail>()).Sponsor.ShouldNotBeNull();
        (afterPledge.Pledged, afterPledge.Received, afterPledge.Outstanding).ShouldBe((50_000_000m, 0m, 50_000_000m));

        var received = await ReceiveAsync(officer, sponsor.Id, 30_000_000m, new DateOnly(2025, 2, 1), "PT-LH-01", key: "sponsor-receipt-retry");
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
        var retry = await ReceiveAsync(officer, sponsor.Id, 30_000_000m, new DateOnly(2025, 2, 1), "PT-LH-01", key: "sponsor-receipt-retry");
        retry.StatusCode.ShouldBe(HttpStatusCode.Created, "a retry under the same key answers the first outcome");
        var funds = await FundsAsync(officer, sponsor.Id);
        (funds.Pledged, funds.Received, funds.Outstanding).ShouldBe((50_000_000m, 30_000_000m, 20_000_000m), "the retry posted nothing twice");
        funds.Receipts.ShouldHaveSingleItem().VoucherNumber.ShouldBe("PT-LH-01");

        // Beyond the pledge: refused with what is still outstanding, nothing posted.
        var beyond = await ReceiveAsync(officer, sponsor.Id, 20_000_001m, new DateOnly(2025, 3, 1), "PT-LH-02");
        (await beyond.ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_receipt_exceeds_pledge")).GetProperty("outstanding").GetDecimal().ShouldBe(20_000_000m);
        // Not in a closed fiscal year (the demo closed 2024), not in the future, not the same voucher twice.
        await (await ReceiveAsync(officer, sponsor.Id, 1_000_000m, new DateOnly(2024, 12, 20), "PT-LH-2024"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "fiscal_year_closed");
        var future = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3);
        (await (await ReceiveAsync(officer, sponsor.Id, 1_000_000m, future, "PT-LH-TL")).ShouldBeProblemAsync(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("receivedOn", out _).ShouldBeTrue();
        await (await ReceiveAsync(officer, sponsor.Id, 1_000_000m, new DateOnly(2025, 3, 1), "PT-LH-01"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_voucher_duplicate");
        var noVoucher = await ReceiveAsync(officer, sponsor.Id, 1_000_000m, new DateOnly(2025, 3, 1), "");
        (await noVoucher.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("voucherNumber", out _).ShouldBeTrue();

        var exactly = await ReceiveAsync(officer, sponsor.Id, 20_000_000m, new DateOnly(2025, 3, 1), "PT-LH-02");
        exactly.StatusCode.ShouldBe(HttpStatusCode.Created, await exactly.Content.ReadAsStringAsync());
        funds = await FundsAsync(province, sponsor.Id);
        (funds.Pledged, funds.Received, funds.Outstanding).ShouldBe((50_000_000m, 50_000_000m, 0m));

        (await ReconcileAsync(province, unit)).Drifts.ShouldBeEmpty("received = the receipts on the ledger, outstanding = its balance row");
        (await ReconcileAsync(province, unit, 2025)).Drifts.ShouldBeEmpty();
        var recorded = funds.Receipts.Select(r => r.Id.ToString()).Append(funds.Pledges.ShouldHaveSingleItem().Id.ToString()).ToList();
        var audited = await api.InScopeAsync(sp => sp.GetRequiredService<FinanceDbContext>().AuditEntries
            .Where(a => recorded.Contains(a.EntityId)).Select(a => a.EntityId).ToListAsync());
        audited.Distinct().Count().ShouldBe(3, "the pledge and both receipts are in the audit trail");
    }

    [ApiFact]
    public async Task Given_a_wrong_receipt_When_reversed_Then_a_new_entry_references_it_the_original_stays_and_it_cannot_be_reversed_twice()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ Như Quỳnh 2025");
        (await officer.MoneyAsync(Pledges(sponsor.Id), new { amount = 10_000_000m, pledgedOn = new DateOnly(2025, 1, 5) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var wrong = (await (await ReceiveAsync(officer, sponsor.Id, 4_000_000m, new DateOnly(2025, 2, 3), "PT-NQ-07")).ReadAsync<FundingSourceDetail>())
            .Sponsor!.Receipts.ShouldHaveSingleItem();

        await (await officer.PostJsonAsync(Reverse(sponsor.Id, wrong.Id), new { reversedOn = new DateOnly(2025, 2, 4), reason = "Nhập nhầm" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "idempotency_key_required");
        (await (await officer.MoneyAsync(Reverse(sponsor.Id, wrong.Id), new { reversedOn = new DateOnly(2025, 2, 4), reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var reversed = await officer.MoneyAsync(Reverse(sponsor.Id, wrong.Id), new { reversedOn = new DateOnly(2025, 2, 4), reason = "Nhập nhầm số tiền" });
        reversed.StatusCode.ShouldBe(HttpStatusCode.Created, await reversed.Content.ReadAsStringAsync());
        var funds = (await reversed.ReadAsync<FundingSourceDetail>()).Sponsor!;
        (funds.Received, funds.Outstanding).ShouldBe((0m, 10_000_000m));
        funds.Receipts.Count.ShouldBe(2, "the original stays; the reversal is a new entry");
        funds.Receipts.Single(r => r.Id == wrong.Id).ReversedByReceiptId.ShouldNotBeNull();
        funds.Receipts.Single(r => r.ReversesReceiptId == wrong.Id).Note.ShouldBe("Nhập nhầm số tiền");

        await (await officer.MoneyAsync(Reverse(sponsor.Id, wrong.Id), new { reversedOn = new DateOnly(2025, 2, 5), reason = "Lần nữa" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_receipt_reversed");
        // The voucher of a reversed receipt can be entered again, rightly this time.
        (await ReceiveAsync(officer, sponsor.Id, 400_000m, new DateOnly(2025, 2, 5), "PT-NQ-07")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var entries = await api.InScopeAsync(sp => sp.GetRequiredService<FinanceDbContext>().LedgerEntries.AsNoTracking()
            .Where(e => e.SourceId == sponsor.Id && e.Event == LedgerEvent.SponsorReceiptReversed).ToListAsync());
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.ReversesTransactionId != null);
        (await ReconcileAsync(province, unit)).Drifts.ShouldBeEmpty();

        // Outside the caller's scope: 404, nothing recorded.
        var myHao = await api.LoginAsync(MyHao);
        (await myHao.GetAsync(GetFundingSource.For(sponsor.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReceiveAsync(myHao, sponsor.Id, 1_000_000m, new DateOnly(2025, 2, 6), "PT-X")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_sponsor_that_paid_in_part_of_its_pledge_When_an_allocation_draws_beyond_what_it_paid_in_Then_409_naming_the_sponsor_and_what_is_available_and_nothing_moves()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ Lạc Hồng 2051");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ 2051");
        // Pledged 30.000.000, paid in 10.000.001 so far: the budget line (25.000.000) is not what binds, the receipts are.
        (await officer.MoneyAsync(Pledges(sponsor.Id), new { amount = 30_000_000m, pledgedOn = new DateOnly(2025, 4, 1) })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await ReceiveAsync(officer, sponsor.Id, 10_000_001m, new DateOnly(2025, 4, 2), "PT-2051-01")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2051,
            (BudgetPurpose.ResearchTopics, union.Id, 50_000_000m), (BudgetPurpose.ResearchTopics, sponsor.Id, 25_000_000m));
        var first = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 A", (union.Id, 10_000_000m), (sponsor.Id, 4_000_000m));
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());

        var inVietnamese = await api.LoginAsync(VanLam);
        inVietnamese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var beyond = await AllocateAsync(inVietnamese, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 B", (union.Id, 10_000_000m), (sponsor.Id, 6_000_002m));
        var problem = await beyond.ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_funds_exceeded");
        problem.GetProperty("available").GetDecimal().ShouldBe(6_000_001m);
        problem.GetProperty("sourceId").GetGuid().ShouldBe(sponsor.Id);
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldContain("Công ty CP Dệt may Lạc Hồng");
        detail.ShouldContain("Nhà tài trợ 'Công ty CP Dệt may Lạc Hồng' chỉ còn 6.000.001 đồng đã thực nhận chưa phân bổ");
        var lines = (await (await officer.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>()).Lines;
        lines.Single(l => l.SourceId == union.Id).Unallocated.ShouldBe(40_000_000m, "the union part drawn before the sponsor's was refused is rolled back");
        lines.Single(l => l.SourceId == sponsor.Id).Unallocated.ShouldBe(21_000_000m);
        (await FundsAsync(officer, sponsor.Id)).Allocated.ShouldBe(4_000_000m);
        (await ReconcileAsync(province, unit, 2051)).Drifts.ShouldBeEmpty();

        var exactly = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 B", (union.Id, 10_000_000m), (sponsor.Id, 6_000_001m));
        exactly.StatusCode.ShouldBe(HttpStatusCode.Created, await exactly.Content.ReadAsStringAsync());
        var funds = await FundsAsync(officer, sponsor.Id);
        (funds.Received, funds.Allocated, funds.AllocatedBeyondReceived).ShouldBe((10_000_001m, 10_000_001m, 0m));
        (await (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 C", (sponsor.Id, 1m)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_funds_exceeded")).GetProperty("available").GetDecimal().ShouldBe(0m);

        // Settling the first allocation unspent returns its 4.000.000 to the line: the sponsor's money is available again.
        var a = await first.ReadAsync<AllocationDetail>();
        (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", a.Id.ToString()), new { spent = 0m }, ifMatch: $"\"{(await AllocationAsync(officer, a.Id)).Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // The source's page reads "allocated" from the ledger, the one definition the rule checks: net of the settlement return.
        (await FundsAsync(officer, sponsor.Id)).ShouldSatisfyAllConditions(f => f.Allocated.ShouldBe(6_000_001m), f => f.AllocatedBeyondReceived.ShouldBe(0m));
        (await (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 C", (sponsor.Id, 4_000_001m)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "sponsor_funds_exceeded")).GetProperty("available").GetDecimal().ShouldBe(4_000_000m);
        (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2051 C", (sponsor.Id, 4_000_000m))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await FundsAsync(officer, sponsor.Id)).Allocated.ShouldBe(10_000_001m);
        (await ReconcileAsync(province, unit, 2051)).Drifts.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_the_demo_sponsors_When_reading_them_Then_their_receipts_cover_their_allocations_and_the_books_agree()
    {
        var province = await api.LoginAsync(Province);
        var sources = await (await province.GetAsync(ListFundingSources.Route)).ReadAsync<List<FundingSourceView>>();
        var demo = sources.Where(s => s.Kind == FundingSourceKind.Sponsor && s.Name == "Tài trợ xã hội hoá").ToList();
        demo.Count.ShouldBe(3, "the province, Văn Lâm and Mỹ Hào");
        foreach (var s in demo)
        {
            var funds = await FundsAsync(province, s.Id);
            funds.Received.ShouldBeGreaterThan(0m);
            funds.Pledged.ShouldBe(funds.Received + funds.Outstanding);
            funds.Allocated.ShouldBeGreaterThan(0m);
            funds.AllocatedBeyondReceived.ShouldBe(0m, $"{s.UnitName}: its allocations are covered by what it paid in");
            funds.Receipts.Count(r => r.ReversesReceiptId is not null).ShouldBe(1, "the demo shows a reversed receipt");
        }
        (await ReconcileAsync(province)).Drifts.ShouldBeEmpty();
    }
}
