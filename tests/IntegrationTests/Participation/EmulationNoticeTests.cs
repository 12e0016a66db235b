using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Emulation;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The notices of #13 ("notifications for … review requests, decisions"): a unit's self-scoring asks its upper unit to
/// review, the review tells the unit its adjusted scores with the comments, and a commendation decision tells the
/// proposing unit and each honoured member in their own name. Read as each user reads them (their notification list).
/// </summary>
public sealed class EmulationNoticeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> Put(HttpClient client, string url, object body, long version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    [ApiFact]
    public async Task Given_Van_Lam_self_scores_When_the_province_reviews_with_a_comment_Then_the_province_is_asked_to_review_and_Van_Lam_reads_the_adjustment_and_comment()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var focal = await api.LoginAsync(Users.VanLamFocal);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var created = await province.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = root, name = "Thi đua thông báo thẩm định", kind = "Regular", target = "Collectives", fromYear = 2041, toYear = 2041,
            registrationDeadline = new DateOnly(2041, 3, 31), participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
            criteria = new[] { new { name = "Sáng kiến", maxPoints = 50m, evidence = "Giấy chứng nhận" }, new { name = "Đào tạo", maxPoints = 50m, evidence = "Danh sách" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var movement = await created.ReadAsync<MovementDetail>();
        var registered = await officer.PostJsonAsync(RegisterForMovement.Route, new { movementId = movement.Id, unitId = vanLam, year = 2041, targets = "Mục tiêu", people = Array.Empty<object>() });
        registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        var r = await registered.ReadAsync<RegistrationDetail>();

        var scored = await Put(officer, ScoreRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            scores = r.Criteria.Select((c, n) => new { criterionId = c.CriterionId, points = n == 0 ? 45m : 40m, evidence = Array.Empty<object>() }).ToArray(),
        }, r.Version);
        scored.StatusCode.ShouldBe(HttpStatusCode.OK, await scored.Content.ReadAsStringAsync());
        var s = await scored.ReadAsync<RegistrationDetail>();

        // The upper unit (the province, the reviewer of a district) is asked to review; the district itself is not.
        var asked = await Notices.WaitForAsync(province, p => p.Items.Any(n => n.Kind == "emulation.review-requested" && n.Link!.EndsWith(r.Id.ToString())), "the review request");
        asked.Items.Single(n => n.Kind == "emulation.review-requested" && n.Link!.EndsWith(r.Id.ToString())).Text
            .ShouldBe("Liên đoàn Lao động huyện Văn Lâm đã tự chấm điểm thi đua năm 2041 của phong trào \"Thi đua thông báo thẩm định\" (85 điểm); đề nghị đơn vị thẩm định.");

        var reviewed = await Put(province, ReviewRegistration.Route.Replace("{id}", r.Id.ToString()), new
        {
            adjustments = new object[]
            {
                new { criterionId = s.Criteria[0].CriterionId, points = 45m, comment = (string?)null },
                new { criterionId = s.Criteria[1].CriterionId, points = 30m, comment = "Thiếu danh sách học viên" },
            },
        }, s.Version);
        reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());

        // Văn Lâm's officers read the reviewed total and what changed, with the reviewer's comment.
        var told = await Notices.WaitForAsync(focal, p => p.Items.Any(n => n.Kind == "emulation.reviewed" && n.Link!.EndsWith(r.Id.ToString())), "the review's result");
        told.Items.Single(n => n.Kind == "emulation.reviewed" && n.Link!.EndsWith(r.Id.ToString())).Text.ShouldBe(
            "Kết quả thi đua năm 2041 của phong trào \"Thi đua thông báo thẩm định\" đã được thẩm định: 75 điểm. Điều chỉnh: \"Đào tạo\": 40 → 30 (Thiếu danh sách học viên).");
        (await Notices.WaitForAsync(focal, _ => true)).Items.ShouldNotContain(n => n.Kind == "emulation.review-requested" && n.Link!.EndsWith(r.Id.ToString()),
            "the request goes to the reviewer, not to the unit that scored itself");
    }

    [ApiFact]
    public async Task Given_Van_Lam_proposes_the_member_When_the_province_decides_Then_Van_Lams_officers_and_the_honoured_member_are_told()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var focal = await api.LoginAsync(Users.VanLamFocal);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var mine = await (await member.GetAsync(ListMyCommendations.Route)).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<CommendationHistoryItem>>();
        var memberOfficial = mine.Items.First(i => i.OfficialId != null).OfficialId!.Value;
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year;
        var number = $"{Support.Unique.Next()}/QĐ-TB";

        var approved = await CommendationDecisionTests.ApprovedAsync(api, officer, province,
            await CommendationDecisionTests.ProposeAsync(officer, vanLam, year, "GK-LDLD", new[] { new { officialId = memberOfficial } }), number);

        var unitNotices = await Notices.WaitForAsync(focal, p => p.Items.Any(n => n.Kind == "commendation.approved" && n.Link!.EndsWith(approved.Id.ToString())), "the decision, to the proposing unit");
        unitNotices.Items.Single(n => n.Kind == "commendation.approved" && n.Link!.EndsWith(approved.Id.ToString())).Text.ShouldContain($"Quyết định số {number}");
        var memberNotices = await Notices.WaitForAsync(member, p => p.Items.Any(n => n.Kind == "commendation.honoured" && n.Text.Contains(number)), "the decision, to the honoured member");
        var honoured = memberNotices.Items.Single(n => n.Kind == "commendation.honoured" && n.Text.Contains(number));
        honoured.Text.ShouldStartWith($"Bạn được khen thưởng ");
        honoured.Text.ShouldContain($"năm {year} theo Quyết định số {number}");
        honoured.Link.ShouldBe("/participation/my-commendations");
    }

    [ApiFact]
    public async Task Given_Van_Lam_proposes_Lac_Hong_as_a_collective_When_the_province_decides_Then_Lac_Hongs_officers_read_the_form_and_decision_number_with_a_link_to_its_history()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var focal = await api.LoginAsync(Users.VanLamFocal);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var admin = await api.LoginAsync(Users.Admin);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DETMAYLACHONG");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var created = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = $"canbo.lachong.{tag}@hungyen.demo", fullName = $"Cán bộ Lạc Hồng {tag}", password = "Demo@2025!x",
            grants = new[] { new { role = "unit-officer", unitId = lacHong } },
        });
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        var lacHongOfficer = await api.LoginAsync($"canbo.lachong.{tag}@hungyen.demo", "Demo@2025!x");
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year;
        var number = $"{Support.Unique.Next()}/QĐ-TT{tag}";

        var approved = await CommendationDecisionTests.ApprovedAsync(api, officer, province,
            await CommendationDecisionTests.ProposeAsync(officer, vanLam, year, "GK-LDLD", new[] { new { unitId = lacHong } }), number);

        bool Honoured(Khcn.Platform.Features.Notifications.NotificationsPage p) => p.Items.Any(n => n.Kind == "commendation.collective-honoured" && n.Text.Contains(number));
        var notices = await Notices.WaitForAsync(lacHongOfficer, Honoured, "the decision, to the honoured collective's officers");
        var notice = notices.Items.Single(n => n.Kind == "commendation.collective-honoured" && n.Text.Contains(number));
        notice.Text.ShouldBe($"CĐCS Công ty TNHH Dệt may Lạc Hồng được khen thưởng Giấy khen của Liên đoàn Lao động tỉnh năm {year} theo Quyết định số {number} ngày {approved.DecisionDate:dd/MM/yyyy}.");
        notice.Params!["number"].ShouldBe(number);
        notice.Link.ShouldBe($"/participation/commendations/history?unitId={lacHong}&year={year}");
        // The link opens a list the collective's officers may read, holding the decision.
        var history = await (await lacHongOfficer.GetAsync($"{ListCommendationHistory.Route}?unitId={lacHong}&year={year}"))
            .ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<CommendationHistoryItem>>();
        history.Items.ShouldContain(i => i.ProposalId == approved.Id && i.DecisionNumber == number);
        // The proposing unit is not the honoured collective: it hears of the decision, not of being honoured.
        (await Notices.WaitForAsync(focal, p => p.Items.Any(n => n.Kind == "commendation.approved" && n.Link!.EndsWith(approved.Id.ToString()))))
            .Items.ShouldNotContain(n => n.Kind == "commendation.collective-honoured" && n.Text.Contains(number));
    }
}
