using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Obligations;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Todos;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Issue #12, Participation → Finance: a contracted topic leaves its ordering unit committed to fund it
/// (TopicFundingCommitted → an obligation "to be funded"); when the ordering unit cancels it, TopicFundingWithdrawn
/// withdraws that obligation — nothing is left to fund, no new allocation may fund it, the to-dos stop asking for it —
/// while the money already allocated stays on record (ADR 0013). A topic cancelled before its contract committed
/// nothing and withdraws nothing. Either way the proposing unit's officers are told. HOUSE RULES of the topic
/// lifecycle (no legal text found for union-level topics, see TopicRules).
/// </summary>
public sealed class TopicFundingWithdrawalTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Password = "Demo@2025!x";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [ApiFact]
    public async Task Given_a_contracted_topic_partly_funded_When_the_ordering_unit_cancels_it_Then_its_obligation_is_withdrawn_with_the_reason_nothing_is_left_to_fund_a_new_allocation_is_409_and_the_todos_no_longer_ask()
    {
        var policyLaw = await api.LoginAsync(Users.PolicyLaw);
        var (_, _, selected) = await Participation.TopicEndingTests.SelectedAsync(api, "rutkp", "Đề tài có kinh phí sẽ bị hủy");
        var contracted = await (await Participation.TopicTests.StepAsync(policyLaw, ContractTopic.Route, selected[0].Id, selected[0].Version, new
        {
            contractNumber = "HĐ-RUTKP", contractDate = Today, startDate = Today, endDate = Today.AddMonths(6),
            milestones = new[] { new { title = "Khảo sát", dueDate = Today.AddMonths(2) } },
        })).ReadAsync<TopicDetail>();
        contracted.Status.ShouldBe(TopicStatus.Contracted);

        // The province ordered it: the obligation is the province's, 100,000,000 đ to be funded.
        var finance = await api.LoginAsync(Province);
        var hy = await UnitAsync(finance, "HY");
        var obligation = await ObligationAsync(finance, contracted.Id, o => o is not null, "the inbox consumer to record the obligation");
        (obligation.UnitId, obligation.Total, obligation.State, obligation.StillToBeFunded, obligation.ToBeFunded)
            .ShouldBe((hy, 100_000_000m, ObligationState.Open, 100_000_000m, true));

        // A first 30,000,000 đ is allocated before the cancellation.
        var union = await SourceAsync(finance, hy, FundingSourceKind.UnionFunds, "KPCĐ tỉnh cho đề tài rutkp");
        var budget = await ApprovedBudgetAsync(finance, await api.LoginAsync(ProvinceSecond), hy, 2049, (BudgetPurpose.ResearchTopics, union.Id, 100_000_000m));
        var first = await finance.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.ResearchTopic,
            targetLabel = "", obligationId = obligation.Id, parts = new[] { new { sourceId = union.Id, amount = 30_000_000m } },
        });
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var allocation = await first.ReadAsync<AllocationDetail>();
        var askedBefore = ObligationsToFund(await TodosAsync(finance, hy));
        askedBefore.ShouldBeGreaterThan(0, "the topic's obligation is among those to fund");

        var cancelled = await Participation.TopicTests.StepAsync(policyLaw, CancelTopic.Route, contracted.Id, contracted.Version,
            new { reason = "Đơn vị chủ trì giải thể, không thể thực hiện" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        var withdrawn = await ObligationAsync(finance, contracted.Id, o => o?.State == ObligationState.Withdrawn, "TopicFundingWithdrawn reaching Finance");
        withdrawn.WithdrawalReason.ShouldBe("Đơn vị chủ trì giải thể, không thể thực hiện");
        withdrawn.WithdrawnOn.ShouldBe(Today);
        (withdrawn.StillToBeFunded, withdrawn.ToBeFunded).ShouldBe((0m, false), "a withdrawn obligation asks nothing more");
        (withdrawn.Total, withdrawn.Funded).ShouldBe((100_000_000m, 30_000_000m), "what was committed and allocated stays on record");
        withdrawn.AllocationIds.ShouldBe([allocation.Id]);
        (await AllocationAsync(finance, allocation.Id)).Amount.ShouldBe(30_000_000m, "the allocation made before is never deleted (ADR 0013)");
        (await (await finance.GetAsync($"{ListObligations.Route}?toBeFunded=true")).ReadAsync<List<ObligationView>>())
            .ShouldNotContain(o => o.Id == obligation.Id);

        // A new allocation against it: 409 obligation_withdrawn, in Vietnamese; the budget line keeps its money.
        var inVietnamese = await api.LoginAsync(Province);
        inVietnamese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("vi");
        var refused = await inVietnamese.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.ResearchTopic,
            targetLabel = "", obligationId = obligation.Id, parts = new[] { new { sourceId = union.Id, amount = 10_000_000m } },
        });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "obligation_withdrawn");
        problem.GetProperty("detail").GetString()!.ShouldContain("đã được rút");
        (await (await finance.GetAsync($"{ListObligations.Route}?sourceKind=ResearchTopic")).ReadAsync<List<ObligationView>>())
            .Single(o => o.Id == obligation.Id).AllocationIds.ShouldBe([allocation.Id], "nothing was allocated");

        ObligationsToFund(await TodosAsync(finance, hy)).ShouldBe(askedBefore - 1, "the finance to-dos no longer count the cancelled topic");
    }

    [ApiFact]
    public async Task Given_a_selected_topic_never_contracted_When_cancelled_Then_no_funding_withdrawal_is_published_and_the_proposing_units_officer_is_notified()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var lacHong = await AnnualReportTests.UnitIdAsync(admin, LacHong);
        var officer = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = "canbo.lachong.rutkp@hungyen.demo", fullName = "Cán bộ công đoàn Lạc Hồng", password = Password,
            grants = new[] { new { role = "unit-officer", unitId = lacHong } },
        });
        officer.IsSuccessStatusCode.ShouldBeTrue(await officer.Content.ReadAsStringAsync());

        var policyLaw = await api.LoginAsync(Users.PolicyLaw);
        var (_, _, selected) = await Participation.TopicEndingTests.SelectedAsync(api, "chuaky", "Đề tài chưa ký hợp đồng");
        var cancelled = await Participation.TopicTests.StepAsync(policyLaw, CancelTopic.Route, selected[0].Id, selected[0].Version,
            new { reason = "Không còn phù hợp chủ trương" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        // The proposing unit's officer (not the lead) hears of it, with the reason.
        var unitOfficer = await api.LoginAsync("canbo.lachong.rutkp@hungyen.demo", Password);
        static bool Mine(Khcn.Platform.Features.Notifications.NotificationView i) => i.Kind == "topic.cancelled" && i.Text.Contains("Đề tài chưa ký hợp đồng");
        var notices = await Notices.WaitForAsync(unitOfficer, n => n.Items.Any(Mine), "the proposing unit's cancellation notice, through the outbox");
        var notice = notices.Items.Single(Mine);
        notice.Text.ShouldContain("Không còn phù hợp chủ trương");
        notice.Link.ShouldBe($"/participation/topics/{selected[0].Id}");

        // The notice and the cancellation were saved in one transaction: the outbox holds everything the cancellation
        // published, and no funding withdrawal is among it (nothing was committed); Finance has no obligation for it.
        var published = await api.InScopeAsync(sp => sp.GetRequiredService<ParticipationDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains(selected[0].Id.ToString())).Select(m => m.Type).ToListAsync());
        published.ShouldContain(t => t.Contains(nameof(NoticeRequested)));
        published.ShouldNotContain(t => t.Contains("TopicFundingWithdrawn"));
        published.ShouldNotContain(t => t.Contains("TopicFundingCommitted"));
        var finance = await api.LoginAsync(Province);
        (await (await finance.GetAsync($"{ListObligations.Route}?sourceKind=ResearchTopic")).ReadAsync<List<ObligationView>>())
            .ShouldNotContain(o => o.RecordId == selected[0].Id);
    }

    private static async Task<ObligationView> ObligationAsync(HttpClient finance, Guid topicId, Func<ObligationView?, bool> until, string because)
    {
        ObligationView? obligation = null;
        await Eventually.UntilAsync(async () =>
        {
            var list = await (await finance.GetAsync($"{ListObligations.Route}?sourceKind=ResearchTopic")).ReadAsync<List<ObligationView>>();
            obligation = list.FirstOrDefault(o => o.RecordId == topicId);
            return until(obligation);
        }, because: because);
        return obligation!;
    }

    private static async Task<IReadOnlyList<TodoItem>> TodosAsync(HttpClient client, Guid unitId) =>
        (await (await client.GetAsync($"{GetMyTodos.Route}?unitId={unitId}")).ReadAsync<MyTodos>()).Items;

    private static int ObligationsToFund(IReadOnlyList<TodoItem> todos) => todos.SingleOrDefault(i => i.Kind == "obligation-funding")?.Count ?? 0;
}
