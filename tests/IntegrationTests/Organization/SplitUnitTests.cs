using System.Net;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Organization.Features.Labour;
using Khcn.Organization.Features.Officials;
using Khcn.Organization.Features.Units;
using Khcn.Organization.Features.Units.History;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Organization;

/// <summary>Splitting a unit between successors (issue 16): sub-units divided, records to one successor, as-of views before and after.</summary>
public sealed class SplitUnitTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<UnitListItem> UnitAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200&includeInactive=true")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code);

    private static async Task<List<UnitListItem>> ChildrenAsync(HttpClient client, Guid id) =>
        (await (await client.GetAsync($"{ListUnits.Route}?within={id}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Where(u => u.ParentId == id).OrderBy(u => u.Code).ToList();

    private static async Task<IReadOnlyList<UnitAsOf>> AsOfAsync(HttpClient client, string day) =>
        (await (await client.GetAsync($"{GetHierarchyAsOf.Route}?date={day}")).ReadAsync<HierarchyAsOfResponse>()).Items;

    private static string Split(Guid id) => $"/api/v1/organization/units/{id}/split";

    [ApiFact]
    public async Task Given_a_district_split_into_a_new_and_an_existing_unit_Then_sub_units_follow_the_assignment_and_as_of_shows_before_and_after()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var split = await UnitAsync(admin, "VANLAM");
        var existing = await UnitAsync(admin, "MYHAO");
        var children = await ChildrenAsync(admin, split.Id);
        children.Count.ShouldBeGreaterThanOrEqualTo(2);
        var toNew = children.Take(children.Count / 2).Select(c => c.Id).ToList();
        var toExisting = children.Skip(children.Count / 2).Select(c => c.Id).ToList();
        var officials = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={split.Id}")).ReadAsync<PagedResult<OfficialListItem>>()).Items;

        var response = await admin.PostJsonAsync(Split(split.Id), new
        {
            effectiveOn = "2025-07-01",
            successors = new object[]
            {
                new { code = "VANLAMBAC", name = "LĐLĐ Văn Lâm Bắc", kind = "DistrictFederation", subUnitIds = toNew, receivesRecords = true },
                new { unitId = existing.Id, subUnitIds = toExisting, receivesRecords = false },
            },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var detail = await response.ReadAsync<UnitDetail>();
        detail.Status.ShouldBe(UnitStatus.Split);
        var created = await UnitAsync(admin, "VANLAMBAC");
        created.ParentId.ShouldBe(split.ParentId);
        detail.SuccessorId.ShouldBe(created.Id, "the split unit and its records sit under the successor that receives them");
        (await ChildrenAsync(admin, created.Id)).Select(c => c.Id).ShouldBe(toNew, ignoreOrder: true);
        var existingChildren = (await ChildrenAsync(admin, existing.Id)).Select(c => c.Id).ToList();
        toExisting.ShouldAllBe(c => existingChildren.Contains(c));
        var rolledUp = await (await admin.GetAsync($"{ListOfficials.Route}?within={created.Id}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>();
        officials.ShouldAllBe(o => rolledUp.Items.Any(r => r.Id == o.Id && r.UnitId == split.Id), "records stay attributed to the split unit");

        var before = await AsOfAsync(admin, "2025-06-30");
        before.Single(u => u.UnitId == split.Id).Status.ShouldBe(UnitStatus.Active);
        before.ShouldNotContain(u => u.UnitId == created.Id, "the new successor did not exist yet");
        children.ShouldAllBe(c => before.Single(u => u.UnitId == c.Id).ParentId == split.Id);
        var after = await AsOfAsync(admin, "2025-07-01");
        after.ShouldNotContain(u => u.UnitId == split.Id);
        toNew.ShouldAllBe(c => after.Single(u => u.UnitId == c).ParentId == created.Id);
        toExisting.ShouldAllBe(c => after.Single(u => u.UnitId == c).ParentId == existing.Id);

        var history = await (await admin.GetAsync($"/api/v1/organization/units/{split.Id}/history")).ReadAsync<List<UnitVersionView>>();
        history[0].Status.ShouldBe(UnitStatus.Split);
        history[0].Successors.Select(s => (s.Id, s.ReceivesRecords)).ShouldBe([(created.Id, true), (existing.Id, false)], ignoreOrder: true);

        var trail = await (await admin.GetAsync($"/api/v1/audit?entityType=UnionUnit&entityId={split.Id}")).ReadAsync<JsonElement>();
        trail.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("userEmail").GetString() == Users.Admin
            && e.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString() == "status" && c.GetProperty("new").GetString() == "Split"));

        // Training keeps a copy of the units: it learns the new successor and where each sub-unit now sits.
        var moved = toNew.Select(id => (id, created.Id)).Concat(toExisting.Select(id => (id, existing.Id))).Append((split.Id, created.Id)).ToList();
        await Eventually.UntilAsync(() => api.InScopeAsync(async sp =>
        {
            var known = await sp.GetRequiredService<TrainingDbContext>().KnownUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.ParentId);
            return known.ContainsKey(created.Id) && moved.All(m => known.GetValueOrDefault(m.Item1) == m.Item2);
        }), because: "UnitCreated and UnitSplit reaching Training");

        var again = await admin.PostJsonAsync($"/api/v1/organization/units/{split.Id}/rename", new { name = "X" });
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_inactive");
    }

    [ApiFact]
    public async Task Given_sub_units_unassigned_and_assigned_twice_Then_400_naming_them_and_nothing_changes()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var unit = await UnitAsync(admin, "TPHY");
        var other = await UnitAsync(admin, "ANTHI");
        var children = await ChildrenAsync(admin, unit.Id);
        children.Count.ShouldBeGreaterThanOrEqualTo(2);
        var (twice, missing) = (children[0], children[1]);

        var response = await admin.PostJsonAsync(Split(unit.Id), new
        {
            successors = new object[]
            {
                new { code = "TPHYMOI", name = "LĐLĐ TP Hưng Yên mới", kind = "DistrictFederation", subUnitIds = children.Skip(2).Select(c => c.Id).Append(twice.Id), receivesRecords = true },
                new { unitId = other.Id, subUnitIds = new[] { twice.Id }, receivesRecords = false },
            },
        });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var messages = problem.GetProperty("errors").GetProperty("subUnitIds").EnumerateArray().Select(e => e.GetString()).ToList();
        messages.ShouldContain(m => m!.Contains(missing.Name));
        messages.ShouldContain(m => m!.Contains(twice.Name));
        (await UnitAsync(admin, "TPHY")).Status.ShouldBe(UnitStatus.Active);
        (await (await admin.GetAsync($"{ListUnits.Route}?q=TPHYMOI&includeInactive=true")).ReadAsync<PagedResult<UnitListItem>>()).Items.ShouldBeEmpty("nothing half-saved");

        var oneSuccessor = await admin.PostJsonAsync(Split(unit.Id), new { successors = new object[] { new { unitId = other.Id, subUnitIds = children.Select(c => c.Id), receivesRecords = true } } });
        await oneSuccessor.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var nullList = await admin.PostJsonAsync(Split(unit.Id), new { successors = (object?)null });
        await nullList.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_the_root_a_unit_outside_scope_or_a_stale_ETag_Then_409_404_and_412()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = (await AsOfAsync(admin, "2026-01-01")).Single(u => u.ParentId == null);
        var a = await UnitAsync(admin, "TIENLU");
        var b = await UnitAsync(admin, "PHUCU");
        object Body(IEnumerable<Guid> subUnits) => new
        {
            successors = new object[]
            {
                new { unitId = a.Id, subUnitIds = subUnits, receivesRecords = true },
                new { unitId = b.Id, subUnitIds = Array.Empty<Guid>(), receivesRecords = false },
            },
        };

        var rootChildren = (await AsOfAsync(admin, "2026-01-01")).Where(u => u.ParentId == root.UnitId).Select(u => u.UnitId);
        await (await admin.PostJsonAsync(Split(root.UnitId), Body(rootChildren))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "root_unit");

        var myHao = await UnitAsync(admin, "MYHAO");
        var vanLam = await UnitAsync(admin, "VANLAM");
        (await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            email = "qt.myhao@hungyen.demo", fullName = "Quản trị Mỹ Hào", password = "Kh0a-hoc!2025",
            grants = new[] { new { role = "admin", unitId = myHao.Id } },
        })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var districtAdmin = await api.LoginAsync("qt.myhao@hungyen.demo", "Kh0a-hoc!2025");
        await (await districtAdmin.PostJsonAsync(Split(vanLam.Id), Body([]))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await districtAdmin.PostJsonAsync(Split(myHao.Id), Body([]))).ShouldBeProblemAsync(HttpStatusCode.NotFound, null);

        var unit = await UnitAsync(admin, "KIMDONG");
        var etag = (await admin.GetAsync(GetUnit.For(unit.Id))).Headers.ETag!.Tag;
        // Kim Động: no other test of this class changes it (a unit another test splits would make this rename a 409).
        var renamed = await admin.PostJsonAsync($"/api/v1/organization/units/{unit.Id}/rename", new { name = "LĐLĐ Kim Động (mới)" });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        var stale = new HttpRequestMessage(HttpMethod.Post, Split(unit.Id)) { Content = System.Net.Http.Json.JsonContent.Create(Body((await ChildrenAsync(admin, unit.Id)).Select(c => c.Id))) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await (await admin.SendAsync(stale)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "stale_version");
        (await UnitAsync(admin, "KIMDONG")).Status.ShouldBe(UnitStatus.Active);

        var backdated = await admin.PostJsonAsync(Split(unit.Id), new
        {
            effectiveOn = "2020-01-01",
            successors = new object[]
            {
                new { code = "KIMDONGMOI", name = "LĐLĐ Kim Động mới", kind = "DistrictFederation", subUnitIds = (await ChildrenAsync(admin, unit.Id)).Select(c => c.Id), receivesRecords = true },
                new { unitId = b.Id, subUnitIds = Array.Empty<Guid>(), receivesRecords = false },
            },
        });
        await backdated.ShouldBeProblemAsync(HttpStatusCode.Conflict, "effective_before_last_change");
        (await (await admin.GetAsync($"{ListUnits.Route}?q=KIMDONGMOI&includeInactive=true")).ReadAsync<PagedResult<UnitListItem>>()).Items.ShouldBeEmpty("nothing half-saved");
    }

    [ApiFact]
    public async Task Given_a_split_retried_with_the_same_Idempotency_Key_Then_the_first_answer_is_replayed_and_nothing_is_created_twice()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var unit = await UnitAsync(admin, "YENMY");
        var children = await ChildrenAsync(admin, unit.Id);
        var body = new
        {
            effectiveOn = "2025-10-01",
            successors = new object[]
            {
                new { code = "YENMYA", name = "LĐLĐ Yên Mỹ A", kind = "DistrictFederation", subUnitIds = children.Select(c => c.Id), receivesRecords = true },
                new { code = "YENMYB", name = "LĐLĐ Yên Mỹ B", kind = "DistrictFederation", subUnitIds = Array.Empty<Guid>(), receivesRecords = false },
            },
        };
        HttpRequestMessage Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, Split(unit.Id)) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "split-yenmy-1");
            return request;
        }

        var first = await admin.SendAsync(Send());
        var retry = await admin.SendAsync(Send());

        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
        (await retry.ReadAsync<UnitDetail>()).Status.ShouldBe(UnitStatus.Split);
        var created = await (await admin.GetAsync($"{ListUnits.Route}?q=YENMY&pageSize=200&includeInactive=true")).ReadAsync<PagedResult<UnitListItem>>();
        created.Items.Count(u => u.Code == "YENMYA").ShouldBe(1);
        created.Items.Count(u => u.Code == "YENMYB").ShouldBe(1);
    }

    [ApiFact]
    public async Task Given_a_split_that_gives_officials_and_enterprises_to_a_successor_Then_they_move_to_it_and_the_rest_stay_with_the_heir()
    {
        // Issue #16: "one unit's sub-units and records divided between two successors".
        var admin = await api.LoginAsync(Users.Admin);
        var split = await UnitAsync(admin, "KHOAICHAU");
        var other = await UnitAsync(admin, "ANTHI");
        var children = await ChildrenAsync(admin, split.Id);
        var grassroots = children.Single(c => c.Code == "KHOAICHAU-NONGSAN");
        var enterprises = (await (await admin.GetAsync($"{ListEnterprises.Route}?within={split.Id}&pageSize=200")).ReadAsync<PagedResult<EnterpriseListItem>>())
            .Items.Where(e => e.UnitId == split.Id).ToList();
        var covered = enterprises.Single(e => e.GrassrootsUnitId == grassroots.Id);
        var uncovered = enterprises.First(e => e.GrassrootsUnitId is null);
        var officials = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={split.Id}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>()).Items;
        officials.Count.ShouldBeGreaterThanOrEqualTo(2);
        var leaving = officials[0];
        var otherOfficial = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={other.Id}&pageSize=1")).ReadAsync<PagedResult<OfficialListItem>>()).Items.Single();
        var rest = children.Where(c => c.Id != grassroots.Id).Select(c => c.Id).ToList();

        // From today (no effectiveOn).
        object Body(Guid[] heirEnterprises, Guid[] southEnterprises, Guid[] southOfficials) => new
        {
            successors = new object[]
            {
                new { code = "KCBAC", name = "LĐLĐ Khoái Châu Bắc", kind = "DistrictFederation", subUnitIds = rest, receivesRecords = true, enterpriseIds = heirEnterprises },
                new { code = "KCNAM", name = "LĐLĐ Khoái Châu Nam", kind = "DistrictFederation", subUnitIds = new[] { grassroots.Id }, receivesRecords = false,
                    enterpriseIds = southEnterprises, officialIds = southOfficials },
            },
        };

        // The enterprise covered by a grassroots union goes where that union goes; another unit's official is not the split unit's to give.
        var refused = await admin.PostJsonAsync(Split(split.Id), Body([covered.Id], [uncovered.Id], [leaving.Id, otherOfficial.Id]));
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.GetProperty("enterpriseIds")[0].GetString()!.ShouldContain(covered.Name);
        errors.GetProperty("officialIds")[0].GetString()!.ShouldContain(otherOfficial.Id.ToString());
        (await UnitAsync(admin, "KHOAICHAU")).Status.ShouldBe(UnitStatus.Active, "nothing is saved when the request is refused");

        var twice = await admin.PostJsonAsync(Split(split.Id), Body([uncovered.Id], [covered.Id, uncovered.Id], []));
        (await twice.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("enterpriseIds")[0].GetString()!.ShouldContain(uncovered.Name);

        var response = await admin.PostJsonAsync(Split(split.Id), Body([], [covered.Id, uncovered.Id], [leaving.Id]));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var south = await UnitAsync(admin, "KCNAM");
        var kept = (await (await admin.GetAsync($"{ListEnterprises.Route}?within={south.Id}&pageSize=200")).ReadAsync<PagedResult<EnterpriseListItem>>()).Items;
        kept.ShouldAllBe(e => e.UnitId == south.Id);
        kept.Select(e => e.Id).ShouldBe([covered.Id, uncovered.Id], ignoreOrder: true);
        var southOfficials = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={south.Id}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>()).Items;
        southOfficials.Select(o => o.Id).ShouldBe([leaving.Id]);
        var stayed = (await (await admin.GetAsync($"{ListOfficials.Route}?unitId={split.Id}&pageSize=200")).ReadAsync<PagedResult<OfficialListItem>>()).Items;
        stayed.Select(o => o.Id).ShouldBe(officials.Skip(1).Select(o => o.Id), ignoreOrder: true, "the officials not given stay with the split unit, under the heir");
        var aggregates = await (await admin.GetAsync($"{GetLabourAggregates.Route}?year=2025&within={south.Id}")).ReadAsync<LabourAggregates>();
        aggregates.Totals.Enterprises.ShouldBe(2, "the moved enterprises count under their new keeper");

        var trail = await (await admin.GetAsync($"/api/v1/audit?entityType=Official&entityId={leaving.Id}")).ReadAsync<JsonElement>();
        trail.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("changes").EnumerateArray()
            .Any(c => c.GetProperty("field").GetString() == "unitId" && c.GetProperty("new").GetString() == south.Id.ToString()));
    }
}
