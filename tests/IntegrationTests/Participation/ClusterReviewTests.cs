using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Features.Emulation;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// "The cluster leader or the upper unit reviews and adjusts with a comment" (#13): a unit's self-scoring asks both the
/// upper unit and the leading unit of its cluster that year to review; the leader's emulation officers read and review
/// the registration (the same 412 race), a unit of another cluster neither hears of it nor sees it (404), and the
/// upper unit still reviews. Each test works in a year of its own.
/// </summary>
public sealed class ClusterReviewTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, long version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, RegistrationDetail r, long version, params decimal[] points) =>
        Put(client, ReviewRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            adjustments = r.Criteria.Select((c, n) => new { criterionId = c.CriterionId, points = points[n], comment = "Điều chỉnh theo minh chứng" }).ToArray(),
        }, version);

    private sealed record Setup(HttpClient Province, HttpClient VanLam, HttpClient MyHao, Guid Root, Guid VanLamId, Guid MyHaoId, Guid VanGiangId);

    private async Task<Setup> LoginAsync()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        return new Setup(province, vanLam, myHao, await AnnualReportTests.UnitIdAsync(province, "HY"), await AnnualReportTests.UnitIdAsync(province, "VANLAM"),
            await AnnualReportTests.UnitIdAsync(province, "MYHAO"), await AnnualReportTests.UnitIdAsync(province, "VANGIANG"));
    }

    private static async Task FormClusterAsync(Setup s, int year, string name, Guid leader, params Guid[] members)
    {
        var r = await s.Province.PostJsonAsync(CreateCluster.Route, new { unitId = s.Root, year, name, kind = "Cluster", leadingUnitId = leader, memberUnitIds = members });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    /// <summary>The province launches a movement for the year; Văn Lâm registers and scores itself 45 + 40.</summary>
    private static async Task<RegistrationDetail> VanLamScoredAsync(Setup s, int year)
    {
        var created = await s.Province.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = s.Root, name = $"Thi đua cụm trưởng thẩm định {year}", kind = "Regular", target = "Collectives", fromYear = year, toYear = year,
            registrationDeadline = new DateOnly(year, 3, 31), participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
            criteria = new[] { new { name = "Sáng kiến", maxPoints = 50m, evidence = "Giấy chứng nhận" }, new { name = "Đào tạo", maxPoints = 50m, evidence = "Danh sách" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var movement = await created.ReadAsync<MovementDetail>();
        var registered = await s.VanLam.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = s.VanLamId, year, targets = "Mục tiêu", people = Array.Empty<object>() });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var r = await registered.ReadAsync<RegistrationDetail>();
        var scored = await Put(s.VanLam, ScoreRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            scores = r.Criteria.Select((c, n) => new { criterionId = c.CriterionId, points = n == 0 ? 45m : 40m, evidence = Array.Empty<object>() }).ToArray(),
        }, r.Version);
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        return await scored.ReadAsync<RegistrationDetail>();
    }

    private static bool AskedFor(Khcn.Platform.Features.Notifications.NotificationsPage page, RegistrationDetail r) =>
        page.Items.Any(n => n.Kind == "emulation.review-requested" && n.Link!.EndsWith(r.Id.ToString()));

    [ApiFact]
    public async Task Given_Van_Lam_in_the_cluster_Mi_Hao_leads_When_it_self_scores_Then_Mi_Hao_is_asked_to_review_reads_who_reviews_and_may_review_and_the_second_reviewer_gets_412()
    {
        var s = await LoginAsync();
        await FormClusterAsync(s, 2045, "Cụm Mỹ Hào – Văn Lâm 2045", s.MyHaoId, s.MyHaoId, s.VanLamId);
        var r = await VanLamScoredAsync(s, 2045);

        // Both reviewers are asked: the cluster leader (Mỹ Hào's officers) and the upper unit (the province).
        var asked = await Notices.WaitForAsync(s.MyHao, p => AskedFor(p, r), "the review request to the cluster leader");
        asked.Items.Single(n => n.Kind == "emulation.review-requested" && n.Link!.EndsWith(r.Id.ToString())).Text
            .ShouldBe($"Liên đoàn Lao động huyện Văn Lâm đã tự chấm điểm thi đua năm 2045 của phong trào \"Thi đua cụm trưởng thẩm định 2045\" (85 điểm); đề nghị đơn vị thẩm định.");
        await Notices.WaitForAsync(s.Province, p => AskedFor(p, r), "the review request to the upper unit");

        // The leader's officer reads the registration (outside their own subtree) and sees both reviewers named.
        var read = await s.MyHao.GetAsync(GetRegistration.For(r.Id));
        read.StatusCode.ShouldBe(HttpStatusCode.OK, await read.Content.ReadAsStringAsync());
        var detail = await read.ReadAsync<RegistrationDetail>();
        detail.CanReview.ShouldBeTrue();
        detail.CanScore.ShouldBeFalse();
        detail.Reviewers.Select(x => (x.UnitId, x.Role)).ShouldBe([(s.Root, ReviewerRole.UpperUnit), (s.MyHaoId, ReviewerRole.ClusterLeader)]);
        detail.Reviewers.Single(x => x.Role == ReviewerRole.ClusterLeader).UnitName.ShouldContain("Mỹ Hào");

        // The leader adjusts; the province, reviewing from the same version, loses the race (412) and nothing of it is kept.
        var reviewed = await ReviewAsync(s.MyHao, detail, detail.Version, 45m, 30m);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        (await ReviewAsync(s.Province, detail, detail.Version, 10m, 10m)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var after = await (await s.VanLam.GetAsync(GetRegistration.For(r.Id))).ReadAsync<RegistrationDetail>();
        after.Total.ShouldBe(75m);
        after.CanReview.ShouldBeFalse("Văn Lâm does not review itself");
        // A leader may not score for the unit it reviews.
        (await Put(s.MyHao, ScoreRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            scores = after.Criteria.Select(c => new { criterionId = c.CriterionId, points = 1m, evidence = Array.Empty<object>() }).ToArray(),
        }, after.Version)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_Mi_Hao_leads_another_cluster_When_Van_Lam_self_scores_Then_Mi_Hao_is_not_asked_gets_404_and_the_upper_unit_still_reviews()
    {
        var s = await LoginAsync();
        // Mỹ Hào's cluster is formed first, so a leader looked up by the year alone (not by membership) would be Mỹ Hào.
        await FormClusterAsync(s, 2046, "Cụm Mỹ Hào 2046", s.MyHaoId, s.MyHaoId);
        await FormClusterAsync(s, 2046, "Cụm Văn Giang – Văn Lâm 2046", s.VanGiangId, s.VanGiangId, s.VanLamId);
        var r = await VanLamScoredAsync(s, 2046);

        await Notices.WaitForAsync(s.Province, p => AskedFor(p, r), "the review request to the upper unit");
        (await Notices.WaitForAsync(s.MyHao, _ => true)).Items.ShouldNotContain(n => n.Link != null && n.Link.EndsWith(r.Id.ToString()),
            "Mỹ Hào leads another cluster: it is no reviewer of Văn Lâm");
        (await s.MyHao.GetAsync(GetRegistration.For(r.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ReviewAsync(s.MyHao, r, r.Version, 10m, 10m)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var detail = await (await s.Province.GetAsync(GetRegistration.For(r.Id))).ReadAsync<RegistrationDetail>();
        detail.CanReview.ShouldBeTrue();
        detail.Reviewers.Select(x => (x.UnitId, x.Role)).ShouldBe([(s.Root, ReviewerRole.UpperUnit), (s.VanGiangId, ReviewerRole.ClusterLeader)]);
        var reviewed = await ReviewAsync(s.Province, detail, detail.Version, 40m, 40m);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        (await reviewed.ReadAsync<RegistrationDetail>()).Total.ShouldBe(80m);
    }

    private static async Task<List<RegistrationListItem>> ListAsync(HttpClient client, string extra = "")
    {
        var r = await client.GetAsync($"{ListRegistrations.Route}?pageSize=100&sort=-registeredOn{extra}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<RegistrationListItem>>()).Items.ToList();
    }

    [ApiFact]
    public async Task Given_Mi_Hao_leads_Van_Lams_cluster_When_it_lists_registrations_Then_it_sees_Van_Lams_marked_but_not_another_clusters_and_Van_Lam_sees_no_more()
    {
        var s = await LoginAsync();
        await FormClusterAsync(s, 2047, "Cụm Mỹ Hào – Văn Lâm 2047", s.MyHaoId, s.MyHaoId, s.VanLamId);
        var mine = await VanLamScoredAsync(s, 2047);
        var registered = await s.MyHao.PostJsonAsync(RegisterForMovement.Route, new { movementId = mine.MovementId, unitId = s.MyHaoId, year = 2047, targets = "Mục tiêu", people = Array.Empty<object>() });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var leaders = await registered.ReadAsync<RegistrationDetail>();
        await FormClusterAsync(s, 2048, "Cụm Văn Giang – Văn Lâm 2048", s.VanGiangId, s.VanGiangId, s.VanLamId);
        var other = await VanLamScoredAsync(s, 2048);

        // The leader lists its member's registration of the year it leads, marked; its own is listed unmarked.
        var led = await ListAsync(s.MyHao);
        led.Single(x => x.Id == mine.Id).ClusterLed.ShouldBeTrue();
        led.Single(x => x.Id == leaders.Id).ClusterLed.ShouldBeFalse("Mỹ Hào's own registration is in its scope");
        led.ShouldNotContain(x => x.Id == other.Id, "2048's cluster is led by Văn Giang");
        led.Where(x => x.UnitId == s.VanLamId).ShouldAllBe(x => x.ClusterLed && x.Year != 2048, "Văn Lâm only in the years Mỹ Hào leads its cluster, marked");
        var filtered = await ListAsync(s.MyHao, "&clusterLed=true");
        filtered.ShouldContain(x => x.Id == mine.Id);
        filtered.ShouldAllBe(x => x.ClusterLed && x.UnitId != s.MyHaoId);
        filtered.ShouldNotContain(x => x.Id == leaders.Id);
        // What the list offers, the detail opens (the same rule): the marked one to review, the other cluster's 404.
        var opened = await s.MyHao.GetAsync(GetRegistration.For(mine.Id));
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        (await opened.ReadAsync<RegistrationDetail>()).CanReview.ShouldBeTrue();
        (await s.MyHao.GetAsync(GetRegistration.For(other.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Văn Lâm, a member in 2047 and 2048 (no leader), sees its own registrations unmarked and not Mỹ Hào's 2047 one.
        var own = await ListAsync(s.VanLam);
        own.ShouldContain(x => x.Id == mine.Id && !x.ClusterLed);
        own.ShouldNotContain(x => x.Id == leaders.Id);
        own.Where(x => x.Year >= 2047).ShouldAllBe(x => !x.ClusterLed && x.UnitId == s.VanLamId);
        // In the demo Văn Lâm leads the district cluster of 2024: Mỹ Hào's 2024 registration is marked; its own base
        // unions (in its scope, whose base-level cluster one of them leads) are listed but never marked.
        own.ShouldContain(x => x.UnitId == s.MyHaoId && x.Year == 2024 && x.ClusterLed);
        own.ShouldContain(x => x.UnitName.StartsWith("CĐCS"));
        own.Where(x => x.UnitName.StartsWith("CĐCS")).ShouldAllBe(x => !x.ClusterLed);
        (await ListAsync(s.VanLam, "&clusterLed=true")).ShouldAllBe(x => x.ClusterLed && x.Year == 2024 && x.UnitName.StartsWith("Liên đoàn Lao động"));
    }
}
