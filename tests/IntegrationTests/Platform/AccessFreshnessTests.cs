using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;
using Khcn.Platform.Features.Me;

namespace Khcn.IntegrationTests.Platform;

/// <summary>
/// Access (grants, subtrees) is kept between requests while its change stamps stand. Two API replicas over the same
/// database: a change made through one must act on the other's very next request, as it did when every request
/// read the grants afresh.
/// </summary>
public sealed class AccessFreshnessTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
    private RestartableApi _one = null!;
    private RestartableApi _two = null!;

    public async ValueTask InitializeAsync()
    {
        _one = new RestartableApi(_dataDir, dispatch: true);
        await _one.InitializeAsync();
        _two = new RestartableApi(_dataDir, dispatch: true);
        await _two.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _two.DisposeAsync();
        await _one.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    private static async Task<UnitListItem> UnitAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code);

    [ApiFact]
    public async Task Given_a_user_disabled_on_one_replica_When_their_next_request_reaches_the_other_Then_it_is_refused()
    {
        var officer = await _two.LoginAsync(Users.VanLamOfficer);
        var me = await (await officer.GetAsync(GetMe.Route)).ReadAsync<MeResponse>();
        (await officer.GetAsync(ListUnits.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var admin = await _one.LoginAsync(Users.Admin);

        (await admin.PostAsync($"/api/v1/admin/users/{me.Id}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await officer.GetAsync(ListUnits.Route)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        (await admin.PostAsync($"/api/v1/admin/users/{me.Id}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync(ListUnits.Route)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [ApiFact]
    public async Task Given_a_grant_revoked_on_one_replica_When_the_next_request_reaches_the_other_Then_its_units_are_gone()
    {
        var officer = await _two.LoginAsync(Users.VanLamOfficer);
        var vanLam = await UnitAsync(officer, "VANLAM");
        var me = await (await officer.GetAsync(GetMe.Route)).ReadAsync<MeResponse>();
        var admin = await _one.LoginAsync(Users.Admin);
        var user = await (await admin.GetAsync($"/api/v1/admin/users/{me.Id}")).ReadAsync<System.Text.Json.JsonElement>();
        (await officer.GetAsync(GetUnit.For(vanLam.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var grant in user.GetProperty("grants").EnumerateArray())
            (await admin.DeleteAsync($"/api/v1/admin/users/{me.Id}/grants/{grant.GetProperty("id").GetGuid()}")).IsSuccessStatusCode.ShouldBeTrue();

        await (await officer.GetAsync(GetUnit.For(vanLam.Id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_a_unit_moved_on_one_replica_When_district_officers_ask_the_other_Then_each_subtree_follows_at_once()
    {
        var vanLamOfficer = await _two.LoginAsync(Users.VanLamOfficer);
        var myHaoOfficer = await _two.LoginAsync(Users.MyHaoOfficer);
        var moved = await UnitAsync(vanLamOfficer, "VANLAM-UBNDHUYEN");
        var myHao = await UnitAsync(myHaoOfficer, "MYHAO");
        await (await myHaoOfficer.GetAsync(GetUnit.For(moved.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var admin = await _one.LoginAsync(Users.Admin);

        var response = await admin.PostJsonAsync($"/api/v1/organization/units/{moved.Id}/move", new { parentId = myHao.Id, effectiveOn = "2025-03-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await myHaoOfficer.GetAsync(GetUnit.For(moved.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await vanLamOfficer.GetAsync(GetUnit.For(moved.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
