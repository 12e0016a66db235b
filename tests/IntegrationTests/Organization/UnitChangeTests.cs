using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

public sealed class UnitChangeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private async Task<Guid> IdOfAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static HttpRequestMessage Put(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, GetUnit.For(id)) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [ApiFact]
    public async Task Given_a_stale_ETag_When_updating_Then_412_and_the_first_change_stays()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var id = await IdOfAsync(admin, "ANTHI");
        var etag = (await admin.GetAsync(GetUnit.For(id))).Headers.ETag!.Tag;

        var first = await admin.SendAsync(Put(id, new { name = "LĐLĐ huyện Ân Thi", phone = "0221 111" }, etag));
        var second = await admin.SendAsync(Put(id, new { name = "Tên khác" }, etag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.Tag.ShouldNotBe(etag);
        await second.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "stale_version");
        (await (await admin.GetAsync(GetUnit.For(id))).ReadAsync<UnitDetail>()).Name.ShouldBe("LĐLĐ huyện Ân Thi");
    }

    [ApiFact]
    public async Task Given_no_If_Match_When_updating_Then_428()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var id = await IdOfAsync(admin, "TIENLU");

        var response = await admin.SendAsync(Put(id, new { name = "LĐLĐ huyện Tiên Lữ" }, null));

        await response.ShouldBeProblemAsync((HttpStatusCode)428, "if_match_required");
    }

    [ApiFact]
    public async Task Given_an_update_When_reading_the_audit_trail_Then_it_shows_who_changed_which_field_from_what_to_what()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var id = await IdOfAsync(admin, "PHUCU");
        var before = await (await admin.GetAsync(GetUnit.For(id))).ReadAsync<UnitDetail>();
        (await admin.SendAsync(Put(id, new { name = "LĐLĐ huyện Phù Cừ (mới)" }, $"\"{before.Version}\""))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var leader = await api.LoginAsync(Users.Leader);
        var trail = await (await leader.GetAsync($"/api/v1/audit?entityType=UnionUnit&entityId={id}")).ReadAsync<JsonElement>();

        var update = trail.GetProperty("items").EnumerateArray().First(e => e.GetProperty("action").GetString() == "Updated");
        update.GetProperty("userEmail").GetString().ShouldBe(Users.Admin);
        update.GetProperty("unitId").GetGuid().ShouldBe(id);
        var change = update.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("field").GetString() == "name");
        change.GetProperty("old").GetString().ShouldBe(before.Name);
        change.GetProperty("new").GetString().ShouldBe("LĐLĐ huyện Phù Cừ (mới)");
        trail.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("action").GetString() == "Created");

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await (await officer.GetAsync($"/api/v1/audit?entityType=UnionUnit&entityId={id}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_an_Idempotency_Key_When_a_create_is_retried_Then_the_first_result_returns_and_nothing_new_is_created()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var parentId = await IdOfAsync(admin, "VANGIANG");
        var body = new { code = "VANGIANG-NEWCO", name = "CĐCS Công ty TNHH Mới", kind = "Grassroots", parentId };

        async Task<HttpResponseMessage> PostAsync(object payload)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, CreateUnit.Route) { Content = JsonContent.Create(payload) };
            request.Headers.Add("Idempotency-Key", "create-newco-1");
            return await admin.SendAsync(request);
        }

        var first = await PostAsync(body);
        var retry = await PostAsync(body);
        var reused = await PostAsync(body with { name = "Khác" });

        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.Created);
        retry.Headers.Location.ShouldBe(first.Headers.Location);
        (await retry.ReadAsync<UnitDetail>()).Id.ShouldBe((await first.ReadAsync<UnitDetail>()).Id);
        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        var found = await (await admin.GetAsync($"{ListUnits.Route}?q=VANGIANG-NEWCO")).ReadAsync<PagedResult<UnitListItem>>();
        found.Total.ShouldBe(1);
    }

    [ApiFact]
    public async Task Given_invalid_input_When_creating_Then_400_with_field_errors_and_nothing_saved()
    {
        var admin = await api.LoginAsync(Users.Admin);

        var response = await admin.PostJsonAsync(CreateUnit.Route, new { code = "bad code!", name = "", kind = "Grassroots" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("code", out _).ShouldBeTrue();
        errors.TryGetProperty("name", out _).ShouldBeTrue();
    }

    [ApiFact]
    public async Task Given_the_hierarchy_rules_When_a_grassroots_union_is_put_under_the_province_Then_409()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await IdOfAsync(admin, "HY");

        var misplaced = await admin.PostJsonAsync(CreateUnit.Route, new { code = "HY-GR", name = "CĐCS lạc chỗ", kind = "Grassroots", parentId = root });
        var duplicate = await admin.PostJsonAsync(CreateUnit.Route, new { code = "vanlam", name = "Trùng mã", kind = "DistrictFederation", parentId = root });

        await misplaced.ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_kind_placement");
        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_code_taken");
    }

    [ApiFact]
    public async Task Given_a_district_admin_When_creating_under_another_district_Then_404()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await IdOfAsync(admin, "VANLAM");
        var myHao = await IdOfAsync(admin, "MYHAO");
        (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            email = "qt.vanlam@hungyen.demo", fullName = "Quản trị Văn Lâm", password = "Kh0a-hoc!2025",
            grants = new[] { new { role = "admin", unitId = vanLam } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var districtAdmin = await api.LoginAsync("qt.vanlam@hungyen.demo", "Kh0a-hoc!2025");

        var inOwn = await districtAdmin.PostJsonAsync(CreateUnit.Route, new { code = "VANLAM-MOI", name = "CĐCS mới", kind = "Grassroots", parentId = vanLam });
        var inOther = await districtAdmin.PostJsonAsync(CreateUnit.Route, new { code = "MYHAO-MOI", name = "CĐCS mới", kind = "Grassroots", parentId = myHao });
        var grantOther = await districtAdmin.PostJsonAsync("/api/v1/admin/users", new
        {
            email = "x.myhao@hungyen.demo", fullName = "X", password = "Kh0a-hoc!2025",
            grants = new[] { new { role = "unit-officer", unitId = myHao } },
        });

        inOwn.StatusCode.ShouldBe(HttpStatusCode.Created);
        await inOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await grantOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var users = await (await districtAdmin.GetAsync("/api/v1/admin/users?pageSize=200")).ReadAsync<JsonElement>();
        users.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("email").GetString())
            .ShouldNotContain(Users.MyHaoOfficer);
    }
}
