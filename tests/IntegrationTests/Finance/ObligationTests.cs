using System.Net;
using System.Net.Http.Json;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Obligations;
using Khcn.BuildingBlocks.Security;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Contracts;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Participation publishes InitiativeRecognised (Decree 13/2012/NĐ-CP art. 10 remuneration); Finance records it
/// through its inbox as an obligation "to be funded" of the recognising unit, funded by an initiative-remuneration allocation.
/// </summary>
public sealed class ObligationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";

    [ApiFact]
    public async Task Given_a_recognised_initiative_When_the_event_arrives_Then_an_obligation_is_to_be_funded_until_an_allocation_funds_it()
    {
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var decider = await api.LoginAsync(Users.VanLamOfficer);
        var lacHong = await UnitAsync(member, LacHong);
        var initiativeId = await RecognisedInitiativeAsync(member, decider, lacHong, "Khung căng sợi tự cân bằng", 50_000_000m);

        var finance = await api.LoginAsync(VanLam);
        ObligationView? obligation = null;
        await Eventually.UntilAsync(async () =>
        {
            var list = await (await finance.GetAsync($"{ListObligations.Route}?toBeFunded=true")).ReadAsync<List<ObligationView>>();
            obligation = list.FirstOrDefault(o => o.SourceKind == ObligationSourceKind.Initiative && o.RecordId == initiativeId);
            return obligation is not null;
        }, because: "the inbox consumer to record the obligation");
        obligation!.UnitId.ShouldBe(lacHong);
        obligation.Years.Count.ShouldBe(3);
        obligation.Years[0].AuthorsTotal.ShouldBe(3_500_000m, "7% of the yearly benefit, Decree 13/2012/NĐ-CP art. 10(1)");
        obligation.Total.ShouldBe(obligation.Years.Sum(y => y.AuthorsTotal + y.OrganisersMinimum));
        obligation.ToBeFunded.ShouldBeTrue();
        (await (await (await api.LoginAsync(MyHao)).GetAsync(ListObligations.Route)).ReadAsync<List<ObligationView>>())
            .ShouldNotContain(o => o.Id == obligation.Id, "Mỹ Hào does not see Văn Lâm's obligations");

        var province = await api.LoginAsync(Province);
        var union = await SourceAsync(finance, lacHong, FundingSourceKind.UnionFunds, "KPCĐ Lạc Hồng");
        var budget = await ApprovedBudgetAsync(finance, province, lacHong, 2043, (BudgetPurpose.InitiativeRemuneration, union.Id, 50_000_000m));
        var funded = await finance.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.InitiativeRemuneration, targetKind = AllocationTargetKind.InitiativeRemuneration,
            targetLabel = "", obligationId = obligation.Id, parts = new[] { new { sourceId = union.Id, amount = decimal.Ceiling(obligation.Total) } },
        });
        funded.StatusCode.ShouldBe(HttpStatusCode.Created, await funded.Content.ReadAsStringAsync());
        var allocation = await funded.ReadAsync<AllocationDetail>();
        allocation.TargetId.ShouldBe(initiativeId);
        allocation.TargetLabel.ShouldContain("Khung căng sợi");

        var after = (await (await finance.GetAsync(ListObligations.Route)).ReadAsync<List<ObligationView>>()).Single(o => o.Id == obligation.Id);
        after.ToBeFunded.ShouldBeFalse();
        after.AllocationIds.ShouldBe([allocation.Id]);
        (await (await finance.GetAsync($"{ListObligations.Route}?toBeFunded=true")).ReadAsync<List<ObligationView>>()).ShouldNotContain(o => o.Id == obligation.Id);
    }

    [ApiFact]
    public async Task Given_a_contracted_topic_When_TopicFundingCommitted_arrives_twice_and_is_republished_Then_one_ResearchTopic_obligation_funded_from_research_topics()
    {
        var finance = await api.LoginAsync(VanLam);
        var lacHong = await UnitAsync(finance, LacHong);
        var topicId = Guid.CreateVersion7();
        var committed = new TopicFundingCommitted(Guid.CreateVersion7(), DateTime.UtcNow, topicId, lacHong, lacHong, "Giảm tai nạn lao động ngành dệt",
            "07/HĐ-ĐT", new DateOnly(2044, 2, 1), new DateOnly(2044, 3, 1), new DateOnly(2045, 2, 28), 100_000_000m,
            [new TopicFundingAmount("UnionFunds", 60_000_000m), new TopicFundingAmount("Sponsor", 40_000_000m)]);
        await DeliverAsync(committed);
        await DeliverAsync(committed); // the same message again: the inbox drops it
        await DeliverAsync(committed with { EventId = Guid.CreateVersion7() }); // published once more: still one obligation per topic

        var all = await (await finance.GetAsync($"{ListObligations.Route}?sourceKind=ResearchTopic")).ReadAsync<List<ObligationView>>();
        var obligation = all.ShouldHaveSingleItem(all.Count.ToString());
        obligation.SourceKind.ShouldBe(ObligationSourceKind.ResearchTopic);
        obligation.RecordId.ShouldBe(topicId);
        obligation.UnitId.ShouldBe(lacHong);
        obligation.Total.ShouldBe(100_000_000m);
        obligation.CertificateNumber.ShouldBe("07/HĐ-ĐT");
        obligation.LegalBasis.ShouldContain("Kinh phí công đoàn: 60.000.000 đ");
        (await (await finance.GetAsync($"{ListObligations.Route}?sourceKind=Initiative")).ReadAsync<List<ObligationView>>())
            .ShouldNotContain(o => o.RecordId == topicId);

        // Funded from the research-topic line, the allocation pays for the topic itself; from another purpose it is refused.
        var province = await api.LoginAsync(Province);
        var union = await SourceAsync(finance, lacHong, FundingSourceKind.UnionFunds, "KPCĐ đề tài");
        var budget = await ApprovedBudgetAsync(finance, province, lacHong, 2044,
            (BudgetPurpose.ResearchTopics, union.Id, 100_000_000m), (BudgetPurpose.InitiativeRemuneration, union.Id, 1_000_000m));
        var wrong = await finance.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.InitiativeRemuneration, targetKind = AllocationTargetKind.InitiativeRemuneration,
            targetLabel = "", obligationId = obligation.Id, parts = new[] { new { sourceId = union.Id, amount = 1_000_000m } },
        });
        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("obligationId", out _).ShouldBeTrue();
        var funded = await finance.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId = budget.Id, purpose = BudgetPurpose.ResearchTopics, targetKind = AllocationTargetKind.Other,
            targetLabel = "", obligationId = obligation.Id, parts = new[] { new { sourceId = union.Id, amount = 100_000_000m } },
        });
        funded.StatusCode.ShouldBe(HttpStatusCode.Created, await funded.Content.ReadAsStringAsync());
        var allocation = await funded.ReadAsync<AllocationDetail>();
        allocation.TargetKind.ShouldBe(AllocationTargetKind.ResearchTopic);
        allocation.TargetId.ShouldBe(topicId);
        allocation.TargetLabel.ShouldBe("Đề tài: Giảm tai nạn lao động ngành dệt");
    }

    /// <summary>Hands an event to its in-process subscribers the way the outbox dispatcher does (a scope of its own, as the system).</summary>
    private async Task DeliverAsync(object @event)
    {
        using var scope = api.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<AccessContext>().UseSystem();
        await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(@event);
    }

    private static async Task<Guid> RecognisedInitiativeAsync(HttpClient member, HttpClient decider, Guid unitId, string title, decimal benefit)
    {
        var created = await member.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId, title, field = "Dệt may", kind = "Technical", problem = "Sợi chùng", currentState = "Chỉnh tay", solution = "Khung tự cân bằng",
            appliedAt = "Xưởng dệt", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false, yearlyBenefit = benefit,
            socialBenefit = "An toàn", firstApplicationParticipants = "Tổ bảo trì", noveltyDeclared = true,
            authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = "doanvien@hungyen.demo", sharePercent = 100m } },
        });
        var draft = await created.ReadAsync<InitiativeDetail>();
        var submitted = await Step(member, SubmitInitiative.Route, draft.Id, draft.Version, new { });
        var checkedAll = await Step(decider, RecordRecognitionConditions.Route, submitted.Id, submitted.Version, new
        {
            checks = Enum.GetValues<RecognitionCondition>().Select(c => new { condition = c.ToString(), met = true, note = "Đạt" }).ToArray(),
        }, HttpMethod.Put);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var recognised = await Step(decider, RecogniseInitiative.Route, checkedAll.Id, checkedAll.Version, new { certificateNumber = "09/CN-TC", decisionDate = today });
        recognised.Status.ShouldBe(InitiativeStatus.Recognised);
        return recognised.Id;
    }

    private static async Task<InitiativeDetail> Step(HttpClient client, string route, Guid id, long version, object body, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await (await client.SendAsync(request)).ReadAsync<InitiativeDetail>();
    }
}
