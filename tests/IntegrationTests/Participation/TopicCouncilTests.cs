using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;
using Khcn.Participation.Features.Topics;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Councils for research topics on the one council mechanism: a selection council for a batch of a call's submitted
/// topics and an acceptance council (nghiệm thu) for topics being carried out. The lead and members never sit on or
/// score their topic; scoring is blind; each member gives 1–10 on practical significance, applicability, expected
/// efficiency and feasibility; the weighted average (rule set DT-2024.1 — a HOUSE RULE, see TopicRules) passes at the
/// call's threshold, and acceptance takes its band (Xuất sắc ≥ 9, Khá ≥ 7, Đạt ≥ 5, else Không đạt); the quorum is two
/// thirds of the members; the secretary closes; a late score is refused.
/// </summary>
public sealed class TopicCouncilTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Password = "Demo@2025!x";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal sealed record Seat(Guid OfficialId, string Email, CouncilRole Role, HttpClient Client);

    internal sealed record Proposer(HttpClient Officer, Guid Unit, Guid Lead, Guid Member);

    private Task<List<Seat>> PanelAsync(string tag, int size = 5) => PanelAsync(api, tag, size);

    /// <summary>Five officials of Lạc Hồng with council-member accounts: chair, vice-chair, secretary and two experts (no union representative: topics need none).</summary>
    internal static async Task<List<Seat>> PanelAsync(ApiFactory api, string tag, int size = 5)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(admin, LacHong);
        CouncilRole[] roles = [CouncilRole.Chair, CouncilRole.ViceChair, CouncilRole.Secretary];
        var seats = new List<Seat>();
        for (var n = 0; n < size; n++)
        {
            var email = $"hddt.{tag}.{n}@hungyen.demo";
            var official = await TopicTests.OfficialAsync(officer, unit, $"Thành viên HĐ {tag} {n}", email);
            var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
            {
                email, fullName = $"Thành viên HĐ {tag} {n}", password = Password, grants = new[] { new { role = "council-member", unitId = unit } },
            });
            user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());
            seats.Add(new Seat(official, email, n < roles.Length ? roles[n] : CouncilRole.Expert, await api.LoginAsync(email, Password)));
        }
        return seats;
    }

    private Task<Proposer> ProposerAsync(string tag) => ProposerAsync(api, tag);

    /// <summary>The Văn Lâm officer proposing for Lạc Hồng, a lead with the e-mail <c>cn.{tag}@hungyen.demo</c> and a member.</summary>
    internal static async Task<Proposer> ProposerAsync(ApiFactory api, string tag)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        return new Proposer(officer, unit, await TopicTests.OfficialAsync(officer, unit, $"Chủ nhiệm {tag}", $"cn.{tag}@hungyen.demo"),
            await TopicTests.OfficialAsync(officer, unit, $"Thành viên đề tài {tag}"));
    }

    internal static async Task<TopicDetail> SubmittedAsync(Proposer p, Guid callId, string title)
    {
        var r = await p.Officer.PostJsonAsync(ProposeTopic.Route, TopicTests.Proposal(callId, p.Unit, title, p.Lead, [p.Member]));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var draft = await r.ReadAsync<TopicDetail>();
        var s = await TopicTests.StepAsync(p.Officer, SubmitTopic.Route, draft.Id, draft.Version);
        s.StatusCode.ShouldBe(HttpStatusCode.OK, await s.Content.ReadAsStringAsync());
        return await s.ReadAsync<TopicDetail>();
    }

    private static object Form(string name, CouncilItemKind kind, IEnumerable<Guid> items, IEnumerable<(Guid OfficialId, CouncilRole Role)> seats) => new
    {
        name, itemKind = kind.ToString(), itemIds = items.ToArray(),
        members = seats.Select(s => new { officialId = s.OfficialId, role = s.Role.ToString() }).ToArray(),
    };

    internal static async Task<CouncilDetail> FormAsync(HttpClient province, string name, CouncilItemKind kind, IReadOnlyList<Seat> seats, params Guid[] items)
    {
        var r = await province.PostJsonAsync(FormCouncil.Route, Form(name, kind, items, seats.Select(s => (s.OfficialId, s.Role))));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<CouncilDetail>();
    }

    /// <summary>Points in the order practical significance, applicability, expected efficiency, feasibility.</summary>
    private static object Points(params int?[] points) => new
    {
        comment = "Nhận xét của thành viên",
        findings = Enum.GetNames<TopicCriterion>().Select((c, n) => new { criterion = c, met = true, points = points[n] }).ToArray(),
    };

    private static Task<HttpResponseMessage> ScoreAsync(Seat seat, Guid council, Guid item, params int?[] points) =>
        seat.Client.PutAsJsonAsync(ScoreCouncilItem.Route.Replace("{id}", council.ToString()).Replace("{itemId}", item.ToString()), Points(points), Support.Http.Json);

    internal static async Task ScoredAsync(Seat seat, Guid council, Guid item, params int?[] points)
    {
        var r = await ScoreAsync(seat, council, item, points);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
    }

    internal static Task<HttpResponseMessage> CloseAsync(HttpClient client, Guid council, string number) =>
        client.PostJsonAsync(CloseCouncil.Route.Replace("{id}", council.ToString()), new { decisionNumber = number, decisionDate = Today });

    internal static async Task<TopicDetail> TopicAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(GetTopic.Route.Replace("{id}", id.ToString()))).ReadAsync<TopicDetail>();

    private static async Task<CouncilDetail> CouncilAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(GetCouncil.Route.Replace("{id}", id.ToString()))).ReadAsync<CouncilDetail>();

    [ApiFact]
    public async Task Given_the_topics_lead_or_member_When_forming_its_council_Then_409_coi_author_member_and_other_refusals_save_nothing()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng HĐ xung đột", Today.AddDays(20));
        var other = await TopicTests.CallAsync(province, "Đặt hàng HĐ khác", Today.AddDays(20));
        var p = await ProposerAsync("coi");
        var topic = await SubmittedAsync(p, call.Id, "Đề tài có xung đột lợi ích");
        var elsewhere = await SubmittedAsync(p, other.Id, "Đề tài đợt khác");
        var seats = await PanelAsync("coi");
        var baseSeats = seats.Select(s => (s.OfficialId, s.Role)).ToList();

        // The lead (same official and e-mail) and a member (known without e-mail: same official) never sit on the topic's council.
        (await (await province.PostJsonAsync(FormCouncil.Route, Form("HĐ có chủ nhiệm", CouncilItemKind.TopicSelection, [topic.Id], [.. baseSeats, (p.Lead, CouncilRole.Expert)])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_author_member")).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Chủ nhiệm coi");
        await (await province.PostJsonAsync(FormCouncil.Route, Form("HĐ có thành viên đề tài", CouncilItemKind.TopicSelection, [topic.Id], [.. baseSeats, (p.Member, CouncilRole.Expert)])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_author_member");
        // One call per council; the proposing unit (no topics.manage over the call's unit) cannot form it; a submitted topic is not yet accepted.
        await (await province.PostJsonAsync(FormCouncil.Route, Form("HĐ hai đợt", CouncilItemKind.TopicSelection, [topic.Id, elsewhere.Id], baseSeats)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_items_call");
        await (await p.Officer.PostJsonAsync(FormCouncil.Route, Form("HĐ của đơn vị đề xuất", CouncilItemKind.TopicSelection, [topic.Id], baseSeats)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await province.PostJsonAsync(FormCouncil.Route, Form("HĐ nghiệm thu sớm", CouncilItemKind.TopicAcceptance, [topic.Id], baseSeats)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        (await TopicAsync(province, topic.Id)).Status.ShouldBe(TopicStatus.Submitted, "nothing half-saved");

        // Formed without them: no union representative is needed for topics; the topic moves under selection with a step.
        var council = await FormAsync(province, "HĐ tuyển chọn hợp lệ", CouncilItemKind.TopicSelection, seats, topic.Id);
        council.ItemKind.ShouldBe(CouncilItemKind.TopicSelection);
        council.TopicJudging.ShouldNotBeNull().RuleSetCode.ShouldBe("DT-2024.1");
        council.TopicJudging!.PassMark.ShouldBe(7.0m);
        council.Items.ShouldHaveSingleItem().Topic.ShouldNotBeNull().Lead.ShouldBe("Chủ nhiệm coi");
        var moved = await TopicAsync(province, topic.Id);
        moved.Status.ShouldBe(TopicStatus.UnderSelection);
        moved.Councils.ShouldHaveSingleItem().Id.ShouldBe(council.Id);
        // A second council for the same topic: it is no longer submitted.
        await (await province.PostJsonAsync(FormCouncil.Route, Form("HĐ lần hai", CouncilItemKind.TopicSelection, [topic.Id], baseSeats)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
    }

    [ApiFact]
    public async Task Given_a_score_outside_1_to_10_or_without_points_When_scoring_Then_400_names_the_field_and_scores_stay_blind_until_ones_own()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng HĐ chấm điểm", Today.AddDays(20));
        var p = await ProposerAsync("cham");
        var topic = await SubmittedAsync(p, call.Id, "Đề tài chấm điểm");
        var seats = await PanelAsync("cham");
        var council = await FormAsync(province, "HĐ chấm điểm", CouncilItemKind.TopicSelection, seats, topic.Id);

        var eleven = await (await ScoreAsync(seats[0], council.Id, topic.Id, 8, 11, 8, 8)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        eleven.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(n => n.Contains("points", StringComparison.OrdinalIgnoreCase) && n.Contains("[1]"));
        await (await ScoreAsync(seats[0], council.Id, topic.Id, 0, 8, 8, 8)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var none = await (await ScoreAsync(seats[0], council.Id, topic.Id, 8, 8, null, 8)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_points");
        none.GetProperty("errors").TryGetProperty("findings[2].points", out _).ShouldBeTrue(none.ToString());

        // The chair scores: 9, 8, 8, 7 → .30×9 + .25×8 + .25×8 + .20×7 = 8.10. The vice-chair has not scored: blind.
        await ScoredAsync(seats[0], council.Id, topic.Id, 9, 8, 8, 7);
        var mine = (await CouncilAsync(seats[0].Client, council.Id)).Items.Single();
        mine.ScoresVisible.ShouldBeTrue();
        mine.MyScore.ShouldNotBeNull().Weighted.ShouldBe(8.10m);
        mine.MyScore.Findings.Select(f => f.Points).ShouldBe([9, 8, 8, 7]);
        var blind = (await CouncilAsync(seats[1].Client, council.Id)).Items.Single();
        blind.Votes.ShouldBe(1);
        blind.ScoresVisible.ShouldBeFalse();
        blind.Scores.ShouldBeNull();
        blind.Agree.ShouldBeNull();
        blind.AverageScore.ShouldBeNull();
        (await CouncilAsync(province, council.Id)).Items.Single().Scores.ShouldBeNull("the forming unit sees no score before closing");
        // Once: a second score by the chair is refused; the proposing unit's officer does not even see the province's council.
        await (await ScoreAsync(seats[0], council.Id, topic.Id, 5, 5, 5, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_already_scored");
        await (await p.Officer.PutAsJsonAsync(ScoreCouncilItem.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", topic.Id.ToString()),
            Points(8, 8, 8, 8), Support.Http.Json)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_batch_of_three_proposals_When_the_secretary_closes_Then_each_passes_or_fails_at_the_calls_threshold_and_a_late_score_is_409()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng HĐ ngưỡng", Today.AddDays(20));
        var p = await ProposerAsync("nguong");
        var high = await SubmittedAsync(p, call.Id, "Đề tài điểm cao");
        var exact = await SubmittedAsync(p, call.Id, "Đề tài đúng ngưỡng");
        var low = await SubmittedAsync(p, call.Id, "Đề tài dưới ngưỡng");
        var seats = await PanelAsync("nguong");
        var council = await FormAsync(province, "HĐ tuyển chọn ba đề tài", CouncilItemKind.TopicSelection, seats, high.Id, exact.Id, low.Id);

        // Quorum: ⌈2×5/3⌉ = 4 members must score every topic before closing.
        foreach (var s in seats.Take(3))
        {
            await ScoredAsync(s, council.Id, high.Id, 8, 8, 8, 8);
            await ScoredAsync(s, council.Id, exact.Id, 7, 7, 7, 7);
            await ScoredAsync(s, council.Id, low.Id, 7, 7, 7, 6);
        }
        await (await CloseAsync(seats[2].Client, council.Id, "15/QĐ-LĐLĐ")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_quorum");
        // No minutes while the council sits (the same code as the decision).
        await (await province.GetAsync(DownloadCouncilMinutes.Route.Replace("{id}", council.Id.ToString()))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_open");
        await (await province.GetAsync(DownloadCouncilDecision.Route.Replace("{id}", council.Id.ToString()))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_open");
        await ScoredAsync(seats[3], council.Id, high.Id, 9, 9, 9, 9);
        await ScoredAsync(seats[3], council.Id, exact.Id, 7, 7, 7, 7);
        await ScoredAsync(seats[3], council.Id, low.Id, 7, 7, 7, 6);
        // Only the secretary closes.
        await (await CloseAsync(seats[0].Client, council.Id, "15/QĐ-LĐLĐ")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var closed = await CloseAsync(seats[2].Client, council.Id, "15/QĐ-LĐLĐ");
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var result = await closed.ReadAsync<CouncilDetail>();
        result.Status.ShouldBe(CouncilStatus.Closed);
        // (8 + 8 + 8 + 9) / 4 = 8.25; 7.00 exactly reaches the threshold 7; .30×7 + .25×7 + .25×7 + .20×6 = 6.80 does not.
        result.Items.Select(i => (i.Title, i.AverageScore, i.Outcome)).ShouldBe([
            ("Đề tài điểm cao", 8.25m, CouncilItemOutcome.Recognised),
            ("Đề tài đúng ngưỡng", 7.00m, CouncilItemOutcome.Recognised),
            ("Đề tài dưới ngưỡng", 6.80m, CouncilItemOutcome.NotRecognised)]);
        result.Items[0].Scores.ShouldNotBeNull().Count.ShouldBe(4);

        var selected = await TopicAsync(province, high.Id);
        selected.Status.ShouldBe(TopicStatus.Selected);
        selected.SelectionScore.ShouldBe(8.25m);
        selected.RuleSetCode.ShouldBe("DT-2024.1");
        selected.DecisionNumber.ShouldBe("15/QĐ-LĐLĐ");
        selected.Steps[^1].To.ShouldBe(TopicStatus.Selected);
        selected.Steps[^1].By.ShouldContain("Hội đồng tuyển chọn");
        (await TopicAsync(province, exact.Id)).Status.ShouldBe(TopicStatus.Selected);
        (await TopicAsync(province, low.Id)).Status.ShouldBe(TopicStatus.NotSelected);

        // A late score, after closing: 409 council_closed; closing again too.
        await (await ScoreAsync(seats[4], council.Id, high.Id, 5, 5, 5, 5)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_closed");
        await (await CloseAsync(seats[2].Client, council.Id, "16/QĐ-LĐLĐ")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_closed");

        var docx = await province.GetAsync(DownloadCouncilDecision.Route.Replace("{id}", council.Id.ToString()));
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        word.ShouldFollowDecreeThirty();
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("phê duyệt kết quả tuyển chọn đề tài");
        text.ShouldContain("Đề tài dưới ngưỡng");
        text.ShouldContain("Không được tuyển chọn");

        // The minutes workbook: members present (the fifth never scored), every member's points per criterion with its
        // weight and their weighted score, and per topic the votes, the quorum, the weighted average against the threshold and the outcome.
        var xlsx = await province.GetAsync(DownloadCouncilMinutes.Route.Replace("{id}", council.Id.ToString()));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var bytes = await xlsx.Content.ReadAsByteArrayAsync();
        using (var opened = new OpenedWorkbook(bytes))
        {
            opened.SheetNames.ShouldBe(["Thành viên", "Phiếu chấm", "Kết quả"]);
            opened.Text("Kết quả", "A2").ShouldContain("HĐ TUYỂN CHỌN BA ĐỀ TÀI");
        }
        var members = new MemoryStream(bytes).ReportRows("Thành viên");
        members.Count.ShouldBe(5);
        members.Select(r => ((string)r["Họ và tên"], (string)r["Nhiệm vụ trong Hội đồng"], (string)r["Dự họp"])).ShouldBe([
            ("Thành viên HĐ nguong 0", "Chủ tịch", "Có mặt"), ("Thành viên HĐ nguong 1", "Phó Chủ tịch", "Có mặt"), ("Thành viên HĐ nguong 2", "Ủy viên thư ký", "Có mặt"),
            ("Thành viên HĐ nguong 3", "ủy viên chuyên gia", "Có mặt"), ("Thành viên HĐ nguong 4", "ủy viên chuyên gia", "Vắng")]);
        var sheet = new MemoryStream(bytes).ReportRows("Phiếu chấm");
        var fourth = sheet.Where(r => (string)r["Hồ sơ"] == "Đề tài điểm cao" && (string)r["Thành viên"] == "Thành viên HĐ nguong 3").ToList();
        fourth.Select(r => ((string)r["Tiêu chí"], Convert.ToDecimal(r["Điểm"]))).ShouldBe([
            ("Ý nghĩa thực tiễn", 9m), ("Khả năng ứng dụng", 9m), ("Hiệu quả dự kiến", 9m), ("Tính khả thi", 9m), ("Điểm có trọng số", 9m)]);
        Convert.ToDecimal(fourth[0]["Trọng số"]).ShouldBe(0.30m);
        Convert.ToDecimal(sheet.Single(r => (string)r["Hồ sơ"] == "Đề tài dưới ngưỡng" && (string)r["Thành viên"] == "Thành viên HĐ nguong 0"
            && (string)r["Tiêu chí"] == "Điểm có trọng số")["Điểm"]).ShouldBe(6.8m);
        sheet.Single(r => (string)r["Hồ sơ"] == "Đề tài điểm cao" && (string)r["Thành viên"] == "Thành viên HĐ nguong 4")["Ghi chú"].ShouldBe("Không chấm");
        var outcome = new MemoryStream(bytes).ReportRows("Kết quả");
        outcome.Select(r => ((string)r["Hồ sơ"], Convert.ToInt32(r["Số phiếu"]), Convert.ToInt32(r["Số phiếu tối thiểu (túc số)"]),
            Convert.ToDecimal(r["Điểm trung bình có trọng số"]), Convert.ToDecimal(r["Điểm đạt"]), (string)r["Kết quả"])).ShouldBe([
            ("Đề tài điểm cao", 4, 4, 8.25m, 7m, "Được tuyển chọn"),
            ("Đề tài đúng ngưỡng", 4, 4, 7.00m, 7m, "Được tuyển chọn"),
            ("Đề tài dưới ngưỡng", 4, 4, 6.80m, 7m, "Không được tuyển chọn")]);
    }

    private static async Task<HttpResponseMessage> PublishWeightedAsync(HttpClient province, string title, object? weights, string language = "vi")
    {
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var request = new HttpRequestMessage(HttpMethod.Post, PublishResearchCall.Route)
        {
            Content = JsonContent.Create(new
            {
                unitId = root, kind = "Order", year = Today.Year, title, field = "An toàn lao động", deadline = Today.AddDays(20),
                budgetCeiling = 200_000_000m, weights,
            }, options: Support.Http.Json),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await province.SendAsync(request);
    }

    [ApiFact]
    public async Task Given_two_calls_with_their_own_weights_When_the_same_scores_are_given_Then_the_topic_passes_under_one_and_fails_under_the_other_and_bad_weights_are_400()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        // Weights are fractions above 0 totalling 1, like the rule set's (HOUSE RULE, TopicRules): 400 in Vietnamese naming the field.
        var zero = await (await PublishWeightedAsync(province, "Đặt hàng trọng số 0",
            new { practicalSignificance = 0m, applicability = 0.5m, expectedEfficiency = 0.25m, feasibility = 0.25m })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        zero.GetProperty("errors").GetProperty("weights.practicalSignificance")[0].GetString().ShouldBe("Trọng số phải lớn hơn 0.");
        var over = await (await PublishWeightedAsync(province, "Đặt hàng tổng trọng số 1,1",
            new { practicalSignificance = 0.4m, applicability = 0.3m, expectedEfficiency = 0.2m, feasibility = 0.2m })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        over.GetProperty("errors").GetProperty("weights")[0].GetString().ShouldNotBeNull().ShouldStartWith("Tổng các trọng số phải bằng 1");
        var percent = await (await PublishWeightedAsync(province, "Đặt hàng trọng số phần trăm",
            new { practicalSignificance = 30m, applicability = 25m, expectedEfficiency = 25m, feasibility = 20m })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        percent.GetProperty("errors").TryGetProperty("weights", out _).ShouldBeTrue();

        // Without weights: the rule set's (DT-2024.1), shown on the call.
        var standard = await TopicTests.CallAsync(province, "Đặt hàng trọng số mặc định", Today.AddDays(20));
        standard.Weights.Select(w => (w.Criterion, w.Weight)).ShouldBe([
            (TopicCriterion.PracticalSignificance, 0.30m), (TopicCriterion.Applicability, 0.25m), (TopicCriterion.ExpectedEfficiency, 0.25m), (TopicCriterion.Feasibility, 0.20m)]);
        standard.Weights[0].Name.ShouldBe("Ý nghĩa thực tiễn");
        // A call that weighs feasibility most.
        var created = await PublishWeightedAsync(province, "Đặt hàng coi trọng tính khả thi",
            new { practicalSignificance = 0.1m, applicability = 0.1m, expectedEfficiency = 0.1m, feasibility = 0.7m });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var feasible = await created.ReadAsync<ResearchCallView>();
        (await (await province.GetAsync(GetResearchCall.Route.Replace("{id}", feasible.Id.ToString()))).ReadAsync<ResearchCallView>())
            .Weights.Single(w => w.Criterion == TopicCriterion.Feasibility).Weight.ShouldBe(0.7m);

        var p = await ProposerAsync("trongso");
        var underStandard = await SubmittedAsync(p, standard.Id, "Đề tài theo trọng số mặc định");
        var underFeasible = await SubmittedAsync(p, feasible.Id, "Đề tài theo trọng số khả thi");
        var seats = await PanelAsync("trongso");
        var first = await FormAsync(province, "HĐ trọng số mặc định", CouncilItemKind.TopicSelection, seats, underStandard.Id);
        var second = await FormAsync(province, "HĐ trọng số khả thi", CouncilItemKind.TopicSelection, seats, underFeasible.Id);
        second.TopicJudging.ShouldNotBeNull().Criteria.Single(c => c.Criterion == TopicCriterion.Feasibility).Weight.ShouldBe(0.7m);
        // The same points 8, 8, 8, 5: .30×8 + .25×8 + .25×8 + .20×5 = 7.40 ≥ 7 passes; .1×8 × 3 + .7×5 = 5.90 < 7 fails.
        foreach (var s in seats.Take(4))
        {
            await ScoredAsync(s, first.Id, underStandard.Id, 8, 8, 8, 5);
            await ScoredAsync(s, second.Id, underFeasible.Id, 8, 8, 8, 5);
        }
        var a = await (await CloseAsync(seats[2].Client, first.Id, "TS1/QĐ-LĐLĐ")).ReadAsync<CouncilDetail>();
        var b = await (await CloseAsync(seats[2].Client, second.Id, "TS2/QĐ-LĐLĐ")).ReadAsync<CouncilDetail>();
        a.Items.Single().AverageScore.ShouldBe(7.40m);
        a.Items.Single().Outcome.ShouldBe(CouncilItemOutcome.Recognised);
        b.Items.Single().AverageScore.ShouldBe(5.90m);
        b.Items.Single().Outcome.ShouldBe(CouncilItemOutcome.NotRecognised);
        (await TopicAsync(province, underStandard.Id)).Status.ShouldBe(TopicStatus.Selected);
        (await TopicAsync(province, underFeasible.Id)).Status.ShouldBe(TopicStatus.NotSelected);
    }

    [ApiFact]
    public async Task Given_topics_carried_out_When_the_acceptance_council_closes_Then_each_takes_its_band_and_the_accepted_one_is_applied()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng HĐ nghiệm thu", Today.AddDays(20));
        var p = await ProposerAsync("nghiemthu");
        var good = await SubmittedAsync(p, call.Id, "Đề tài nghiệm thu Khá");
        var poor = await SubmittedAsync(p, call.Id, "Đề tài nghiệm thu không đạt");
        var seats = await PanelAsync("nghiemthu");

        var selection = await FormAsync(province, "HĐ tuyển chọn trước nghiệm thu", CouncilItemKind.TopicSelection, seats, good.Id, poor.Id);
        foreach (var s in seats.Take(4))
        {
            await ScoredAsync(s, selection.Id, good.Id, 8, 8, 8, 8);
            await ScoredAsync(s, selection.Id, poor.Id, 8, 8, 8, 8);
        }
        (await CloseAsync(seats[2].Client, selection.Id, "20/QĐ-LĐLĐ")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var id in new[] { good.Id, poor.Id })
        {
            var t = await TopicAsync(province, id);
            var contracted = await TopicTests.StepAsync(province, ContractTopic.Route, id, t.Version, new
            {
                contractNumber = $"HĐ-{id.ToString()[..4]}", contractDate = Today, startDate = Today, endDate = Today.AddMonths(6),
                milestones = new[] { new { title = "Khảo sát thực trạng", deliverable = "Báo cáo khảo sát", dueDate = Today.AddMonths(2) } },
            });
            contracted.StatusCode.ShouldBe(HttpStatusCode.OK, await contracted.Content.ReadAsStringAsync());
            var c = await contracted.ReadAsync<TopicDetail>();
            var reported = await TopicTests.StepAsync(p.Officer, ReportMilestone.Route.Replace("{milestoneId}", c.Milestones[0].Id.ToString()), id, c.Version,
                new { completedOn = Today, report = "Đã khảo sát 12 doanh nghiệp" });
            reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
            (await reported.ReadAsync<TopicDetail>()).Status.ShouldBe(TopicStatus.InProgress);
        }

        var acceptance = await FormAsync(province, "HĐ nghiệm thu", CouncilItemKind.TopicAcceptance, seats, good.Id, poor.Id);
        acceptance.TopicJudging.ShouldNotBeNull().PassMark.ShouldBe(5.0m, "acceptance passes from the Đạt band");
        (await TopicAsync(province, good.Id)).Status.ShouldBe(TopicStatus.UnderAcceptance);
        foreach (var s in seats.Take(4))
        {
            await ScoredAsync(s, acceptance.Id, good.Id, 8, 7, 7, 7); // 2.40 + 1.75 + 1.75 + 1.40 = 7.30 → Khá
            await ScoredAsync(s, acceptance.Id, poor.Id, 4, 5, 4, 5); // 1.20 + 1.25 + 1.00 + 1.00 = 4.45 → Không đạt
        }
        var closed = await CloseAsync(seats[2].Client, acceptance.Id, "30/QĐ-LĐLĐ");
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var result = await closed.ReadAsync<CouncilDetail>();
        result.Items.Select(i => (i.AverageScore, i.Rating)).ShouldBe([(7.30m, AcceptanceRating.Good), (4.45m, AcceptanceRating.Fail)]);

        var accepted = await TopicAsync(province, good.Id);
        accepted.Status.ShouldBe(TopicStatus.Accepted);
        accepted.Rating.ShouldBe(AcceptanceRating.Good);
        accepted.AcceptanceScore.ShouldBe(7.30m);
        accepted.Steps[^1].Note.ShouldNotBeNull().ShouldContain("Khá");
        var rejected = await TopicAsync(province, poor.Id);
        rejected.Status.ShouldBe(TopicStatus.NotAccepted);
        rejected.Rating.ShouldBe(AcceptanceRating.Fail);

        var applied = await TopicTests.StepAsync(p.Officer, RecordTopicApplication.Route, good.Id, accepted.Version,
            new { appliedAt = "Công ty Dệt may Lạc Hồng", appliedSince = Today, results = "Giảm 30% số vụ tai nạn" });
        applied.StatusCode.ShouldBe(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        (await applied.ReadAsync<TopicDetail>()).Status.ShouldBe(TopicStatus.Applied);
        await (await TopicTests.StepAsync(p.Officer, RecordTopicApplication.Route, poor.Id, rejected.Version,
            new { appliedAt = "X", appliedSince = Today })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
    }

    [ApiFact]
    public async Task Given_the_demo_data_Then_the_provinces_2024_order_has_six_proposals_a_five_member_council_two_running_topics_one_late_and_one_accepted_Kha_and_applied()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = (await (await province.GetAsync($"{ListResearchCalls.Route}?year=2024")).ReadAsync<List<ResearchCallView>>())
            .Single(c => c.Title == "Đặt hàng đề tài KH,CN&ĐMST năm 2024 của LĐLĐ tỉnh Hưng Yên");
        call.Topics.ShouldBe(6);
        var topics = (await (await province.GetAsync($"{ListTopics.Route}?callId={call.Id}&pageSize=50")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<TopicListItem>>()).Items;
        topics.Count.ShouldBe(6);
        topics.Count(t => t.Status == TopicStatus.NotSelected).ShouldBe(2);
        topics.Count(t => t.Status == TopicStatus.InProgress).ShouldBe(2);
        topics.Single(t => t.Late).Title.ShouldStartWith("Số hóa hồ sơ đoàn viên");
        var applied = topics.Single(t => t.Status == TopicStatus.Applied);
        applied.Rating.ShouldBe(AcceptanceRating.Good);
        var late = (await (await province.GetAsync($"{ListTopics.Route}?callId={call.Id}&late=true")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<TopicListItem>>()).Items;
        late.ShouldHaveSingleItem().Title.ShouldStartWith("Số hóa hồ sơ đoàn viên");

        var detail = await TopicAsync(province, applied.Id);
        detail.Councils.Select(c => c.Kind).ShouldBe([CouncilItemKind.TopicSelection, CouncilItemKind.TopicAcceptance]);
        var selection = await CouncilAsync(province, detail.Councils[0].Id);
        selection.Members.Count.ShouldBe(5);
        selection.Items.Count.ShouldBe(5);
        selection.Items.Count(i => i.Outcome == CouncilItemOutcome.Recognised).ShouldBe(3);
        var expert = await api.LoginAsync("hoidong@hungyen.demo");
        (await CouncilAsync(expert, selection.Id)).MyRole.ShouldBe(CouncilRole.Expert);
    }
}
