using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;
using Khcn.Participation.Features.Initiatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Evaluation councils for initiative recognition (Circular 18/2013/TT-BKHCN art. 8): composition, conflicts of
/// interest, blind scoring, the two-thirds rule of ALL members, the quorum, closing by the secretary and its race.
/// </summary>
public sealed class CouncilTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Password = "Demo@2025!x";
    /// <summary>The decision follows the submission (whatever the test clock says it is).</summary>
    private DateOnly DecisionDay { get; set; }

    private sealed record Seat(Guid OfficialId, string Email, CouncilRole Role, HttpClient Client);

    private async Task<Guid> OfficialAsync(HttpClient officer, Guid unit, string name, string? email, string position = "Kỹ sư")
    {
        var r = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position, email, politicalTheory = "Elementary", researchMethodsTrained = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A council of <paramref name="size"/> officials of Lạc Hồng, each with a council-member account: chair, vice-chair, secretary, union representative, experts.</summary>
    private async Task<List<Seat>> PanelAsync(string tag, int size)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(admin, LacHong);
        CouncilRole[] roles = [CouncilRole.Chair, CouncilRole.ViceChair, CouncilRole.Secretary, CouncilRole.UnionRepresentative];
        var seats = new List<Seat>();
        for (var n = 0; n < size; n++)
        {
            var email = $"hd.{tag}.{n}@hungyen.demo";
            var official = await OfficialAsync(officer, unit, $"Thành viên {tag} {n}", email);
            var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
            {
                email, fullName = $"Thành viên {tag} {n}", password = Password, grants = new[] { new { role = "council-member", unitId = unit } },
            });
            user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());
            seats.Add(new Seat(official, email, n < roles.Length ? roles[n] : CouncilRole.Expert, await api.LoginAsync(email, Password)));
        }
        return seats;
    }

    private static object Application(Guid unitId, string title) => new
    {
        unitId, title, field = "Dệt may", kind = "Technical", problem = "Máy dừng do đứt sợi", currentState = "Nối sợi bằng tay",
        solution = "Cảm biến báo đứt sợi", appliedAt = "Phân xưởng 2", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false,
        yearlyBenefit = 100_000_000m, noveltyDeclared = true,
        authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = (string?)Member, sharePercent = 60m }, new { fullName = "Phan Văn Kỹ thuật", email = (string?)null, sharePercent = 40m } },
    };

    private async Task<InitiativeDetail> SubmittedAsync(string title)
    {
        var member = await api.LoginAsync(Member);
        var unit = await AnnualReportTests.UnitIdAsync(member, LacHong);
        var draft = await (await member.PostJsonAsync(CreateInitiative.Route, Application(unit, title))).ReadAsync<InitiativeDetail>();
        var r = await Step(member, HttpMethod.Post, SubmitInitiative.Route.Replace("{id}", draft.Id.ToString()), new { }, draft.Version);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var submitted = await r.ReadAsync<InitiativeDetail>();
        DecisionDay = DateOnly.FromDateTime(submitted.SubmittedAt!.Value.AddHours(7)).AddDays(2);
        return submitted;
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, HttpMethod method, string url, object body, long? version = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private static object Form(string name, IEnumerable<Guid> items, IEnumerable<(Guid OfficialId, CouncilRole Role)> seats, Guid? head = null) => new
    {
        name, itemKind = "Initiative", itemIds = items.ToArray(), unitHeadOfficialId = head,
        members = seats.Select(s => new { officialId = s.OfficialId, role = s.Role.ToString() }).ToArray(),
    };

    private async Task<CouncilDetail> FormAsync(string name, IReadOnlyList<Seat> seats, params Guid[] items)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var r = await officer.PostJsonAsync(FormCouncil.Route, Form(name, items, seats.Select(s => (s.OfficialId, s.Role))));
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<CouncilDetail>();
    }

    private static string ScoreUrl(Guid council, Guid item) => ScoreCouncilItem.Route.Replace("{id}", council.ToString()).Replace("{itemId}", item.ToString());

    private static object Vote(bool agree) => new
    {
        agree,
        comment = agree ? "Đề nghị công nhận" : "Chưa đủ điều kiện",
        findings = Enum.GetNames<RecognitionCondition>().Select(c => new
        {
            criterion = c, met = agree || c != nameof(RecognitionCondition.NewWithinUnit), note = agree || c != nameof(RecognitionCondition.NewWithinUnit) ? null : "Đã áp dụng ở đơn vị khác",
        }).ToArray(),
    };

    private static Task<HttpResponseMessage> ScoreAsync(Seat seat, Guid council, Guid item, bool agree) =>
        Step(seat.Client, HttpMethod.Put, ScoreUrl(council, item), Vote(agree));

    private Task<HttpResponseMessage> CloseAsync(HttpClient client, Guid council, string number) =>
        client.PostJsonAsync(CloseCouncil.Route.Replace("{id}", council.ToString()), new { decisionNumber = number, decisionDate = DecisionDay });

    private async Task<Guid> SeededOfficialAsync(string name) =>
        (await (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync($"{Khcn.Organization.Features.Officials.ListOfficials.Route}?q={Uri.EscapeDataString(name)}&pageSize=50"))
            .ReadAsync<JsonElement>()).GetProperty("items").EnumerateArray().First(o => o.GetProperty("fullName").GetString() == name).GetProperty("id").GetGuid();

    [ApiFact]
    public async Task Given_an_author_a_head_who_is_an_author_or_a_missing_seat_When_forming_Then_409_names_the_rule_and_nothing_is_saved()
    {
        var item = await SubmittedAsync("Hội đồng: xung đột lợi ích khi thành lập");
        var seats = await PanelAsync("coi", 5);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var baseSeats = seats.Select(s => (s.OfficialId, s.Role)).ToList();

        // The author (matched by e-mail) and the co-author known without e-mail (matched by name) never sit on their item's council.
        var author = await SeededOfficialAsync("Đặng Thị Đoàn viên");
        await (await officer.PostJsonAsync(FormCouncil.Route, Form("HĐ có tác giả", [item.Id], [.. baseSeats, (author, CouncilRole.Expert)])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_author_member");
        var coAuthor = await SeededOfficialAsync("Phan Văn Kỹ thuật");
        await (await officer.PostJsonAsync(FormCouncil.Route, Form("HĐ có đồng tác giả", [item.Id], [.. baseSeats, (coAuthor, CouncilRole.Expert)])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_author_member");

        // Circular 18/2013/TT-BKHCN art. 8(2): the head of the recognising unit who is an author is not a member.
        var headSeats = baseSeats.Where(s => s.Role != CouncilRole.Chair).Append((coAuthor, CouncilRole.Chair)).ToList();
        await (await officer.PostJsonAsync(FormCouncil.Route, Form("HĐ có thủ trưởng là tác giả", [item.Id], headSeats, head: coAuthor)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_unit_head_author");

        // Art. 8(1): a representative of the author's trade union sits on an initiative's council.
        await (await officer.PostJsonAsync(FormCouncil.Route, Form("HĐ thiếu công đoàn", [item.Id], baseSeats.Where(s => s.Role != CouncilRole.UnionRepresentative))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_composition");
        var noEmail = await OfficialAsync(officer, item.UnitId, "Chuyên gia không e-mail", null);
        await (await officer.PostJsonAsync(FormCouncil.Route, Form("HĐ có người thiếu e-mail", [item.Id], [.. baseSeats, (noEmail, CouncilRole.Expert)])))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_member_email");
        // Only the unit's officer who decides forms a council; a council member cannot.
        await (await seats[0].Client.PostJsonAsync(FormCouncil.Route, Form("HĐ do thành viên lập", [item.Id], baseSeats))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        var unchanged = await (await officer.GetAsync(GetInitiative.For(item.Id))).ReadAsync<InitiativeDetail>();
        unchanged.Status.ShouldBe(InitiativeStatus.Submitted);
        unchanged.Council.ShouldBeNull();
        (await (await officer.GetAsync($"{ListCouncils.Route}?itemId={item.Id}")).ReadAsync<PagedResult<CouncilListItem>>()).Items.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_council_When_members_score_Then_scores_stay_blind_until_their_own_and_members_see_only_their_items()
    {
        var item = await SubmittedAsync("Hội đồng: chấm kín");
        var other = await SubmittedAsync("Hội đồng: hồ sơ không được giao");
        var seats = await PanelAsync("blind", 5);
        var council = await FormAsync("HĐ chấm kín", seats, item.Id);
        var officer = await api.LoginAsync(Users.VanLamOfficer);

        var detail = await (await officer.GetAsync(GetInitiative.For(item.Id))).ReadAsync<InitiativeDetail>();
        detail.Status.ShouldBe(InitiativeStatus.UnderReview);
        detail.Council!.Id.ShouldBe(council.Id);
        detail.CanDecide.ShouldBeFalse("the council decides now");
        await (await Step(officer, HttpMethod.Post, RecogniseInitiative.Route.Replace("{id}", item.Id.ToString()),
            new { certificateNumber = "99/CN", decisionDate = DecisionDay }, detail.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_state");

        // Each member is told through the outbox (db.Notify) that they sit on the council.
        var notices = await api.InScopeAsync(async sp => await sp.GetRequiredService<ParticipationDbContext>().OutboxMessages
            .Where(m => m.Payload.Contains("council.assigned") && m.Payload.Contains(council.Id.ToString())).CountAsync());
        notices.ShouldBe(5);

        (await ScoreAsync(seats[0], council.Id, item.Id, agree: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByFirst = await (await seats[0].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        seenByFirst.Items[0].ScoresVisible.ShouldBeTrue();
        seenByFirst.Items[0].Scores!.Count.ShouldBe(1);

        var seenBySecond = await (await seats[1].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        seenBySecond.Items[0].Votes.ShouldBe(1);
        seenBySecond.Items[0].Scores.ShouldBeNull("nobody sees the others' scores before submitting their own");
        seenBySecond.Items[0].Agree.ShouldBeNull();
        seenBySecond.Items[0].CanScore.ShouldBeTrue();
        var officerView = await (await officer.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        officerView.Items[0].Scores.ShouldBeNull("the officer who formed it is not a member");
        officerView.CanManage.ShouldBeTrue();

        (await ScoreAsync(seats[1], council.Id, item.Id, agree: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterOwn = await (await seats[1].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        afterOwn.Items[0].Scores!.Select(s => s.Agree).ShouldBe([true, false]);
        await (await ScoreAsync(seats[1], council.Id, item.Id, agree: true)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_already_scored");

        // A council member reads the items assigned to them, and nothing else (404).
        (await seats[2].Client.GetAsync(GetInitiative.For(item.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await seats[2].Client.GetAsync(GetInitiative.For(other.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var outsiders = await PanelAsync("outsider", 1);
        await (await outsiders[0].Client.GetAsync(GetCouncil.For(council.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await outsiders[0].Client.GetAsync(GetInitiative.For(item.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await ScoreAsync(outsiders[0], council.Id, item.Id, true)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await outsiders[0].Client.GetAsync(ListCouncils.Route)).ReadAsync<PagedResult<CouncilListItem>>()).Items.ShouldBeEmpty();
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(GetCouncil.For(council.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await seats[2].Client.GetAsync($"{ListCouncils.Route}?mine=true")).ReadAsync<PagedResult<CouncilListItem>>()).Items
            .ShouldHaveSingleItem().MyRole.ShouldBe(CouncilRole.Secretary);
    }

    [ApiFact]
    public async Task Given_a_declared_conflict_or_a_vote_against_the_findings_When_scoring_Then_409_names_the_rule()
    {
        var item = await SubmittedAsync("Hội đồng: khai báo xung đột");
        var seats = await PanelAsync("declared", 5);
        var council = await FormAsync("HĐ khai báo xung đột", seats, item.Id);
        var conflictUrl = DeclareCouncilConflict.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", item.Id.ToString());

        var declared = await seats[4].Client.PostJsonAsync(conflictUrl, new { reason = "Là người thân của tác giả" });
        declared.StatusCode.ShouldBe(HttpStatusCode.OK, await declared.Content.ReadAsStringAsync());
        var view = await declared.ReadAsync<CouncilDetail>();
        view.Items[0].Exclusion.ShouldBe("declared");
        view.Items[0].CanScore.ShouldBeFalse();
        await (await ScoreAsync(seats[4], council.Id, item.Id, true)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_declared");

        // Recognition needs every condition of Decree 13/2012/NĐ-CP art. 3(1): agreeing while finding one unmet contradicts itself.
        var contradictory = new { agree = true, findings = Enum.GetNames<RecognitionCondition>().Select(c => new { criterion = c, met = c != "BringsBenefit", note = "x" }).ToArray() };
        await (await Step(seats[0].Client, HttpMethod.Put, ScoreUrl(council.Id, item.Id), contradictory)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "vote_contradicts_findings");
        var incomplete = new { agree = false, findings = new[] { new { criterion = "NewWithinUnit", met = false, note = "Không mới" } } };
        await (await Step(seats[0].Client, HttpMethod.Put, ScoreUrl(council.Id, item.Id), incomplete)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_findings_incomplete");
        var noReason = new { agree = false, findings = Enum.GetNames<RecognitionCondition>().Select(c => new { criterion = c, met = false, note = (string?)null }).ToArray() };
        await (await Step(seats[0].Client, HttpMethod.Put, ScoreUrl(council.Id, item.Id), noReason)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await seats[0].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>()).Items[0].Votes.ShouldBe(0, "nothing is half-saved");
    }

    public static TheoryData<int, int, InitiativeStatus> TwoThirds() => new()
    {
        // Circular 18/2013/TT-BKHCN art. 8(1): at least 2/3 of ALL members agree — 4 of 5, 4 of 6, 5 of 7.
        { 5, 3, InitiativeStatus.NotRecognised }, { 5, 4, InitiativeStatus.Recognised },
        { 6, 3, InitiativeStatus.NotRecognised }, { 6, 4, InitiativeStatus.Recognised },
        { 7, 4, InitiativeStatus.NotRecognised }, { 7, 5, InitiativeStatus.Recognised },
    };

    [ApiTheory]
    [MemberData(nameof(TwoThirds))]
    public async Task Given_a_council_of_n_members_When_k_agree_and_the_secretary_closes_Then_the_two_thirds_rule_of_all_members_decides(int size, int agree, InitiativeStatus expected)
    {
        var item = await SubmittedAsync($"Hội đồng {size} người, {agree} đồng ý");
        var seats = await PanelAsync($"t{size}{agree}", size);
        var council = await FormAsync($"HĐ {size}/{agree}", seats, item.Id);
        var secretary = seats.Single(s => s.Role == CouncilRole.Secretary).Client;

        // Quorum (house rule, two thirds): closing before enough members voted is refused.
        (await ScoreAsync(seats[0], council.Id, item.Id, true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await CloseAsync(secretary, council.Id, $"{size}{agree}/QĐ-CĐCS")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_quorum");
        for (var n = 1; n < size; n++)
            (await ScoreAsync(seats[n], council.Id, item.Id, n < agree)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await CloseAsync(seats[0].Client, council.Id, "x")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var closed = await CloseAsync(secretary, council.Id, $"{size}{agree}/QĐ-CĐCS");
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var result = await closed.ReadAsync<CouncilDetail>();
        result.Status.ShouldBe(CouncilStatus.Closed);
        result.AgreementNeeded.ShouldBe(size == 7 ? 5 : 4);
        result.Items[0].Agree.ShouldBe(agree);
        result.Items[0].Outcome.ShouldBe(expected == InitiativeStatus.Recognised ? CouncilItemOutcome.Recognised : CouncilItemOutcome.NotRecognised);

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var decided = await (await officer.GetAsync(GetInitiative.For(item.Id))).ReadAsync<InitiativeDetail>();
        decided.Status.ShouldBe(expected);
        var published = await api.InScopeAsync(async sp => await sp.GetRequiredService<ParticipationDbContext>().OutboxMessages
            .Where(m => m.Type.Contains("InitiativeRecognised") && m.Payload.Contains(item.Id.ToString())).CountAsync());
        if (expected == InitiativeStatus.Recognised)
        {
            decided.CertificateNumber.ShouldBe($"{size}{agree}/QĐ-CĐCS");
            decided.Conditions.ShouldAllBe(c => c.Met == true);
            decided.Remuneration.Recorded.ShouldBeTrue();
            published.ShouldBe(1, "the council's recognition goes through the one path that publishes InitiativeRecognised");
        }
        else
        {
            decided.RefusalReasons.ShouldNotBeNull().ShouldContain($"{agree}/{size}");
            decided.RefusalReasons.ShouldContain("Thông tư 18/2013/TT-BKHCN");
            published.ShouldBe(0);
        }
        // The decision in the Decree 30/2020/NĐ-CP layout: motto, issuing body, number, place and date, title, conditions, signature.
        var docx = await seats[1].Client.GetAsync(DownloadCouncilDecision.Route.Replace("{id}", council.Id.ToString()));
        docx.StatusCode.ShouldBe(HttpStatusCode.OK, await docx.Content.ReadAsStringAsync());
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            doc.ShouldFollowDecreeThirty();
            var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
            text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            text.ShouldContain("Độc lập - Tự do - Hạnh phúc");
            text.ShouldContain($"{size}{agree}/QĐ-CĐCS");
            // Decree 30/2020/NĐ-CP, Appendix I: a leading zero for days below 10 and months 1–2 only.
            var month = DecisionDay.Month <= 2 ? $"{DecisionDay.Month:00}" : $"{DecisionDay.Month}";
            text.ShouldContain($"Hưng Yên, ngày {DecisionDay.Day:00} tháng {month} năm {DecisionDay.Year}");
            text.ShouldContain("QUYẾT ĐỊNH");
            text.ShouldContain(expected == InitiativeStatus.Recognised ? "Công nhận sáng kiến" : "Không công nhận sáng kiến");
            if (expected == InitiativeStatus.Recognised) text.ShouldContain("Có tính mới trong phạm vi cơ sở");
            text.ShouldContain("CHỦ TỊCH");
        }

        await (await ScoreAsync(seats[^1], council.Id, item.Id, true)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_closed");
        await (await CloseAsync(secretary, council.Id, "again")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_closed");
        var everyone = await (await seats[1].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        everyone.Items[0].Scores!.Count.ShouldBe(size, "once closed, every member sees every score");
    }

    [ApiFact]
    public async Task Given_two_members_scoring_and_the_secretary_closing_at_once_Then_the_outcome_is_consistent()
    {
        var item = await SubmittedAsync("Hội đồng: chấm và kết thúc cùng lúc");
        var seats = await PanelAsync("race", 6);
        var council = await FormAsync("HĐ đua", seats, item.Id);
        await (await seats[0].Client.GetAsync(DownloadCouncilDecision.Route.Replace("{id}", council.Id.ToString()))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_open");
        // 4 of 6 have voted: 3 agree, 1 against (quorum met, not yet recognised); the last two agree while the secretary closes.
        for (var n = 0; n < 4; n++)
            (await ScoreAsync(seats[n], council.Id, item.Id, n < 3)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var secretary = seats.Single(s => s.Role == CouncilRole.Secretary).Client;

        var responses = await Task.WhenAll(ScoreAsync(seats[4], council.Id, item.Id, true), ScoreAsync(seats[5], council.Id, item.Id, true),
            CloseAsync(secretary, council.Id, "RACE/QĐ"));
        responses[2].StatusCode.ShouldBe(HttpStatusCode.OK, await responses[2].Content.ReadAsStringAsync());
        var accepted = 0;
        foreach (var score in responses[..2])
            if (score.StatusCode == HttpStatusCode.OK) accepted++;
            else await score.ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_closed");

        var final = await (await seats[0].Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        final.Status.ShouldBe(CouncilStatus.Closed);
        final.Items[0].Votes.ShouldBe(4 + accepted, "every accepted score counts, and no refused one");
        final.Items[0].Scores!.Count.ShouldBe(4 + accepted);
        final.Items[0].Agree.ShouldBe(3 + accepted);
        var initiative = await (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync(GetInitiative.For(item.Id))).ReadAsync<InitiativeDetail>();
        initiative.Status.ShouldBe(3 + accepted >= 4 ? InitiativeStatus.Recognised : InitiativeStatus.NotRecognised);
        final.Items[0].Outcome.ShouldBe(3 + accepted >= 4 ? CouncilItemOutcome.Recognised : CouncilItemOutcome.NotRecognised);
    }

    [ApiFact]
    public async Task Given_the_demo_data_Then_Van_Lam_has_one_council_in_progress_and_one_closed_and_the_demo_council_member_sits_on_both()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var demo = (await (await officer.GetAsync($"{ListCouncils.Route}?pageSize=100")).ReadAsync<PagedResult<CouncilListItem>>()).Items
            .Where(c => c.Name.Contains("đợt 1/2025")).ToList();
        demo.Count(c => c.Status == CouncilStatus.Open).ShouldBe(1);
        demo.Count(c => c.Status == CouncilStatus.Closed).ShouldBe(1);
        var expert = await api.LoginAsync("hoidong@hungyen.demo");
        // Only the initiative councils: the expert also sits on the province's demo research-topic councils (TopicSeeder).
        var mine = (await (await expert.GetAsync($"{ListCouncils.Route}?mine=true")).ReadAsync<PagedResult<CouncilListItem>>()).Items
            .Where(c => c.ItemKind == CouncilItemKind.Initiative).ToList();
        mine.Count.ShouldBe(2);
        var open = await (await expert.GetAsync(GetCouncil.For(mine.Single(c => c.Status == CouncilStatus.Open).Id))).ReadAsync<CouncilDetail>();
        open.Items[0].CanScore.ShouldBeTrue();
        open.Items[0].Votes.ShouldBe(2);
        open.Items[0].Scores.ShouldBeNull();
    }
}
