using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Emulation;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The commendation rule "leads its cluster" (leads_cluster) reads the same ranking as the ranking endpoint: two units level
/// on total and timing are separated by the first criterion in the movement's order, not by the criteria's ids.
/// </summary>
public sealed class RankingTieBreakTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2039;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, long? version)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private static async Task<MovementDetail> LaunchAsync(HttpClient client, Guid unitId, string name)
    {
        var r = await client.PostJsonAsync(CreateMovement.Route, new
        {
            unitId, name, kind = "Regular", target = "Collectives", fromYear = Year, toYear = Year, registrationDeadline = new DateOnly(Year, 3, 31),
            participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
            criteria = new[] { new { name = "Tiêu chí 1", maxPoints = 10m, evidence = "Minh chứng" }, new { name = "Tiêu chí 2", maxPoints = 10m, evidence = "Minh chứng" } },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<MovementDetail>();
    }

    /// <summary>Registers <paramref name="unit"/>, self-scores it <paramref name="points"/> (in the movement's criterion order) and reviews it unchanged.</summary>
    private static async Task ReviewedAsync(HttpClient officer, HttpClient reviewer, MovementDetail movement, Guid unit, params decimal[] points)
    {
        var created = await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = unit, year = Year, targets = "Mục tiêu tập thể", people = Array.Empty<object>() });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var r = await created.ReadAsync<RegistrationDetail>();
        var criteria = movement.Criteria.OrderBy(c => c.Order).ToList();
        var scored = await Send(officer, HttpMethod.Put, ScoreRegistration.Route.Replace("{id}", r.Id.ToString()),
            new { scores = criteria.Select((c, n) => new { criterionId = c.Id, points = points[n], evidence = Array.Empty<object>() }).ToArray() }, r.Version);
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        var version = (await scored.ReadAsync<RegistrationDetail>()).Version;
        var reviewed = await Send(reviewer, HttpMethod.Put, ReviewRegistration.Route.Replace("{id}", r.Id.ToString()),
            new { adjustments = criteria.Select((c, n) => new { criterionId = c.Id, points = points[n], comment = "Giữ nguyên" }).ToArray() }, version);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
    }

    [ApiFact]
    public async Task Given_two_units_level_on_total_When_checked_for_leads_cluster_Then_the_first_criterion_in_the_movements_order_decides_as_in_the_ranking()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(province, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(province, "VANLAM-DETMAYLACHONG");
        var nhuQuynh = await AnnualReportTests.UnitIdAsync(province, "VANLAM-DIENTUNHUQUYNH");

        // Criterion ids are random: take a movement whose first criterion's id sorts after the second's, so ordering by id
        // would put the criteria the other way round (each launch is a coin toss; twenty tosses all landing the same way is ~1e-6).
        MovementDetail? movement = null;
        for (var n = 0; n < 20 && movement is null; n++)
        {
            var m = await LaunchAsync(province, root, $"Thi đua đồng điểm {n + 1}");
            var criteria = m.Criteria.OrderBy(c => c.Order).ToList();
            if (criteria[0].Id.CompareTo(criteria[1].Id) > 0) movement = m;
        }
        movement.ShouldNotBeNull();
        var cluster = await province.PostJsonAsync(CreateCluster.Route,
            new { unitId = root, year = Year, name = "Cụm đồng điểm 2039", kind = "Cluster", leadingUnitId = lacHong, memberUnitIds = new[] { lacHong, nhuQuynh } });
        cluster.StatusCode.ShouldBe(HttpStatusCode.Created, await cluster.Content.ReadAsStringAsync());
        // Level on total (10) and both on time: Lạc Hồng is higher on the first criterion, Như Quỳnh on the second.
        await ReviewedAsync(officer, province, movement, lacHong, 8m, 2m);
        await ReviewedAsync(officer, province, movement, nhuQuynh, 2m, 8m);
        var closed = await Send(province, HttpMethod.Post, CloseEmulationYear.Route.Replace("{id}", movement.Id.ToString()).Replace("{year}", $"{Year}"), new { }, movement.Version);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());

        var ranking = await (await province.GetAsync($"{GetRanking.Route.Replace("{id}", movement.Id.ToString())}?year={Year}")).ReadAsync<RankingView>();
        ranking.Clusters.Single(c => c.Name == "Cụm đồng điểm 2039").Rows.Select(r => (r.UnitId, r.Rank, r.Total)).ShouldBe([(lacHong, 1, 10m), (nhuQuynh, 2, 10m)]);

        var check = await officer.PostJsonAsync(CheckCommendationEligibility.Route,
            new { unitId = vanLam, year = Year, formCode = "TTLDXS", nominees = new[] { new { unitId = lacHong }, new { unitId = nhuQuynh } } });
        check.StatusCode.ShouldBe(HttpStatusCode.OK, await check.Content.ReadAsStringAsync());
        var view = await check.ReadAsync<EligibilityView>();
        view.Nominees[0].Rules.Single(r => r.Code == "leads_cluster").Passed.ShouldBeTrue("Lạc Hồng is first of the ranking");
        view.Nominees[1].Rules.Single(r => r.Code == "leads_cluster").Passed.ShouldBeFalse("Như Quỳnh is second of the ranking");
    }
}
