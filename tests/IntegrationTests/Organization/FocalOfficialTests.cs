using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.FocalOfficials;
using Khcn.Organization.Features.Officials;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

public sealed class FocalOfficialTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static async Task<IReadOnlyList<OfficialListItem>> OfficialsOfAsync(HttpClient client, Guid unitId) =>
        (await (await client.GetAsync($"{ListOfficials.Route}?unitId={unitId}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>()).Items;

    [ApiFact]
    public async Task Given_an_upper_level_union_When_a_new_focal_official_is_assigned_Then_the_previous_assignment_ends_and_history_is_kept()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var unitId = await UnitIdAsync(board, "KHOAICHAU");
        var before = await (await board.GetAsync(GetFocalOfficials.For(unitId))).ReadAsync<FocalOfficialsResponse>();
        var successor = (await OfficialsOfAsync(board, unitId)).First(o => o.Id != before.Current!.OfficialId);

        var response = await board.PostJsonAsync(GetFocalOfficials.For(unitId), new { officialId = successor.Id, startedOn = "2025-06-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var after = await response.ReadAsync<FocalOfficialsResponse>();
        after.Current!.OfficialId.ShouldBe(successor.Id);
        after.Current.StartedOn.ShouldBe(new DateOnly(2025, 6, 1));
        after.History.Count.ShouldBe(before.History.Count + 1);
        after.History.Count(a => a.EndedOn is null).ShouldBe(1, "exactly one active focal official");
        after.History.Single(a => a.Id == before.Current.Id).EndedOn.ShouldBe(new DateOnly(2025, 6, 1));
        (await OfficialsOfAsync(board, unitId)).Single(o => o.Id == successor.Id).IsFocalOfficial.ShouldBeTrue();
    }

    [ApiFact]
    public async Task Given_the_coverage_report_When_a_union_without_focal_official_gets_one_Then_the_share_rises()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var before = await (await board.GetAsync(GetFocalCoverage.Route)).ReadAsync<FocalCoverageResponse>();
        before.Items.Count.ShouldBe(before.Total);
        before.Items.Take(before.Total - before.Covered).ShouldAllBe(i => i.OfficialId == null, "uncovered unions come first");
        var uncovered = before.Items.First(i => i.UnitCode == "PHUCU");
        uncovered.OfficialId.ShouldBeNull();
        var official = (await OfficialsOfAsync(board, uncovered.UnitId)).First();

        (await board.PostJsonAsync(GetFocalOfficials.For(uncovered.UnitId), new { officialId = official.Id })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var after = await (await board.GetAsync(GetFocalCoverage.Route)).ReadAsync<FocalCoverageResponse>();
        after.Covered.ShouldBe(before.Covered + 1);
        after.Share.ShouldBe(Math.Round((decimal)after.Covered / after.Total, 4));
        after.Items.Single(i => i.UnitCode == "PHUCU").OfficialName.ShouldBe(official.FullName);
        after.Items.ShouldNotContain(i => i.Kind == Khcn.Organization.Contracts.UnitKind.Grassroots);
    }

    [ApiFact]
    public async Task Given_a_grassroots_union_or_an_official_of_another_unit_When_assigning_Then_409()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var grassroots = await UnitIdAsync(board, "VANLAM-DETMAYLACHONG");
        var yenMy = await UnitIdAsync(board, "YENMY");
        var tienLu = await UnitIdAsync(board, "TIENLU");
        var tienLuOfficial = (await OfficialsOfAsync(board, tienLu)).First();
        var created = await (await board.PostJsonAsync(ListOfficials.Route, new
        {
            unitId = grassroots, fullName = "Nguyễn Văn Cơ Sở", position = "Chủ tịch CĐCS", politicalTheory = "Elementary", researchMethodsTrained = false,
        })).ReadAsync<OfficialDetail>();

        var notUpper = await board.PostJsonAsync(GetFocalOfficials.For(grassroots), new { officialId = created.Id });
        var foreign = await board.PostJsonAsync(GetFocalOfficials.For(yenMy), new { officialId = tienLuOfficial.Id });

        await notUpper.ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_upper_level");
        await foreign.ShouldBeProblemAsync(HttpStatusCode.Conflict, "official_not_in_unit");
    }

    [ApiFact]
    public async Task Given_a_district_officer_When_reading_officials_Then_only_the_districts_are_listed_and_others_are_404()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var myHaoOfficial = (await OfficialsOfAsync(board, await UnitIdAsync(board, "MYHAO"))).First();
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);

        var list = await (await vanLam.GetAsync($"{ListOfficials.Route}?pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>();
        var other = await vanLam.GetAsync(GetOfficial.For(myHaoOfficial.Id));
        var coverage = await (await vanLam.GetAsync(GetFocalCoverage.Route)).ReadAsync<FocalCoverageResponse>();

        list.Items.ShouldNotBeEmpty();
        list.Items.ShouldAllBe(o => o.UnitName!.Contains("Văn Lâm") || o.UnitName!.Contains("Lạc Hồng") || o.UnitName!.Contains("Như Quỳnh"));
        await other.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        coverage.Items.ShouldHaveSingleItem().UnitCode.ShouldBe("VANLAM");
    }

    [ApiFact]
    public async Task Given_an_official_When_updated_with_a_stale_ETag_Then_412_and_searchable_without_diacritics()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var unitId = await UnitIdAsync(board, "KIMDONG");
        var created = await board.PostJsonAsync(ListOfficials.Route, new
        {
            unitId, fullName = "Đặng Thị Đào", position = "Phó Chủ tịch", email = "dao@kimdong.vn",
            politicalTheory = "Advanced", foreignLanguage = "Tiếng Anh B2", researchMethodsTrained = true,
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var official = await created.ReadAsync<OfficialDetail>();
        var etag = created.Headers.ETag!.Tag;

        var put = new HttpRequestMessage(HttpMethod.Put, GetOfficial.For(official.Id)) { Content = JsonContent.Create(new { fullName = "Đặng Thị Đào", position = "Chủ tịch", politicalTheory = "Bachelor", researchMethodsTrained = true }) };
        put.Headers.TryAddWithoutValidation("If-Match", etag);
        (await board.SendAsync(put)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = new HttpRequestMessage(HttpMethod.Put, GetOfficial.For(official.Id)) { Content = JsonContent.Create(new { fullName = "X", position = "Y", politicalTheory = "None" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await board.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "stale_version");

        var found = await (await board.GetAsync($"{ListOfficials.Route}?q=dang%20thi%20dao")).ReadAsync<PagedResult<OfficialListItem>>();
        found.Items.ShouldHaveSingleItem().Position.ShouldBe("Chủ tịch");
        var invalid = await board.PostJsonAsync(ListOfficials.Route, new { unitId, fullName = "", position = "", politicalTheory = "Emperor" });
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_concurrent_assignments_on_one_union_When_they_race_Then_exactly_one_focal_official_stays_active()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var unitId = await UnitIdAsync(board, "ANTHI");
        var candidates = await OfficialsOfAsync(board, unitId);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            board.PostJsonAsync(GetFocalOfficials.For(unitId), new { officialId = candidates[i % candidates.Count].Id, startedOn = "2025-01-01" })));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict
                                   || r.StatusCode == HttpStatusCode.PreconditionFailed);
        var state = await (await board.GetAsync(GetFocalOfficials.For(unitId))).ReadAsync<FocalOfficialsResponse>();
        state.History.Count(a => a.EndedOn is null).ShouldBe(1);
        state.History.Count.ShouldBe(responses.Count(r => r.StatusCode == HttpStatusCode.Created));
    }
}
