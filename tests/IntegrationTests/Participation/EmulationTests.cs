using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Files;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Emulation movements (#13): a unit in at most one cluster per year, scores within each criterion's maximum, evidence
/// from the unit's own records, the ranking's stated tie rule, the year's lock once closed, two reviewers racing (412),
/// and scope (404 outside). Each test works in a year of its own so the shared database never mixes them.
/// </summary>
public sealed class EmulationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static object Movement(Guid unitId, string name, int year, params decimal[] maxima) => new
    {
        unitId, name, kind = "Regular", target = "Collectives", fromYear = year, toYear = year, registrationDeadline = new DateOnly(year, 3, 31),
        participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
        criteria = maxima.Select((m, n) => new { name = $"Tiêu chí {n + 1}", maxPoints = m, evidence = "Minh chứng" }).ToArray(),
    };

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string url, object body, long? version)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private async Task<MovementDetail> LaunchAsync(HttpClient client, Guid unitId, string name, int year, params decimal[] maxima)
    {
        var r = await client.PostJsonAsync(CreateMovement.Route, Movement(unitId, name, year, maxima));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<MovementDetail>();
    }

    private static async Task<RegistrationDetail> RegisterAsync(HttpClient client, Guid movement, Guid unit, int year)
    {
        var r = await client.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement, unitId = unit, year, targets = "Mục tiêu tập thể", aimedTitles = "Tập thể lao động tiên tiến", people = Array.Empty<object>() });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<RegistrationDetail>();
    }

    private static Task<HttpResponseMessage> SelfScoreAsync(HttpClient client, RegistrationDetail r, params (decimal Points, object[] Evidence)[] points) =>
        Send(client, HttpMethod.Put, ScoreRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            scores = r.Criteria.Select((c, n) => new { criterionId = c.CriterionId, points = points[n].Points, evidence = points[n].Evidence }).ToArray(),
        }, r.Version);

    private static Task<HttpResponseMessage> SelfScoreAsync(HttpClient client, RegistrationDetail r, params decimal[] points) =>
        SelfScoreAsync(client, r, points.Select(p => (p, Array.Empty<object>())).ToArray());

    private static Task<HttpResponseMessage> ReviewAsync(HttpClient client, RegistrationDetail r, long version, params decimal[] points) =>
        Send(client, HttpMethod.Put, ReviewRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            adjustments = r.Criteria.Select((c, n) => new { criterionId = c.CriterionId, points = points[n], comment = "Điều chỉnh theo minh chứng" }).ToArray(),
        }, version);

    private static async Task<RegistrationDetail> ScoredAsync(HttpClient client, RegistrationDetail r, params decimal[] points)
    {
        var response = await SelfScoreAsync(client, r, points);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<RegistrationDetail>();
    }

    private static object Cluster(Guid unitId, int year, string name, Guid leader, params Guid[] members) =>
        new { unitId, year, name, kind = "Cluster", leadingUnitId = leader, memberUnitIds = members };

    [ApiFact]
    public async Task Given_a_unit_in_a_cluster_When_put_in_a_second_cluster_of_the_same_year_Then_409_cluster_membership_and_nothing_is_saved()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(province, "VANLAM");
        var myHao = await AnnualReportTests.UnitIdAsync(province, "MYHAO");
        var vanGiang = await AnnualReportTests.UnitIdAsync(province, "VANGIANG");

        var first = await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2031, "Cụm 1 năm 2031", vanLam, vanLam, myHao));
        first.StatusCode.ShouldBe(HttpStatusCode.Created, await first.Content.ReadAsStringAsync());
        var problem = await (await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2031, "Cụm 2 năm 2031", vanGiang, vanGiang, vanLam)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cluster_membership");
        problem.GetProperty("detail").GetString()!.ShouldContain("Cụm 1 năm 2031");
        // Another year is another competition: the same unit may be in a cluster of 2032.
        (await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2032, "Cụm 2 năm 2032", vanGiang, vanGiang, vanLam))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // Moving it in by an update is the same rule.
        var second = await (await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2031, "Cụm 3 năm 2031", vanGiang, vanGiang))).ReadAsync<ClusterDetail>();
        await (await Send(province, HttpMethod.Put, UpdateCluster.Route.Replace("{id}", second.Id.ToString()),
            new { name = second.Name, kind = "Cluster", leadingUnitId = vanGiang, memberUnitIds = new[] { vanGiang, myHao } }, second.Version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cluster_membership");

        var clusters = await (await province.GetAsync($"{ListClusters.Route}?year=2031")).ReadAsync<PagedResult<ClusterDetail>>();
        clusters.Items.Select(c => c.Name).Order().ShouldBe(["Cụm 1 năm 2031", "Cụm 3 năm 2031"]);
        clusters.Items.Single(c => c.Name == "Cụm 3 năm 2031").Members.Select(m => m.Id).ShouldBe([vanGiang]);
        // The leading unit is one of the members.
        await (await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2033, "Cụm sai cụm trưởng", vanGiang, vanLam)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "cluster_leader_not_member");
    }

    [ApiFact]
    public async Task Given_a_criterion_of_20_points_When_a_unit_scores_21_Then_409_score_above_maximum_and_evidence_must_be_its_own_recognised_initiative()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DETMAYLACHONG");
        var movement = await LaunchAsync(officer, vanLam, "Thi đua điểm tối đa", 2034, 20m, 10m);
        var registration = await RegisterAsync(officer, movement.Id, lacHong, 2034);
        registration.Late.ShouldBeFalse("registered before the deadline of 31/03/2034");

        var problem = await (await SelfScoreAsync(officer, registration, 21m, 5m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "score_above_maximum");
        problem.GetProperty("errors").TryGetProperty("scores[0].points", out _).ShouldBeTrue(problem.ToString());
        await (await SelfScoreAsync(officer, registration, 5m, -1m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "score_above_maximum");
        var unchanged = await (await officer.GetAsync(GetRegistration.For(registration.Id))).ReadAsync<RegistrationDetail>();
        unchanged.Status.ShouldBe(RegistrationStatus.Registered);
        unchanged.Criteria.ShouldAllBe(c => c.SelfPoints == null);

        // Evidence: a recognised initiative of the unit's subtree is accepted and labelled; one of another unit is not.
        var initiatives = await (await officer.GetAsync($"{ListInitiatives.Route}?status=Recognised&pageSize=100")).ReadAsync<PagedResult<InitiativeListItem>>();
        var own = initiatives.Items.First(i => i.UnitId == lacHong);
        var other = initiatives.Items.First(i => i.UnitId != lacHong);
        await (await SelfScoreAsync(officer, registration, (20m, [new { kind = "Initiative", recordId = other.Id }]), (10m, [])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "evidence_not_found");
        var scored = await (await SelfScoreAsync(officer, registration,
            (20m, [new { kind = "Initiative", recordId = own.Id }, new { kind = "Link", label = "Báo cáo", url = "https://example.org/bao-cao.pdf" }]), (9.5m, [])))
            .ReadAsync<RegistrationDetail>();
        scored.Total.ShouldBe(29.5m);
        scored.Criteria[0].Evidence.Select(e => e.Kind).ShouldBe([EvidenceKind.Initiative, EvidenceKind.Link]);
        scored.Criteria[0].Evidence[0].Label.ShouldContain(own.Title);
    }

    [ApiFact]
    public async Task Given_equal_totals_When_ranked_Then_the_first_criterion_decides_and_units_still_equal_share_the_rank()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var units = new[] { "VANLAM-DETMAYLACHONG", "VANLAM-DIENTUNHUQUYNH", "VANLAM-UBNDHUYEN" };
        var ids = new List<Guid>();
        foreach (var u in units) ids.Add(await AnnualReportTests.UnitIdAsync(officer, u));
        var movement = await LaunchAsync(officer, vanLam, "Thi đua xếp hạng", 2035, 20m, 20m);
        (await officer.PostJsonAsync(CreateCluster.Route, Cluster(vanLam, 2035, "Cụm xếp hạng 2035", ids[0], [.. ids]))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // All three total 15: Lạc Hồng has more on the first criterion; Như Quỳnh and UBND are equal on every criterion.
        await ScoredAsync(officer, await RegisterAsync(officer, movement.Id, ids[1], 2035), 8m, 7m);
        await ScoredAsync(officer, await RegisterAsync(officer, movement.Id, ids[2], 2035), 8m, 7m);
        await ScoredAsync(officer, await RegisterAsync(officer, movement.Id, ids[0], 2035), 10m, 5m);

        var ranking = await (await officer.GetAsync($"{GetRanking.Route.Replace("{id}", movement.Id.ToString())}?year=2035")).ReadAsync<RankingView>();
        ranking.Final.ShouldBeFalse("provisional until the year is closed");
        ranking.TieRule.ShouldContain("tiêu chí thứ nhất");
        var rows = ranking.Clusters.Single(c => c.Name == "Cụm xếp hạng 2035").Rows;
        rows.Select(r => (r.UnitId, r.Rank, r.Tied)).ShouldBe([(ids[0], 1, false), (rows[1].UnitId, 2, true), (rows[2].UnitId, 2, true)]);
        rows.Skip(1).Select(r => r.UnitId).Order().ShouldBe(new[] { ids[1], ids[2] }.Order());
        rows.ShouldAllBe(r => r.Total == 15m);

        var xlsx = await officer.GetAsync($"{ExportRankingXlsx.Route.Replace("{id}", movement.Id.ToString())}?year=2035");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var book = new OpenedWorkbook(await xlsx.Content.ReadAsByteArrayAsync());
        book.SheetNames.ShouldBe(["Cụm xếp hạng 2035", "Quy tắc xếp hạng"]);
        book.Text("Cụm xếp hạng 2035", "A1").ShouldBe("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN LÂM", "the launching unit issues the ranking");
        book.Text("Cụm xếp hạng 2035", "A2").ShouldBe("KẾT QUẢ XẾP HẠNG THI ĐUA NĂM 2035");
        book.Text("Cụm xếp hạng 2035", "A3").ShouldBe("Phong trào: Thi đua xếp hạng (kết quả tạm thời)");
        var total = book.ColumnOf("Cụm xếp hạng 2035", "Tổng điểm");
        book.Number("Cụm xếp hạng 2035", $"{total}{ReportWorkbook.HeaderRow + 1}").ShouldBe(15m);
    }

    [ApiFact]
    public async Task Given_a_closed_year_When_anything_of_it_changes_Then_409_emulation_year_closed()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(province, "VANLAM");
        var myHao = await AnnualReportTests.UnitIdAsync(province, "MYHAO");
        var movement = await LaunchAsync(province, root, "Thi đua khoá sổ", 2036, 50m);
        var cluster = await (await province.PostJsonAsync(CreateCluster.Route, Cluster(root, 2036, "Cụm khoá sổ 2036", vanLam, vanLam, myHao))).ReadAsync<ClusterDetail>();
        var registration = await ScoredAsync(officer, await RegisterAsync(officer, movement.Id, vanLam, 2036), 40m);

        var closed = await Send(province, HttpMethod.Post, CloseEmulationYear.Route.Replace("{id}", movement.Id.ToString()).Replace("{year}", "2036"), new { }, movement.Version);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var after = await closed.ReadAsync<MovementDetail>();
        after.ClosedYears.Select(y => y.Year).ShouldBe([2036]);

        await (await SelfScoreAsync(officer, registration, 45m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "emulation_year_closed");
        await (await ReviewAsync(province, registration, registration.Version, 30m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "emulation_year_closed");
        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHaoOfficer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = myHao, year = 2036, targets = "Muộn", people = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "emulation_year_closed");
        await (await Send(province, HttpMethod.Put, UpdateCluster.Route.Replace("{id}", cluster.Id.ToString()),
            new { name = "Đổi tên", kind = "Cluster", leadingUnitId = myHao, memberUnitIds = new[] { vanLam, myHao } }, cluster.Version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "emulation_year_closed");
        await (await Send(province, HttpMethod.Post, CloseEmulationYear.Route.Replace("{id}", movement.Id.ToString()).Replace("{year}", "2036"), new { }, after.Version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "emulation_year_closed");

        var ranking = await (await officer.GetAsync($"{GetRanking.Route.Replace("{id}", movement.Id.ToString())}?year=2036")).ReadAsync<RankingView>();
        ranking.Final.ShouldBeTrue();
        var row = ranking.Clusters.Single(c => c.ClusterId == cluster.Id).Rows.Single();
        (row.UnitId, row.Rank, row.Total).ShouldBe((vanLam, 1, 40m));
        ranking.Clusters.Single(c => c.ClusterId == cluster.Id).NotRegistered.Select(u => u.Id).ShouldBe([myHao]);
        (await (await officer.GetAsync(GetRegistration.For(registration.Id))).ReadAsync<RegistrationDetail>()).CanScore.ShouldBeFalse();
    }

    [ApiFact]
    public async Task Given_two_reviewers_with_the_same_ETag_When_both_adjust_Then_one_wins_and_the_other_gets_412()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(province, "VANLAM");
        var movement = await LaunchAsync(province, root, "Thi đua thẩm định", 2037, 30m, 30m);
        var registration = await ScoredAsync(officer, await RegisterAsync(officer, movement.Id, vanLam, 2037), 30m, 25m);

        // The unit never reviews itself: Văn Lâm's officer does not manage emulation over the province.
        await (await ReviewAsync(officer, registration, registration.Version, 20m, 20m)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var read = await (await province.GetAsync(GetRegistration.For(registration.Id))).ReadAsync<RegistrationDetail>();
        read.CanReview.ShouldBeTrue();

        var first = await ReviewAsync(province, read, read.Version, 28m, 25m);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        await (await ReviewAsync(admin, read, read.Version, 20m, 20m)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var final = await (await province.GetAsync(GetRegistration.For(registration.Id))).ReadAsync<RegistrationDetail>();
        final.Status.ShouldBe(RegistrationStatus.Reviewed);
        final.Criteria.Select(c => c.FinalPoints).ShouldBe([28m, 25m]);
        final.Total.ShouldBe(53m);
        // A changed score needs its reason.
        await (await Send(province, HttpMethod.Put, ReviewRegistration.Route.Replace("{id}", registration.Id.ToString()),
            new { adjustments = new[] { new { criterionId = final.Criteria[0].CriterionId, points = 10m, comment = (string?)null } } }, final.Version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "review_comment_required");
        // Once reviewed, the unit no longer rescores itself.
        await (await SelfScoreAsync(officer, final, 30m, 30m)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "registration_reviewed");
    }

    [ApiFact]
    public async Task Given_a_registration_of_Van_Lam_When_Mao_Hao_reads_or_scores_it_Then_404_and_registering_another_district_is_404()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(province, "VANLAM");
        var movement = await LaunchAsync(province, root, "Thi đua phạm vi", 2038, 10m);
        var registration = await RegisterAsync(officer, movement.Id, vanLam, 2038);

        await (await myHaoOfficer.GetAsync(GetRegistration.For(registration.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await SelfScoreAsync(myHaoOfficer, registration, 5m)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHaoOfficer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = vanLam, year = 2038, targets = "x", people = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await myHaoOfficer.GetAsync($"{ListRegistrations.Route}?movementId={movement.Id}")).ReadAsync<PagedResult<RegistrationListItem>>()).Items.ShouldBeEmpty();
        // The province's movement applies downwards: both districts read it; a district's own movement stays in its subtree.
        (await myHaoOfficer.GetAsync(GetMovement.For(movement.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = await LaunchAsync(officer, vanLam, "Thi đua riêng Văn Lâm", 2038, 10m);
        await (await myHaoOfficer.GetAsync(GetMovement.For(own.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Registering twice for one year is refused.
        await (await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = vanLam, year = 2038, targets = "x", people = Array.Empty<object>() }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_registered");
    }

    [ApiFact]
    public async Task Given_the_demo_Then_2024_is_closed_and_ranked_and_2025_is_registered_and_in_progress()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var movements = await (await province.GetAsync($"{ListMovements.Route}?year=2025")).ReadAsync<PagedResult<MovementListItem>>();
        var workers = movements.Items.Single(m => m.Name == "Lao động giỏi – Lao động sáng tạo");
        workers.ClosedYears.ShouldBe([2024]);
        var ranking2024 = await (await province.GetAsync($"{GetRanking.Route.Replace("{id}", workers.Id.ToString())}?year=2024")).ReadAsync<RankingView>();
        ranking2024.Final.ShouldBeTrue();
        ranking2024.Clusters.Single(c => c.Name.StartsWith("Cụm thi đua số 1")).Rows.Select(r => r.UnitName).ShouldBe(
            ["Liên đoàn Lao động huyện Văn Lâm", "Liên đoàn Lao động thị xã Mỹ Hào"]);
        var ranking2025 = await (await province.GetAsync($"{GetRanking.Route.Replace("{id}", workers.Id.ToString())}?year=2025")).ReadAsync<RankingView>();
        ranking2025.Final.ShouldBeFalse();
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var mine = await (await officer.GetAsync($"{ListRegistrations.Route}?movementId={workers.Id}&year=2025")).ReadAsync<PagedResult<RegistrationListItem>>();
        mine.Items.Single(r => r.UnitName == "Liên đoàn Lao động huyện Văn Lâm").Status.ShouldBe(RegistrationStatus.Registered);
    }
}
