using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;
using Khcn.Organization.Features.Units.Headcounts;

namespace Khcn.IntegrationTests.Organization;

/// <summary>Member and worker counts of a unit, read as of a day and summed over a subtree (demo data: 31/12/2023, 31/12/2024, 30/06/2025).</summary>
public sealed class UnitHeadcountTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static async Task<UnitDetail> UnitAsOfAsync(HttpClient client, Guid id, string? day) =>
        await (await client.GetAsync(GetUnit.For(id) + (day is null ? "" : $"?asOf={day}"))).ReadAsync<UnitDetail>();

    private static async Task<List<UnitHeadcountView>> HistoryAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(ListUnitHeadcounts.For(id))).ReadAsync<List<UnitHeadcountView>>();

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, string day, object body) =>
        client.PutAsJsonAsync($"/api/v1/organization/units/{id}/headcounts/{day}", body, Support.Http.Json);

    [ApiFact]
    public async Task Given_seeded_figures_When_reading_a_unit_as_of_a_day_Then_the_latest_record_on_or_before_it_is_shown()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var id = await UnitIdAsync(officer, "VANLAM-DETMAYLACHONG");
        var history = await HistoryAsync(officer, id);

        history.Select(h => h.AsOf).ShouldBe([new DateOnly(2025, 6, 30), new DateOnly(2024, 12, 31), new DateOnly(2023, 12, 31)], "newest first");
        (await UnitAsOfAsync(officer, id, "2023-06-01")).Headcount.ShouldBeNull("nothing was recorded before the end of 2023");
        (await UnitAsOfAsync(officer, id, "2023-12-31")).Headcount.ShouldBe(new HeadcountAsOf(history[2].AsOf, history[2].Members, history[2].Workers));
        (await UnitAsOfAsync(officer, id, "2024-12-30")).Headcount!.AsOf.ShouldBe(new DateOnly(2023, 12, 31));
        (await UnitAsOfAsync(officer, id, "2025-01-15")).Headcount.ShouldBe(new HeadcountAsOf(history[1].AsOf, history[1].Members, history[1].Workers));
        (await UnitAsOfAsync(officer, id, null)).Headcount!.AsOf.ShouldBe(new DateOnly(2025, 6, 30), "today by default");
    }

    [ApiFact]
    public async Task Given_a_unit_officer_When_recording_correcting_and_deleting_figures_of_a_day_Then_the_as_of_read_follows()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var id = await UnitIdAsync(officer, "VANLAM-UBNDHUYEN");
        var before = await HistoryAsync(officer, id);

        var created = await PutAsync(officer, id, "2025-09-30", new { members = 40, workers = 52, note = "Rà soát quý III" });
        var corrected = await PutAsync(officer, id, "2025-09-30", new { members = 41, workers = 52 });

        (await created.ReadAsync<UnitHeadcountView>()).Note.ShouldBe("Rà soát quý III");
        (await corrected.ReadAsync<UnitHeadcountView>()).Members.ShouldBe(41);
        var after = await HistoryAsync(officer, id);
        after.Count.ShouldBe(before.Count + 1, "the same day is replaced, not added twice");
        (await UnitAsOfAsync(officer, id, "2025-10-01")).Headcount.ShouldBe(new HeadcountAsOf(new DateOnly(2025, 9, 30), 41, 52));
        (await UnitAsOfAsync(officer, id, "2025-09-29")).Headcount!.AsOf.ShouldBe(new DateOnly(2025, 6, 30));

        (await officer.DeleteAsync($"/api/v1/organization/units/{id}/headcounts/2025-09-30")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await UnitAsOfAsync(officer, id, "2025-10-01")).Headcount!.AsOf.ShouldBe(new DateOnly(2025, 6, 30));
        await (await officer.DeleteAsync($"/api/v1/organization/units/{id}/headcounts/2025-09-30")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_more_members_than_workers_Then_409_named_on_members_and_nothing_is_recorded()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var id = await UnitIdAsync(officer, "VANLAM-DIENTUNHUQUYNH");

        var response = await PutAsync(officer, id, "2025-08-31", new { members = 120, workers = 100 });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "members_above_workers");
        problem.GetProperty("errors").GetProperty("members").GetArrayLength().ShouldBe(1);
        (await HistoryAsync(officer, id)).ShouldNotContain(h => h.AsOf == new DateOnly(2025, 8, 31));
        (await PutAsync(officer, id, "2025-08-31", new { members = 100, workers = 100 })).StatusCode.ShouldBe(HttpStatusCode.OK, "all workers may be members");
    }

    [ApiFact]
    public async Task Given_a_day_in_the_future_or_before_2000_or_a_negative_count_Then_409_named_on_the_field()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var id = await UnitIdAsync(officer, "VANLAM-DIENTUNHUQUYNH");
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(1);

        var future = await PutAsync(officer, id, tomorrow.ToString("yyyy-MM-dd"), new { members = 1, workers = 2 });
        var early = await PutAsync(officer, id, "1999-12-31", new { members = 1, workers = 2 });
        var negative = await PutAsync(officer, id, "2025-01-31", new { members = 0, workers = -1 });

        (await future.ShouldBeProblemAsync(HttpStatusCode.Conflict, "as_of_in_future")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        (await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "as_of_too_early")).GetProperty("errors").TryGetProperty("asOf", out _).ShouldBeTrue();
        (await negative.ShouldBeProblemAsync(HttpStatusCode.Conflict, "negative_count")).GetProperty("errors").TryGetProperty("workers", out _).ShouldBeTrue();
    }

    [ApiFact]
    public async Task Given_a_unit_of_another_district_Then_404_and_a_read_only_leader_gets_403_on_recording()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var vanLamUnit = await UnitIdAsync(admin, "VANLAM-DETMAYLACHONG");
        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        var leader = await api.LoginAsync(Users.Leader);

        await (await myHaoOfficer.GetAsync(ListUnitHeadcounts.For(vanLamUnit))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHaoOfficer.GetAsync(GetHeadcountTotal.For(vanLamUnit))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await PutAsync(myHaoOfficer, vanLamUnit, "2025-07-31", new { members = 1, workers = 2 })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await HistoryAsync(leader, vanLamUnit)).ShouldNotBeEmpty("the leader reads everything");
        await (await PutAsync(leader, vanLamUnit, "2025-07-31", new { members = 1, workers = 2 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await HistoryAsync(admin, vanLamUnit)).ShouldNotContain(h => h.AsOf == new DateOnly(2025, 7, 31));
    }

    [ApiFact]
    public async Task Given_seeded_grassroots_figures_When_totalling_a_district_Then_it_is_the_sum_of_each_grassroots_latest_record()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var district = await UnitIdAsync(admin, "MYHAO");
        var grassroots = new[] { await UnitIdAsync(admin, "MYHAO-COKHIMINHDUC"), await UnitIdAsync(admin, "MYHAO-NHUAPHONOI") };
        var officer = await api.LoginAsync(Users.MyHaoOfficer);

        foreach (var (day, recorded) in new[] { ("2024-06-30", new DateOnly(2023, 12, 31)), ("2025-06-30", new DateOnly(2025, 6, 30)) })
        {
            var total = await (await officer.GetAsync($"/api/v1/organization/units/{district}/headcounts/total?asOf={day}")).ReadAsync<HeadcountTotal>();
            var latest = new List<UnitHeadcountView>();
            foreach (var g in grassroots) latest.Add((await HistoryAsync(admin, g)).First(h => h.AsOf == recorded));

            total.Members.ShouldBe(latest.Sum(h => h.Members), day);
            total.Workers.ShouldBe(latest.Sum(h => h.Workers), day);
            total.UnitsCounted.ShouldBe(2);
            total.UnitsWithoutRecord.ShouldBe(0);
        }
        var early = await (await officer.GetAsync(GetHeadcountTotal.For(district, new DateOnly(2023, 1, 1)))).ReadAsync<HeadcountTotal>();
        (early.Members, early.Workers, early.UnitsCounted, early.UnitsWithoutRecord).ShouldBe((0, 0, 0, 2));
        (await UnitAsOfAsync(officer, district, "2025-06-30")).Headcount.ShouldBeNull("an upper-level unit's figures are its roll-up");
    }

    [ApiFact]
    public async Task Given_the_province_When_totalling_Then_every_grassroots_union_counts_once()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await UnitIdAsync(admin, "HY");
        var units = (await (await admin.GetAsync($"{ListUnits.Route}?within={root}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>()).Items;
        var grassroots = units.Where(u => u.Kind == Khcn.Organization.Contracts.UnitKind.Grassroots).ToList();
        var expected = 0;
        foreach (var g in grassroots)
            expected += (await HistoryAsync(admin, g.Id)).First(h => h.AsOf <= new DateOnly(2024, 12, 31)).Workers;

        var total = await (await admin.GetAsync(GetHeadcountTotal.For(root, new DateOnly(2024, 12, 31)))).ReadAsync<HeadcountTotal>();

        total.Workers.ShouldBe(expected);
        total.UnitsCounted.ShouldBe(grassroots.Count);
    }
}
