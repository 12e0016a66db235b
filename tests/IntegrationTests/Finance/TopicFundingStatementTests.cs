using System.Net;
using Khcn.BuildingBlocks.Files;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Statements;
using Khcn.IntegrationTests.Support;
using MiniExcelLibs;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// A research topic's funding statement (#14): every đồng by source and tranche, and it agrees with the ledger —
/// the allocation's own entries, read independently here — to the đồng, on screen and in the spreadsheet.
/// </summary>
public sealed class TopicFundingStatementTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_a_topic_funded_from_two_sources_with_paid_pending_and_rejected_tranches_Then_its_statement_agrees_with_the_ledger_to_the_dong()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ đề tài 2045");
        var state = await SourceAsync(officer, unit, FundingSourceKind.StateBudget, "Ngân sách đề tài 2045");
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2045,
            (BudgetPurpose.ResearchTopics, union.Id, 70_000_000m), (BudgetPurpose.ResearchTopics, state.Id, 50_000_000m));
        var topicId = Guid.CreateVersion7();
        var created = await officer.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.ResearchTopic, targetId = topicId,
            targetLabel = "Đề tài: Cảm biến cảnh báo sớm cho máy dệt",
            parts = new[] { new { sourceId = state.Id, amount = 40_000_001m }, new { sourceId = union.Id, amount = 59_999_999m } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var allocation = await created.ReadAsync<AllocationDetail>();

        var advance = await (await RequestTrancheAsync(officer, allocation.Id, 33_333_333m)).ReadAsync<TrancheView>();
        var approved = await (await province.StepAsync(TrancheRoute(ApproveTranche.Route, advance), advance.Version)).ReadAsync<TrancheView>();
        (await officer.MoneyAsync(TrancheRoute(PayTranche.Route, approved), new { voucherNumber = "PC-45-01", paidOn = new DateOnly(2045, 3, 2) },
            ifMatch: $"\"{approved.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var rejected = await (await RequestTrancheAsync(officer, allocation.Id, 5_000_000m, TrancheKind.Milestone)).ReadAsync<TrancheView>();
        (await province.MoneyAsync(TrancheRoute(RejectTranche.Route, rejected), new { reason = "Chưa nghiệm thu mốc" }, ifMatch: $"\"{rejected.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        _ = await (await RequestTrancheAsync(officer, allocation.Id, 20_000_000m, TrancheKind.Milestone)).ReadAsync<TrancheView>();

        var response = await officer.GetAsync(GetTopicFundingStatement.For(topicId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var statement = await response.ReadAsync<TopicFundingStatement>();
        var ledger = (await AllocationAsync(officer, allocation.Id)).Ledger;
        var trancheIds = (await AllocationAsync(officer, allocation.Id)).Tranches.Select(t => t.Id).ToHashSet();
        decimal Balance(AccountKind account, Guid source, Func<Guid, bool> id) =>
            ledger.Where(e => e.Account == account && e.SourceId == source && id(e.AccountId)).Sum(e => e.Debit - e.Credit);

        statement.Title.ShouldBe("Đề tài: Cảm biến cảnh báo sớm cho máy dệt");
        statement.Allocations.ShouldHaveSingleItem().Tranches.Count.ShouldBe(3);
        foreach (var s in statement.Sources)
        {
            s.Allocated.ShouldBe(s.SourceId == state.Id ? 40_000_001m : 59_999_999m);
            s.Remaining.ShouldBe(Balance(AccountKind.Allocation, s.SourceId, id => id == allocation.Id));
            s.Requested.ShouldBe(Balance(AccountKind.Payable, s.SourceId, trancheIds.Contains));
            s.Held.ShouldBe(Balance(AccountKind.Disbursed, s.SourceId, id => id == allocation.Id));
            s.Paid.ShouldBe(ledger.Where(e => e.Event == LedgerEvent.TranchePaid && e.Account == AccountKind.Disbursed && e.SourceId == s.SourceId).Sum(e => e.Debit));
            (s.Remaining + s.Requested + s.Held + s.Spent + s.Returned).ShouldBe(s.Allocated, "every đồng of the source is somewhere");
        }
        statement.Allocated.ShouldBe(100_000_000m);
        statement.Paid.ShouldBe(33_333_333m);
        statement.Requested.ShouldBe(20_000_000m);
        statement.Remaining.ShouldBe(100_000_000m - 33_333_333m - 20_000_000m);
        foreach (var t in statement.Allocations[0].Tranches) t.Shares.Sum(x => x.Amount).ShouldBe(t.Amount, "a tranche's shares add up to it exactly");
        // The paid advance split in proportion to what each source held (59,999,999 : 40,000,001): the leftover đồng to the larger fraction.
        statement.Allocations[0].Tranches.Single(t => t.Id == advance.Id).Shares.Select(x => x.Amount).ShouldBe([19_999_999m, 13_333_334m]);
        var reconciliation = await ReconcileAsync(province, unit, 2045);
        reconciliation.Drifts.ShouldBeEmpty();
        reconciliation.Sources.Sum(r => r.Allocated).ShouldBe(statement.Allocated);

        var xlsx = await officer.GetAsync(GetTopicFundingStatement.For(topicId) + ".xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(GeneratedFile.Xlsx);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        stream.GetSheetNames().ShouldBe(["Theo nguồn", "Theo đợt giải ngân"]);
        var bySource = stream.ReportRows("Theo nguồn");
        bySource.Count.ShouldBe(3);
        var total = bySource[^1];
        total["Nguồn"].ShouldBe("Tổng cộng");
        Convert.ToDecimal(total["Được phân bổ"]).ShouldBe(100_000_000m);
        Convert.ToDecimal(total["Đã chi"]).ShouldBe(33_333_333m);
        bySource.Take(2).Sum(r => Convert.ToDecimal(r["Chưa đề nghị"])).ShouldBe(statement.Remaining);
        var byTranche = stream.ReportRows("Theo đợt giải ngân");
        byTranche.Where(r => (string)r["Trạng thái"] == "Đã chi").Sum(r => Convert.ToDecimal(r["Số tiền"])).ShouldBe(33_333_333m);

        var myHao = await api.LoginAsync(MyHao);
        await (await myHao.GetAsync(GetTopicFundingStatement.For(topicId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await api.LoginAsync(Users.Leader)).GetAsync(GetTopicFundingStatement.For(topicId))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ApiFact]
    public async Task Given_a_topic_allocated_by_its_label_alone_as_the_SPA_form_does_Then_it_gets_an_id_and_its_statement()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ đề tài 2048");
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2048, (BudgetPurpose.ResearchTopics, union.Id, 10_000_000m));
        var created = await officer.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.ResearchTopic,
            targetLabel = "Đề tài: Số hoá sổ tay an toàn lao động", parts = new[] { new { sourceId = union.Id, amount = 3_000_001m } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var allocation = await created.ReadAsync<AllocationDetail>();
        var topicId = allocation.TargetId.ShouldNotBeNull("a topic given by its label gets an id of its own");

        var statement = await (await officer.GetAsync(GetTopicFundingStatement.For(topicId))).ReadAsync<TopicFundingStatement>();
        statement.Allocations.ShouldHaveSingleItem().Id.ShouldBe(allocation.Id);
        statement.Allocated.ShouldBe(3_000_001m);

        // Other targets named by their label alone keep no id.
        var seminar = await (await officer.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.Other,
            targetLabel = "Hội thảo", parts = new[] { new { sourceId = union.Id, amount = 1m } },
        })).ReadAsync<AllocationDetail>();
        seminar.TargetId.ShouldBeNull();
    }
}
