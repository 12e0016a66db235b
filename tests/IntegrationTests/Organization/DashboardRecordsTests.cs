using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The records behind a dashboard figure (issue 15: "a click on '12 initiatives recognised' lists them"): each module
/// lists its own indicators' records, they add up to the figure, for the subtree, a sub-unit or the unit's own, never
/// outside the caller's scope; and the dashboard, kept per the modules' data stamps, shows a write at the next read.
/// </summary>
public sealed class DashboardRecordsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    // Exact figures (fresh=true): a default read may answer with a part computed before this class's earlier writes.
    private static string DashboardOf(Guid unitId, int year) => $"{GetDashboard.Route}?unitId={unitId}&year={year}&fresh=true";

    private static string RecordsOf(string key, Guid unitId, int year, bool own = false, int page = 1, int pageSize = 200) =>
        $"{GetDashboardRecords.Route}?key={Uri.EscapeDataString(key)}&unitId={unitId}&year={year}&own={own}&page={page}&pageSize={pageSize}";

    private static async Task<List<DashboardRecord>> AllRecordsAsync(HttpClient client, string key, Guid unitId, int year, bool own = false)
    {
        var all = new List<DashboardRecord>();
        for (var page = 1; ; page++)
        {
            var records = await (await client.GetAsync(RecordsOf(key, unitId, year, own, page))).ReadAsync<DashboardRecords>();
            all.AddRange(records.Items);
            if (all.Count >= records.Total || records.Items.Count == 0) return all;
        }
    }

    [ApiFact]
    public async Task Given_the_demo_data_When_the_records_behind_initiatives_recognised_and_courses_held_are_listed_Then_their_count_is_the_figure()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var checkedFigures = new HashSet<string>();
        // The plan's years and this one (the demo's courses are completed relative to the day it is seeded).
        foreach (var year in Enumerable.Range(2023, Math.Max(2025, DateTime.UtcNow.AddHours(7).Year) - 2023 + 1))
        {
            var dashboard = await (await leader.GetAsync(DashboardOf(province, year))).ReadAsync<Dashboard>();
            foreach (var indicator in dashboard.Indicators.Where(i => i.HasRecords))
            {
                var records = await AllRecordsAsync(leader, indicator.Key, province, year);
                records.Sum(r => r.Value).ShouldBe(indicator.Value, $"{indicator.Key} {year}: the records add up to the figure");
                if (indicator.Key is "participation.initiatives-recognised" or "training.courses-held")
                {
                    records.Count.ShouldBe((int)indicator.Value, $"{indicator.Key} {year}: one record per counted initiative or course");
                    if (indicator.Value > 0) checkedFigures.Add(indicator.Key);
                }
                records.ShouldAllBe(r => r.Id != Guid.Empty && r.Title != "" && r.UnitName != "");
            }
        }
        checkedFigures.ShouldBe(["participation.initiatives-recognised", "training.courses-held"], ignoreOrder: true,
            "the demo recognises initiatives and completes courses in the plan's years");

        var indicators = (await (await leader.GetAsync(DashboardOf(province, 2025))).ReadAsync<Dashboard>()).Indicators;
        indicators.Single(i => i.Key == "participation.initiatives-recognised").HasRecords.ShouldBeTrue();
        indicators.Single(i => i.Key == "training.courses-held").HasRecords.ShouldBeTrue();
        indicators.Single(i => i.Key == "participation.people-honoured").HasRecords.ShouldBeTrue();
        indicators.Single(i => i.Key == "training.campaigns-held").HasRecords.ShouldBeTrue();
        var officials = indicators.Single(i => i.Key == "organization.officials");
        officials.HasRecords.ShouldBeFalse("a headcount has no records of its own to list");
        var none = await (await leader.GetAsync(RecordsOf("organization.officials", province, 2025))).ReadAsync<DashboardRecords>();
        none.Listed.ShouldBeFalse();
        none.Items.ShouldBeEmpty();
        (await leader.GetAsync(RecordsOf("no.such-source", province, 2025))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_the_drill_down_When_the_records_of_a_sub_unit_row_and_of_the_units_own_row_are_listed_Then_each_adds_up_to_its_row_and_pages()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        const string key = "participation.initiatives-submitted";
        var year = 0;
        DashboardBreakdown? breakdown = null;
        foreach (var y in new[] { 2025, 2024, 2023 })
        {
            breakdown = await (await leader.GetAsync($"{GetDashboardBreakdown.Route}?key={key}&unitId={province}&year={y}")).ReadAsync<DashboardBreakdown>();
            if (breakdown.Value >= 2) { year = y; break; }
        }
        year.ShouldNotBe(0, "the demo has initiatives applied for");
        breakdown!.HasRecords.ShouldBeTrue();
        foreach (var row in breakdown.Rows)
        {
            var records = await AllRecordsAsync(leader, key, row.UnitId, year, own: row.Own);
            records.Sum(r => r.Value).ShouldBe(row.Value, row.Name);
            if (row.Own) records.ShouldAllBe(r => r.UnitId == province, "the province's own row lists only its own records");
        }

        var first = await (await leader.GetAsync(RecordsOf(key, province, year, pageSize: 1))).ReadAsync<DashboardRecords>();
        first.Total.ShouldBe((int)breakdown.Value);
        first.Items.Count.ShouldBe(1);
        first.Value.ShouldBe(breakdown.Value, "the value is the whole figure's, not the page's");
        var second = await (await leader.GetAsync(RecordsOf(key, province, year, page: 2, pageSize: 1))).ReadAsync<DashboardRecords>();
        second.Items.Single().Id.ShouldNotBe(first.Items.Single().Id);
        first.Items[0].Kind.ShouldBe("initiative");
    }

    [ApiFact]
    public async Task Given_a_MyHao_officer_When_listing_records_Then_VanLams_answer_404_and_their_own_hold_only_their_subtree()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var officer = await api.LoginAsync(Users.MyHaoOfficer);
        (await officer.GetAsync(RecordsOf("participation.initiatives-recognised", vanLam, 2025))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var mine = await (await officer.GetAsync($"{GetDashboardRecords.Route}?key=participation.initiatives-submitted&year=2025&pageSize=200"))
            .ReadAsync<DashboardRecords>();
        mine.Unit.Code.ShouldBe("MYHAO", "without a unit the officer's own subtree");
        mine.Items.ShouldAllBe(r => r.UnitCode.StartsWith("MYHAO"), "never a record outside the officer's scope");

        (await officer.GetAsync($"{GetDashboardRecords.Route}?key=participation.initiatives-submitted&year=2025&pageSize=0")).StatusCode
            .ShouldBe(HttpStatusCode.BadRequest, "a page holds 1 to 200 records");
    }

    [ApiFact]
    public async Task Given_a_dashboard_already_read_When_an_initiative_is_recognised_through_the_API_Then_the_next_read_counts_it()
    {
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var decider = await api.LoginAsync(Users.VanLamOfficer);
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var lacHong = await AnnualReportTests.UnitIdAsync(member, "VANLAM-DETMAYLACHONG");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)); // the submission is stamped in real time; the decision may not predate it
        const string key = "participation.initiatives-recognised";

        var before = await (await leader.GetAsync(DashboardOf(province, today.Year))).ReadAsync<Dashboard>();
        var again = await (await leader.GetAsync(DashboardOf(province, today.Year))).ReadAsync<Dashboard>();
        again.Indicators.Single(i => i.Key == key).Value.ShouldBe(before.Indicators.Single(i => i.Key == key).Value);

        var id = await RecognisedInitiativeAsync(member, decider, lacHong, "Máy dò sợi đứt bằng cảm biến quang", 12_345_678m, today);

        var after = await (await leader.GetAsync(DashboardOf(province, today.Year))).ReadAsync<Dashboard>();
        after.Indicators.Single(i => i.Key == key).Value.ShouldBe(before.Indicators.Single(i => i.Key == key).Value + 1, "the write shows at the next read");
        after.Indicators.Single(i => i.Key == "participation.initiative-benefit").Value
            .ShouldBe(before.Indicators.Single(i => i.Key == "participation.initiative-benefit").Value + 12_345_678m);
        var records = await AllRecordsAsync(leader, key, province, today.Year);
        records.Single(r => r.Id == id).UnitCode.ShouldBe("VANLAM-DETMAYLACHONG");
        records.Count.ShouldBe((int)after.Indicators.Single(i => i.Key == key).Value);
    }

    internal static async Task<Guid> RecognisedInitiativeAsync(HttpClient member, HttpClient decider, Guid unitId, string title, decimal benefit, DateOnly decided,
        string certificateNumber = "15/CN-BCT")
    {
        var created = await member.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId, title, field = "Dệt may", kind = "Technical", problem = "Sợi đứt không phát hiện kịp", currentState = "Dò bằng mắt",
            solution = "Cảm biến quang trên từng cọc sợi", appliedAt = "Xưởng dệt", appliedSince = decided.AddMonths(-2), trialApplication = false,
            yearlyBenefit = benefit, socialBenefit = "Giảm phế phẩm", firstApplicationParticipants = "Tổ bảo trì", noveltyDeclared = true,
            authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = "doanvien@hungyen.demo", sharePercent = 100m } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.ReadAsync<InitiativeDetail>();
        var submitted = await Step(member, SubmitInitiative.Route, draft.Id, draft.Version, new { });
        var checkedAll = await Step(decider, RecordRecognitionConditions.Route, submitted.Id, submitted.Version, new
        {
            checks = Enum.GetValues<RecognitionCondition>().Select(c => new { condition = c.ToString(), met = true, note = "Đạt" }).ToArray(),
        }, HttpMethod.Put);
        var recognised = await Step(decider, RecogniseInitiative.Route, checkedAll.Id, checkedAll.Version, new { certificateNumber, decisionDate = decided });
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
