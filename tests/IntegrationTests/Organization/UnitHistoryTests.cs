using System.Net;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Organization.Features.Officials;
using Khcn.Organization.Features.Units;
using Khcn.Organization.Features.Units.History;

namespace Khcn.IntegrationTests.Organization;

public sealed class UnitHistoryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<UnitListItem> UnitAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200&includeInactive=true")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code);

    private static async Task<IReadOnlyList<UnitAsOf>> AsOfAsync(HttpClient client, string day) =>
        (await (await client.GetAsync($"{GetHierarchyAsOf.Route}?date={day}")).ReadAsync<HierarchyAsOfResponse>()).Items;

    [ApiFact]
    public async Task Given_a_rename_effective_on_a_day_When_reading_the_hierarchy_as_of_before_and_after_Then_each_shows_its_name()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var unit = await UnitAsync(admin, "KHOAICHAU");

        var renamed = await admin.PostJsonAsync($"/api/v1/organization/units/{unit.Id}/rename", new { name = "LĐLĐ thị xã Khoái Châu", effectiveOn = "2025-01-01" });

        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await AsOfAsync(admin, "2024-06-01")).Single(u => u.UnitId == unit.Id).Name.ShouldBe(unit.Name);
        (await AsOfAsync(admin, "2025-02-01")).Single(u => u.UnitId == unit.Id).Name.ShouldBe("LĐLĐ thị xã Khoái Châu");
        var history = await (await admin.GetAsync($"/api/v1/organization/units/{unit.Id}/history")).ReadAsync<List<UnitVersionView>>();
        history.Select(v => (v.ValidFrom, v.ValidTo)).ShouldBe([(new DateOnly(2025, 1, 1), (DateOnly?)null), (new DateOnly(2000, 1, 1), new DateOnly(2025, 1, 1))]);
        var backdated = await admin.PostJsonAsync($"/api/v1/organization/units/{unit.Id}/rename", new { name = "Tên khác", effectiveOn = "2024-12-01" });
        await backdated.ShouldBeProblemAsync(HttpStatusCode.Conflict, "effective_before_last_change");
    }

    [ApiFact]
    public async Task Given_a_grassroots_union_moved_to_another_district_Then_scope_follows_today_and_the_past_keeps_the_old_parent()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var moved = await UnitAsync(admin, "VANLAM-UBNDHUYEN");
        var vanLam = await UnitAsync(admin, "VANLAM");
        var myHao = await UnitAsync(admin, "MYHAO");

        var response = await admin.PostJsonAsync($"/api/v1/organization/units/{moved.Id}/move", new { parentId = myHao.Id, effectiveOn = "2025-07-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var vanLamOfficer = await api.LoginAsync(Users.VanLamOfficer);
        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        await (await vanLamOfficer.GetAsync(GetUnit.For(moved.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await myHaoOfficer.GetAsync(GetUnit.For(moved.Id))).ReadAsync<UnitDetail>()).ParentId.ShouldBe(myHao.Id);
        (await AsOfAsync(admin, "2025-06-30")).Single(u => u.UnitId == moved.Id).ParentId.ShouldBe(vanLam.Id);
        (await AsOfAsync(admin, "2025-07-01")).Single(u => u.UnitId == moved.Id).ParentId.ShouldBe(myHao.Id);
    }

    [ApiFact]
    public async Task Given_a_move_under_its_own_sub_unit_Then_409_no_cycle()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var district = await UnitAsync(admin, "YENMY");
        var child = await UnitAsync(admin, "YENMY-THUCPHAMTANLAP");

        var response = await admin.PostJsonAsync($"/api/v1/organization/units/{district.Id}/move", new { parentId = child.Id });

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "hierarchy_cycle");
    }

    [ApiFact]
    public async Task Given_two_districts_merged_Then_sub_units_and_records_roll_up_to_the_successor_and_the_past_is_unchanged()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var merged = await UnitAsync(admin, "TIENLU");
        var successor = await UnitAsync(admin, "PHUCU");
        var mergedOfficials = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={merged.Id}")).ReadAsync<PagedResult<OfficialListItem>>()).Items;

        var response = await admin.PostJsonAsync($"/api/v1/organization/units/{merged.Id}/merge", new { successorId = successor.Id, effectiveOn = "2025-07-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var detail = await response.ReadAsync<UnitDetail>();
        detail.Status.ShouldBe(UnitStatus.Merged);
        detail.SuccessorId.ShouldBe(successor.Id);
        var grassroots = await UnitAsync(admin, "TIENLU-DAYTHUNG");
        grassroots.ParentId.ShouldBe(successor.Id);
        var active = await (await admin.GetAsync($"{ListUnits.Route}?within={successor.Id}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>();
        active.Items.ShouldNotContain(u => u.Code == "TIENLU", "merged units leave the current lists");
        var rolledUp = await (await admin.GetAsync($"{ListOfficials.Route}?within={successor.Id}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>();
        mergedOfficials.ShouldAllBe(o => rolledUp.Items.Any(r => r.Id == o.Id && r.UnitId == merged.Id), "records stay attributed to the merged unit");
        var before = await AsOfAsync(admin, "2025-06-30");
        before.Single(u => u.UnitId == merged.Id).Status.ShouldBe(UnitStatus.Active);
        before.Single(u => u.UnitId == grassroots.Id).ParentId.ShouldBe(merged.Id);
        (await AsOfAsync(admin, "2025-07-01")).ShouldNotContain(u => u.UnitId == merged.Id);
    }

    [ApiFact]
    public async Task Given_a_unit_with_active_sub_units_When_dissolving_Then_409_and_a_leaf_dissolves()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var district = await UnitAsync(admin, "KIMDONG");
        var leaf = await UnitAsync(admin, "KIMDONG-BVHUYEN");

        await (await admin.PostJsonAsync($"/api/v1/organization/units/{district.Id}/dissolve", new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_has_children");
        var dissolved = await admin.PostJsonAsync($"/api/v1/organization/units/{leaf.Id}/dissolve", new { effectiveOn = "2025-09-01" });

        (await dissolved.ReadAsync<UnitDetail>()).Status.ShouldBe(UnitStatus.Dissolved);
        var list = await (await admin.GetAsync($"{ListUnits.Route}?within={district.Id}")).ReadAsync<PagedResult<UnitListItem>>();
        list.Items.ShouldNotContain(u => u.Id == leaf.Id);
        (await AsOfAsync(admin, "2025-08-31")).ShouldContain(u => u.UnitId == leaf.Id);
        var rename = await admin.PostJsonAsync($"/api/v1/organization/units/{leaf.Id}/rename", new { name = "X" });
        await rename.ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_inactive");
    }
}
