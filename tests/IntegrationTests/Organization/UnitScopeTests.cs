using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

public sealed class UnitScopeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<UnitListItem> FindAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code);

    [ApiFact]
    public async Task Given_a_district_officer_When_listing_units_Then_only_the_district_subtree_is_returned()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);

        var page = await (await vanLam.GetAsync($"{ListUnits.Route}?pageSize=200")).ReadAsync<PagedResult<UnitListItem>>();

        page.Total.ShouldBe(4);
        page.Items.ShouldAllBe(u => u.Code.StartsWith("VANLAM"));
        var tree = await (await vanLam.GetAsync("/api/v1/organization/units/tree")).ReadAsync<UnitTreeNodes>();
        tree.Items.Select(u => u.Code).ShouldBe(page.Items.Select(u => u.Code), ignoreOrder: true);
    }

    [ApiFact]
    public async Task Given_two_districts_When_one_reads_the_others_unit_Then_404_as_if_it_did_not_exist()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var myHao = await FindAsync(admin, "MYHAO");
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);

        var response = await vanLam.GetAsync(GetUnit.For(myHao.Id));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var missing = await vanLam.GetAsync(GetUnit.For(Guid.NewGuid()));
        (await missing.Content.ReadAsStringAsync()).Length.ShouldBeGreaterThan(0);
        missing.StatusCode.ShouldBe(response.StatusCode);
    }

    [ApiFact]
    public async Task Given_a_district_officer_When_reading_the_district_Then_the_parent_above_the_scope_is_named_but_not_openable()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var district = await FindAsync(vanLam, "VANLAM");
        var listed = (await (await vanLam.GetAsync($"{ListUnits.Route}?pageSize=200")).ReadAsync<PagedResult<UnitListItem>>()).Items;
        var grassroots = listed.First(u => u.ParentId == district.Id);
        listed.Single(u => u.Id == district.Id).ParentName.ShouldBe("Liên đoàn Lao động tỉnh Hưng Yên");

        var own = await (await vanLam.GetAsync(GetUnit.For(district.Id))).ReadAsync<UnitDetail>();
        var child = await (await vanLam.GetAsync(GetUnit.For(grassroots.Id))).ReadAsync<UnitDetail>();

        own.ParentCode.ShouldBe("HY");
        own.ParentName.ShouldBe("Liên đoàn Lao động tỉnh Hưng Yên");
        own.ParentInScope.ShouldBeFalse();
        (await vanLam.GetAsync(GetUnit.For(own.ParentId!.Value))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        child.ParentCode.ShouldBe("VANLAM");
        child.ParentName.ShouldBe(district.Name);
        child.ParentInScope.ShouldBeTrue();
    }

    [ApiFact]
    public async Task Given_a_unit_officer_When_editing_a_visible_unit_Then_403()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var own = await FindAsync(vanLam, "VANLAM");
        var read = await vanLam.GetAsync(GetUnit.For(own.Id));
        var etag = read.Headers.ETag!.Tag;

        var request = new HttpRequestMessage(HttpMethod.Put, GetUnit.For(own.Id)) { Content = JsonContent.Create(new { name = "Đổi tên" }) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        var response = await vanLam.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_a_province_user_When_searching_without_diacritics_Then_vietnamese_names_are_found()
    {
        var leader = await api.LoginAsync(Users.Leader);

        var hungYen = await (await leader.GetAsync($"{ListUnits.Route}?q=hung%20yen&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>();
        var kimDong = await (await leader.GetAsync($"{ListUnits.Route}?q=KIM%20DONG")).ReadAsync<PagedResult<UnitListItem>>();

        hungYen.Items.ShouldContain(u => u.Name == "Liên đoàn Lao động tỉnh Hưng Yên");
        kimDong.Items.ShouldContain(u => u.Name == "Liên đoàn Lao động huyện Kim Động"); // "đ" matches "d"
        kimDong.Items.ShouldAllBe(u => u.Name.Contains("Kim Động"));
    }

    [ApiFact]
    public async Task Given_paging_parameters_When_listing_Then_pages_are_consistent_and_limits_enforced()
    {
        var leader = await api.LoginAsync(Users.Leader);

        var first = await (await leader.GetAsync($"{ListUnits.Route}?page=1&pageSize=5&sort=code")).ReadAsync<PagedResult<UnitListItem>>();
        var second = await (await leader.GetAsync($"{ListUnits.Route}?page=2&pageSize=5&sort=code")).ReadAsync<PagedResult<UnitListItem>>();
        var tooBig = await leader.GetAsync($"{ListUnits.Route}?pageSize=500");
        var badSort = await leader.GetAsync($"{ListUnits.Route}?sort=password");

        first.Items.Count.ShouldBe(5);
        first.Total.ShouldBe(second.Total);
        string.CompareOrdinal(first.Items[^1].Code, second.Items[0].Code).ShouldBeLessThan(0);
        (await tooBig.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("pageSize", out _).ShouldBeTrue();
        (await badSort.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("sort", out _).ShouldBeTrue();
    }

    public sealed record UnitTreeNodes(IReadOnlyList<UnitTreeNode> Items);
}
