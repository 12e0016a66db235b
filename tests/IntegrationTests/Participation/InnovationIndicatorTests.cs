using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Khcn.Organization.Features.Reports;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Initiatives;
using Khcn.Participation.Features.Topics;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The innovation figures (issue 12 "Everywhere", issue 13 "Indicators"): initiatives, research topics and
/// commendations reach the plan dashboard and the annual report through their indicator sources, with the same
/// numbers the module's own screens show; plan 405's targets sit beside them.
/// </summary>
public sealed class InnovationIndicatorTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Exact figures (fresh=true): a default read may answer with a part computed before this class's earlier writes.
    private static string DashboardOf(Guid unitId, int year) => $"{GetDashboard.Route}?unitId={unitId}&year={year}&fresh=true";

    private static decimal Figure(Dashboard dashboard, string key) => dashboard.Indicators.Single(i => i.Key == key).Value;

    [ApiFact]
    public async Task Given_the_demo_initiatives_When_the_dashboard_of_VanLam_is_read_Then_the_recognised_ones_and_their_exact_benefit_are_counted_in_their_decision_year()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var recognised = (await (await officer.GetAsync($"{ListInitiatives.Route}?status=Recognised&pageSize=100"))
            .ReadAsync<PagedResult<InitiativeListItem>>()).Items;
        recognised.Count.ShouldBeGreaterThanOrEqualTo(5, "the demo has five recognised initiatives in Văn Lâm");
        var year = recognised.GroupBy(i => i.DecisionDate!.Value.Year).OrderByDescending(g => g.Count()).First().Key;
        var ofYear = recognised.Where(i => i.DecisionDate!.Value.Year == year).ToList();

        var dashboard = await (await officer.GetAsync(DashboardOf(vanLam, year))).ReadAsync<Dashboard>();
        Figure(dashboard, "participation.initiatives-recognised").ShouldBe(ofYear.Count);
        Figure(dashboard, "participation.initiative-benefit").ShouldBe(ofYear.Sum(i => i.YearlyBenefit), "exact VND, added up over the subtree");
        Figure(dashboard, "participation.initiatives-submitted").ShouldBeGreaterThan(0m);

        // Plan 405's CT05 (1,500 initiatives recognised over 2023–2025) is the target of the figure on the province's dashboard.
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var planYear = await (await leader.GetAsync(DashboardOf(province, 2025))).ReadAsync<Dashboard>();
        planYear.Indicators.Single(i => i.Key == "participation.initiatives-recognised").Target!.Target.ShouldBe(1500m, "plan 405's CT05");
        var whole = await (await leader.GetAsync(DashboardOf(province, year))).ReadAsync<Dashboard>();
        Figure(whole, "participation.initiatives-recognised").ShouldBeGreaterThanOrEqualTo(ofYear.Count, "the province holds Văn Lâm");
    }

    [ApiFact]
    public async Task Given_the_demo_topics_and_commendations_When_the_province_dashboard_is_read_Then_topics_ordered_and_accepted_and_people_honoured_follow_their_dates()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var topics = new List<TopicDetail>();
        foreach (var t in (await (await leader.GetAsync($"{ListTopics.Route}?pageSize=100")).ReadAsync<PagedResult<TopicListItem>>()).Items)
            topics.Add(await (await leader.GetAsync(GetTopic.Route.Replace("{id}", t.Id.ToString()))).ReadAsync<TopicDetail>());
        var accepted = topics.Where(t => t.Rating is AcceptanceRating.Excellent or AcceptanceRating.Good or AcceptanceRating.Pass).ToList();
        accepted.ShouldNotBeEmpty("the demo has a topic accepted 'Khá'");
        var year = accepted[0].DecisionDate!.Value.Year;

        var dashboard = await (await leader.GetAsync(DashboardOf(province, year))).ReadAsync<Dashboard>();
        Figure(dashboard, "participation.topics-accepted").ShouldBe(accepted.Count(t => t.DecisionDate!.Value.Year == year));
        Figure(dashboard, "participation.topics-ordered").ShouldBe(topics.Count(t => t.ContractDate?.Year == year));
        (await (await leader.GetAsync(DashboardOf(province, 2025))).ReadAsync<Dashboard>())
            .Indicators.Single(i => i.Key == "participation.topics-ordered").Target!.Target.ShouldBe(6m, "plan 405's CT06");

        var approved = new List<ProposalDetail>();
        foreach (var p in (await (await leader.GetAsync($"{ListCommendationProposals.Route}?status=Approved&pageSize=100")).ReadAsync<PagedResult<ProposalListItem>>()).Items)
            approved.Add(await (await leader.GetAsync(GetCommendationProposal.For(p.Id))).ReadAsync<ProposalDetail>());
        approved.ShouldNotBeEmpty("the demo has decided commendations");
        var decided = approved[0].DecisionDate!.Value.Year;
        var honoured = await (await leader.GetAsync(DashboardOf(province, decided))).ReadAsync<Dashboard>();
        var ofYear = approved.Where(p => p.DecisionDate!.Value.Year == decided).SelectMany(p => p.Nominees).ToList();
        Figure(honoured, "participation.people-honoured").ShouldBe(ofYear.Count(n => n.Kind == NomineeKind.Person));
        Figure(honoured, "participation.collectives-honoured").ShouldBe(ofYear.Count(n => n.Kind == NomineeKind.Unit));
    }

    [ApiFact]
    public async Task Given_the_standard_report_template_When_its_innovation_indicators_are_read_Then_each_is_prefilled_from_the_participation_module()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var catalogue = await (await officer.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();
        var sources = catalogue.Sources.Select(s => s.Key).ToHashSet();
        foreach (var (code, key) in new[]
        {
            ("initiatives_submitted", "participation.initiatives-submitted"), ("initiatives_recognised", "participation.initiatives-recognised"),
            ("initiative_benefit", "participation.initiative-benefit"), ("topics_ordered", "participation.topics-ordered"),
            ("topics_accepted", "participation.topics-accepted"), ("people_honoured", "participation.people-honoured"),
            ("collectives_honoured", "participation.collectives-honoured"),
        })
        {
            catalogue.DefaultTemplate.Single(i => i.Code == code).Source.ShouldBe(key, code);
            sources.ShouldContain(key, "the source is registered, so the report of a unit is pre-filled with it");
        }
    }
}
