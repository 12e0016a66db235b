using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Khcn.IntegrationTests.Organization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Emulation;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Commendations after the decision (#13): the decision as a Decree 30/2020/NĐ-CP Word document with the honourees as an
/// annex, and the commendation history — per unit (its subtree), per person, and "my commendations" for a member (only
/// their own; 404 for anyone else's). Văn Lâm proposes workers of Lạc Hồng, the province decides.
/// </summary>
public sealed class CommendationDecisionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Member = "doanvien@hungyen.demo";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal static async Task<Guid> OfficialAsync(HttpClient officer, Guid unit, string name, string email)
    {
        var r = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position = "Công nhân", email, politicalTheory = "Elementary", researchMethodsTrained = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static Task<HttpResponseMessage> Step(HttpClient client, string route, Guid id, long version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    internal static async Task<ProposalDetail> ProposeAsync(HttpClient client, Guid unit, int year, string form, object nominees)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CreateCommendationProposal.Route)
        {
            Content = JsonContent.Create(new { unitId = unit, year, formCode = form, achievements = "Hoàn thành xuất sắc nhiệm vụ", nominees }, options: Support.Http.Json),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var r = await client.SendAsync(request);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<ProposalDetail>();
    }

    /// <summary>A movement of the province for <paramref name="year"/> and Lạc Hồng's registration naming <paramref name="people"/> (the registered_for_emulation rule).</summary>
    internal static async Task RegisterAsync(HttpClient province, HttpClient officer, Guid root, Guid lacHong, int year, IEnumerable<Guid> people)
    {
        var movement = await province.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = root, name = $"Phong trào khen thưởng {Guid.NewGuid():N}", kind = "Regular", target = "Both", fromYear = year, toYear = year,
            registrationDeadline = new DateOnly(year, 12, 31), participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
            criteria = new[] { new { name = "Sáng kiến", maxPoints = 100m, evidence = "Giấy chứng nhận" } },
        });
        movement.StatusCode.ShouldBe(HttpStatusCode.Created, await movement.Content.ReadAsStringAsync());
        var registration = await officer.PostJsonAsync(RegisterForMovement.Route, new
        {
            movementId = (await movement.ReadAsync<MovementDetail>()).Id, unitId = lacHong, year, targets = "Hoàn thành kế hoạch", aimedTitles = "Tập thể lao động tiên tiến",
            people = people.Select(p => new { officialId = p, aimedTitle = "Lao động tiên tiến" }).ToArray(),
        });
        registration.StatusCode.ShouldBe(HttpStatusCode.Created, await registration.Content.ReadAsStringAsync());
    }

    /// <summary>Submits the draft, lets the province's emulation council pass it, and approves it with <paramref name="number"/>.</summary>
    internal static async Task<ProposalDetail> ApprovedAsync(ApiFactory api, HttpClient officer, HttpClient province, ProposalDetail draft, string number)
    {
        var submitted = await Step(officer, SubmitCommendationProposal.Route, draft.Id, draft.Version);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        var s = await submitted.ReadAsync<ProposalDetail>();
        await CommendationVoting.PassAsync(api, province, s.Id);
        var approved = await Step(province, ApproveCommendationProposal.Route, s.Id, s.Version,
            new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return await approved.ReadAsync<ProposalDetail>();
    }

    private static string DecisionUrl(Guid id) => DownloadCommendationDecision.Route.Replace("{id}", id.ToString());

    [ApiFact]
    public async Task Given_an_approved_Lao_dong_tien_tien_proposal_When_its_decision_is_downloaded_Then_the_Decree_30_document_names_the_number_date_honourees_prizes_and_signer()
    {
        var year = Today.Year;
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var a = await OfficialAsync(officer, lacHong, $"Nguyễn Văn Quyết {tag}", $"quyet.{tag}@lachong.demo");
        var b = await OfficialAsync(officer, lacHong, $"Trần Thị Định {tag}", $"dinh.{tag}@lachong.demo");
        await RegisterAsync(province, officer, root, lacHong, year, [a, b]);

        var draft = await ProposeAsync(officer, vanLam, year, "LDTT", new[] { new { officialId = a }, new { officialId = b } });
        // Before the decision there is no decision document.
        (await officer.GetAsync(DecisionUrl(draft.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "proposal_not_decided").GetAwaiter().GetResult();

        var number = $"{Support.Unique.Next()}/QĐ-LĐLĐ";
        var approved = await ApprovedAsync(api, officer, province, draft, number);
        var docx = await officer.GetAsync(DecisionUrl(draft.Id));
        docx.StatusCode.ShouldBe(HttpStatusCode.OK, await docx.Content.ReadAsStringAsync());
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            doc.ShouldFollowDecreeThirty();
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            // Decree 30/2020/NĐ-CP, Appendix I: the national motto, the issuing body and the body above it, the number.
            text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            text.ShouldContain("Độc lập - Tự do - Hạnh phúc");
            text.ShouldContain("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM");
            text.ShouldContain($"Số: {number}");
            // The date line: a leading zero for days below 10 and months 1–2 only.
            var month = Today.Month <= 2 ? $"{Today.Month:00}" : $"{Today.Month}";
            text.ShouldContain($"Hưng Yên, ngày {Today.Day:00} tháng {month} năm {Today.Year}");
            text.ShouldContain("QUYẾT ĐỊNH");
            text.ShouldContain($"Công nhận danh hiệu \"Lao động tiên tiến\" năm {year} cho 2 cá nhân");
            // The grounds name the rule set of the year; the prize: Decree 98/2023/NĐ-CP art. 54, 0.3 × 2,340,000 = 702,000 each.
            text.ShouldContain("06/2022/QH15");
            text.ShouldContain("Điều 54");
            text.ShouldContain("1.404.000 đồng");
            // The annex lists each honouree with the form and the prize.
            text.ShouldContain($"Kèm theo Quyết định số {number}");
            text.ShouldContain($"Nguyễn Văn Quyết {tag}");
            text.ShouldContain($"Trần Thị Định {tag}");
            text.ShouldContain("702.000");
            // The signature block: the issuer's title and the officer who recorded the decision.
            text.ShouldContain("TM. BAN THƯỜNG VỤ");
            text.ShouldContain("CHỦ TỊCH");
            text.ShouldContain(approved.DecidedBy!);
        }

        // Outside the scope (Mỹ Hào) and a member who is not an honouree: 404.
        (await (await api.LoginAsync(Users.MyHaoOfficer)).GetAsync(DecisionUrl(draft.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await api.LoginAsync(Member)).GetAsync(DecisionUrl(draft.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<PagedResult<CommendationHistoryItem>> HistoryAsync(HttpClient client, string query)
    {
        var r = await client.GetAsync(query);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<PagedResult<CommendationHistoryItem>>();
    }

    [ApiFact]
    public async Task Given_commendations_of_Lac_Hong_When_the_history_is_read_per_unit_per_person_and_by_the_member_Then_each_reader_sees_only_its_scope()
    {
        var year = Today.Year;
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var member = await api.LoginAsync(Member);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);

        // The demo: the member holds "Lao động tiên tiến" 2024 (decision 24/QĐ-LĐLĐ of the province).
        var mine = await HistoryAsync(member, ListMyCommendations.Route);
        var demo = mine.Items.Single(i => i.FormCode == "LDTT" && i.Year == 2024);
        demo.DecisionNumber.ShouldBe("24/QĐ-LĐLĐ");
        demo.DecidingUnitName.ShouldNotBeNullOrEmpty();
        var memberOfficial = demo.OfficialId!.Value;

        // Văn Lâm proposes her for the provincial federation's Giấy khen this year; the province decides.
        var number = $"{Support.Unique.Next()}/QĐ-GK";
        var giayKhen = await ApprovedAsync(api, officer, province, await ProposeAsync(officer, vanLam, year, "GK-LDLD", new[] { new { officialId = memberOfficial } }), number);
        mine = await HistoryAsync(member, ListMyCommendations.Route);
        mine.Items.Select(i => i.DecisionNumber).ShouldContain(number);
        mine.Items.ShouldAllBe(i => i.OfficialId == memberOfficial);
        // The honouree downloads her decision (the proposal itself stays outside her reach).
        (await member.GetAsync(DecisionUrl(giayKhen.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await member.GetAsync(GetCommendationProposal.For(giayKhen.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Her own history by person; anyone else's is 404 for a member, a unit's history 403.
        (await HistoryAsync(member, $"{ListCommendationHistory.Route}?officialId={memberOfficial}")).Items.Select(i => i.DecisionNumber).ShouldContain(number);
        var other = await OfficialAsync(officer, lacHong, "Người khác", $"nguoikhac.{Guid.NewGuid():N}@lachong.demo");
        (await member.GetAsync($"{ListCommendationHistory.Route}?officialId={other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync($"{ListCommendationHistory.Route}?unitId={lacHong}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // Văn Lâm's officer: Lạc Hồng's subtree holds the person's commendations and the collective's (Tập thể LĐXS 2024, demo).
        var unit = await HistoryAsync(officer, $"{ListCommendationHistory.Route}?unitId={lacHong}&pageSize=200");
        unit.Items.ShouldContain(i => i.DecisionNumber == number && i.OfficialId == memberOfficial);
        unit.Items.ShouldContain(i => i.Kind == NomineeKind.Unit && i.UnitId == lacHong && i.FormCode == "TTLDXS" && i.Year == 2024);
        // The district's history includes its units' (Như Quỳnh's Tập thể LĐTT 2024); the year filter narrows it.
        var district = await HistoryAsync(officer, $"{ListCommendationHistory.Route}?unitId={vanLam}&year=2024&pageSize=200");
        district.Items.ShouldContain(i => i.FormCode == "TTLDTT");
        district.Items.ShouldAllBe(i => i.Year == 2024);
        (await HistoryAsync(officer, $"{ListCommendationHistory.Route}?officialId={memberOfficial}")).Items.Count.ShouldBeGreaterThanOrEqualTo(2);
        // Mỹ Hào reads neither Lạc Hồng's history nor its people's: 404.
        (await myHao.GetAsync($"{ListCommendationHistory.Route}?unitId={lacHong}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await myHao.GetAsync($"{ListCommendationHistory.Route}?officialId={memberOfficial}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Neither a unit nor a person: 400.
        (await officer.GetAsync(ListCommendationHistory.Route)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
