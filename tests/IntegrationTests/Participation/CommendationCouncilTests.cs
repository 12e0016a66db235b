using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Organization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Councils;
using static Khcn.IntegrationTests.Participation.CommendationVoting;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The deciding unit's emulation council (Hội đồng Thi đua – Khen thưởng, Law 06/2022/QH15 art. 90) votes on commendation
/// proposals through the one council mechanism (#13): a proposal passes with more than half of ALL seated members
/// agreeing unless its form's catalogue entry sets its own share (the provincial "Chiến sĩ thi đua": at least 90%,
/// Decree 91/2017/NĐ-CP art. 45(8)); the decision needs a passed vote; a nominee sitting on the council declares the
/// conflict instead of voting; scope. Văn Lâm proposes, the province forms the council and decides.
/// </summary>
public sealed class CommendationCouncilTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static Task<HttpResponseMessage> Step(HttpClient client, string route, Guid id, long version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private static async Task<Guid> OfficialAsync(HttpClient officer, Guid unit, string name)
    {
        var r = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position = "Công nhân", email = $"ct.{Guid.NewGuid():N}@lachong.demo", politicalTheory = "Elementary", researchMethodsTrained = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Văn Lâm's proposal of <paramref name="form"/> for one official, submitted (with an exception request when a rule fails).</summary>
    private async Task<ProposalDetail> SubmittedAsync(string form, Guid official, string? exceptionRequest = null, int year = 2025)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var create = new HttpRequestMessage(HttpMethod.Post, CreateCommendationProposal.Route)
        {
            Content = JsonContent.Create(new { unitId = vanLam, year, formCode = form, achievements = "Hoàn thành xuất sắc nhiệm vụ", nominees = new[] { new { officialId = official } } },
                options: Support.Http.Json),
        };
        create.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var created = await officer.SendAsync(create);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.ReadAsync<ProposalDetail>();
        var submitted = await Step(officer, SubmitCommendationProposal.Route, draft.Id, draft.Version, new { exceptionRequest });
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return await submitted.ReadAsync<ProposalDetail>();
    }

    private async Task<Guid> LacHongOfficialAsync(string name)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        return await OfficialAsync(officer, await AnnualReportTests.UnitIdAsync(officer, LacHong), name);
    }

    private static Task<HttpResponseMessage> ApproveAsync(HttpClient province, ProposalDetail p, string? overrideReason = null) =>
        Step(province, ApproveCommendationProposal.Route, p.Id, p.Version,
            new { decisionNumber = $"{Support.Unique.Next()}/QĐ-TĐKT", decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh Hưng Yên", overrideReason });

    private static async Task<ProposalDetail> ReadAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(GetCommendationProposal.For(id))).ReadAsync<ProposalDetail>();

    [ApiFact]
    public async Task Given_more_than_half_of_all_members_agreeing_When_the_council_closes_Then_the_proposal_passes_the_proposer_is_told_and_the_province_decides__Law_06_2022_art_90()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var proposal = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen đa số"));

        // No decision before the emulation council has voted.
        await (await ApproveAsync(province, proposal)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_vote_required");

        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 5);
        var council = await FormedAsync(province, "HĐ TĐKT: đa số", seats, proposal.Id);
        council.ItemKind.ShouldBe(CouncilItemKind.Commendation);
        council.Items.Single().Needed.ShouldBe(3);
        council.Items.Single().Proposal!.ShareName.ShouldContain("quá bán");
        // Still sitting: still no decision.
        await (await ApproveAsync(province, proposal)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_vote_required");

        for (var n = 0; n < 5; n++) await VotedAsync(seats[n], council.Id, proposal.Id, agree: n < 3);
        // One vote each.
        await (await VoteAsync(seats[0], council.Id, proposal.Id, false)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_already_scored");
        var closed = await ClosedAsync(seats, council.Id);
        closed.Items.Single().Outcome.ShouldBe(CouncilItemOutcome.Recognised);
        closed.Items.Single().Agree.ShouldBe(3);

        var read = await ReadAsync(province, proposal.Id);
        read.CouncilVote.ShouldNotBeNull();
        read.CouncilVote.Passed.ShouldBeTrue();
        (read.CouncilVote.Agree, read.CouncilVote.Members, read.CouncilVote.Needed).ShouldBe((3, 5, 3));

        // The proposer hears of the vote.
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await Notices.WaitForAsync(officer, p => p.Items.Any(n => n.Kind == "commendation.council_voted" && n.Link == $"/participation/commendations/{proposal.Id}"),
            because: "the proposer is told the council's vote");

        var approved = await ApproveAsync(province, proposal);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        (await approved.ReadAsync<ProposalDetail>()).Status.ShouldBe(ProposalStatus.Approved);
        // A passed (or decided) proposal goes before no second council.
        await (await FormAsync(province, "HĐ TĐKT: lần hai", seats, proposal.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "proposal_state");
    }

    [ApiFact]
    public async Task Given_a_tie_When_the_council_closes_Then_the_proposal_fails_and_approving_answers_409_council_vote_failed__simple_majority_Law_06_2022_art_90()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var proposal = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen hòa phiếu"));
        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 4);
        var council = await FormedAsync(province, "HĐ TĐKT: hòa phiếu", seats, proposal.Id);
        for (var n = 0; n < 4; n++) await VotedAsync(seats[n], council.Id, proposal.Id, agree: n % 2 == 0);
        // The proposal is not before the council twice while it sits.
        await (await FormAsync(province, "HĐ TĐKT: trùng", seats, proposal.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_item_taken");
        var closed = await ClosedAsync(seats, council.Id);
        closed.Items.Single().Outcome.ShouldBe(CouncilItemOutcome.NotRecognised);

        // 2 of 4 is half, not more than half.
        var read = await ReadAsync(province, proposal.Id);
        read.CouncilVote!.Passed.ShouldBeFalse();
        (read.CouncilVote.Agree, read.CouncilVote.Needed).ShouldBe((2, 3));
        var refused = await (await ApproveAsync(province, proposal)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_vote_failed");
        refused.GetProperty("detail").GetString().ShouldContain("06/2022/QH15");
        (await ReadAsync(province, proposal.Id)).Status.ShouldBe(ProposalStatus.Submitted);
    }

    [ApiFact]
    public async Task Given_the_provincial_emulation_fighter_form_When_four_of_five_agree_Then_it_fails_its_90_percent_share_and_a_new_council_passes_it_with_five__Decree_91_2017_art_45_8()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        // The share is data of the catalogue: the provincial fighter needs at least 90% of all members, other forms a simple majority.
        var catalogue = await (await province.GetAsync($"{ListCommendationForms.Route}?year=2025")).ReadAsync<CatalogueView>();
        catalogue.Forms.Single(f => f.Code == "CSTD-TINH").CouncilShareBasis.ShouldContain("Điều 45 khoản 8");
        catalogue.Forms.Single(f => f.Code == "GK-LDLD").CouncilShare.ShouldContain("quá bán");

        // Three consecutive CSTĐ cơ sở fail: the unit asks for an exception, the decider will override it with a reason.
        var proposal = await SubmittedAsync("CSTD-TINH", await LacHongOfficialAsync("Chiến sĩ thi đua tỉnh dự kiến"), "Thành tích đột xuất trong phong trào sáng kiến");
        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 5);
        var first = await FormedAsync(province, "HĐ TĐKT: CSTĐ tỉnh lần 1", seats, proposal.Id);
        first.Items.Single().Needed.ShouldBe(5);
        for (var n = 0; n < 5; n++) await VotedAsync(seats[n], first.Id, proposal.Id, agree: n < 4);
        (await ClosedAsync(seats, first.Id)).Items.Single().Outcome.ShouldBe(CouncilItemOutcome.NotRecognised);
        // 4 of 5 is a majority but 80% < 90%; the override of the failed eligibility rules does not override the vote.
        await (await ApproveAsync(province, proposal, "Thành tích đột xuất")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_vote_failed");

        var second = await FormedAsync(province, "HĐ TĐKT: CSTĐ tỉnh lần 2", seats, proposal.Id);
        foreach (var seat in seats) await VotedAsync(seat, second.Id, proposal.Id, agree: true);
        await ClosedAsync(seats, second.Id);
        var read = await ReadAsync(province, proposal.Id);
        read.CouncilVote!.CouncilId.ShouldBe(second.Id);
        read.CouncilVote.Passed.ShouldBeTrue();
        // The existing rule still holds: the failed eligibility rules need the decider's reason.
        await (await ApproveAsync(province, proposal)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "override_reason_required");
        var approved = await ApproveAsync(province, proposal, "Thành tích đột xuất, Hội đồng đã biểu quyết đạt");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
    }

    [ApiFact]
    public async Task Given_a_member_who_is_a_nominee_When_voting_on_their_own_proposal_Then_409_coi_nominee_member_until_they_declare_the_conflict()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var admin = await api.LoginAsync(Users.Admin);
        var lacHong = await AnnualReportTests.UnitIdAsync(admin, LacHong);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var nominee = await SeatAsync(api, admin, lacHong, $"Ủy viên được đề nghị {tag}", $"tdkt.nominee.{tag}@hungyen.demo", CouncilRole.Expert);
        var own = await SubmittedAsync("GK-LDLD", nominee.OfficialId);
        var other = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen khác"));
        var seats = (await PanelAsync(api, tag, 4)).Append(nominee).ToList();
        // A nominee may sit on the council that judges a batch of proposals…
        var council = await FormedAsync(province, "HĐ TĐKT: xung đột lợi ích", seats, own.Id, other.Id);

        // …but does not vote on their own proposal: they declare the conflict.
        await (await VoteAsync(nominee, council.Id, own.Id, true)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_nominee_member");
        var view = await (await nominee.Client.GetAsync(GetCouncil.For(council.Id))).ReadAsync<CouncilDetail>();
        var ownItem = view.Items.Single(i => i.ItemId == own.Id);
        (ownItem.Exclusion, ownItem.CanScore).ShouldBe(("nominee", false));
        view.Items.Single(i => i.ItemId == other.Id).CanScore.ShouldBeTrue();
        var declared = await nominee.Client.PostJsonAsync(DeclareCouncilConflict.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", own.Id.ToString()),
            new { reason = "Tôi là người được đề nghị khen thưởng" });
        declared.StatusCode.ShouldBe(HttpStatusCode.OK, await declared.Content.ReadAsStringAsync());
        await (await VoteAsync(nominee, council.Id, own.Id, true)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "coi_declared");
        await VotedAsync(nominee, council.Id, other.Id, true);

        // The others vote; the nominee's seat still counts among all members (3 of 5 needed).
        foreach (var seat in seats.Take(4))
        {
            await VotedAsync(seat, council.Id, own.Id, true);
            await VotedAsync(seat, council.Id, other.Id, true);
        }
        var closed = await ClosedAsync(seats, council.Id);
        closed.Items.ShouldAllBe(i => i.Outcome == CouncilItemOutcome.Recognised);
        closed.Items.Single(i => i.ItemId == own.Id).Votes.ShouldBe(4);
    }

    [ApiFact]
    public async Task Given_a_closed_emulation_council_When_downloading_its_document_Then_the_Decree_30_minutes_list_the_members_present_each_proposal_its_form_votes_share_and_outcome__Law_06_2022_art_90()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var passing = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen biên bản đạt"));
        var failing = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen biên bản không đạt"));
        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 5);
        var council = await FormedAsync(province, "HĐ TĐKT: biên bản", seats, passing.Id, failing.Id);
        var url = DownloadCouncilDecision.Route.Replace("{id}", council.Id.ToString());
        // Four members vote, the fifth stays away: 3 for and 1 against the first, 2 for and 2 against the second.
        for (var n = 0; n < 4; n++)
        {
            await VotedAsync(seats[n], council.Id, passing.Id, agree: n < 3);
            await VotedAsync(seats[n], council.Id, failing.Id, agree: n < 2);
        }
        // No minutes while the council sits.
        await (await province.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_open");

        var number = $"{Support.Unique.Next()}/BB-HĐTĐKT";
        var secretary = seats.Single(s => s.Role == CouncilRole.Secretary);
        var close = await secretary.Client.PostJsonAsync(CloseCouncil.Route.Replace("{id}", council.Id.ToString()), new { decisionNumber = number, decisionDate = Today });
        close.StatusCode.ShouldBe(HttpStatusCode.OK, await close.Content.ReadAsStringAsync());
        var closed = await close.ReadAsync<CouncilDetail>();

        var docx = await province.GetAsync(url);
        docx.StatusCode.ShouldBe(HttpStatusCode.OK, await docx.Content.ReadAsStringAsync());
        docx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        doc.ShouldFollowDecreeThirty();
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        // Decree 30/2020/NĐ-CP layout: motto, number, kind, the council.
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        text.ShouldContain($"Số: {number}");
        text.ShouldContain("BIÊN BẢN");
        text.ShouldContain("HĐ TĐKT: biên bản");
        text.ShouldContain("06/2022/QH15");
        text.ShouldContain("THÀNH VIÊN DỰ HỌP: 4/5 thành viên");
        // The chair signs.
        text.ShouldContain(closed.Members.Single(m => m.Role == CouncilRole.Chair).FullName);
        var rows = body.Descendants<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        rows.Count(r => r.Contains("Có mặt")).ShouldBe(4);
        rows.Count(r => r.Contains("Vắng")).ShouldBe(1);
        // Each proposal: its form, votes for and against, the share its form needs of all five members, the outcome.
        var first = rows.Single(r => r.Contains(closed.Items.Single(i => i.ItemId == passing.Id).Title));
        first.Skip(2).ShouldBe(["Giấy khen của Liên đoàn Lao động tỉnh", "3", "1", "quá bán tổng số thành viên Hội đồng (ít nhất 3/5)", "Đạt"]);
        var second = rows.Single(r => r.Contains(closed.Items.Single(i => i.ItemId == failing.Id).Title));
        second.Skip(2).ShouldBe(["Giấy khen của Liên đoàn Lao động tỉnh", "2", "2", "quá bán tổng số thành viên Hội đồng (ít nhất 3/5)", "Không đạt"]);
        text.ShouldContain("1/2 đề nghị đạt tỷ lệ biểu quyết");
    }

    [ApiFact]
    public async Task Given_councils_of_several_kinds_When_listing_by_kind_Then_only_that_kind_shows_and_an_unknown_kind_is_400_in_Vietnamese()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var proposal = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen lọc loại"));
        var name = $"HĐ TĐKT: lọc loại {Guid.NewGuid():N}"[..40];
        var council = await FormedAsync(province, name, await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 4), proposal.Id);

        async Task<PagedResult<CouncilListItem>> ListAsync(string kind) =>
            await (await province.GetAsync($"{ListCouncils.Route}?kind={kind}&pageSize=100")).ReadAsync<PagedResult<CouncilListItem>>();
        var commendation = await ListAsync("Commendation");
        commendation.Items.ShouldContain(c => c.Id == council.Id);
        commendation.Items.ShouldAllBe(c => c.ItemKind == CouncilItemKind.Commendation);
        var initiative = await ListAsync("Initiative");
        initiative.Items.ShouldNotContain(c => c.Id == council.Id);
        initiative.Items.ShouldAllBe(c => c.ItemKind == CouncilItemKind.Initiative);
        // The filter combines with the others.
        (await ListAsync($"Commendation&q={Uri.EscapeDataString(name)}")).Items.ShouldHaveSingleItem().Id.ShouldBe(council.Id);

        foreach (var unknown in new[] { "Bogus", "99" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"{ListCouncils.Route}?kind={unknown}");
            request.Headers.AcceptLanguage.ParseAdd("vi");
            var problem = await (await province.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
            problem.GetProperty("errors").GetProperty("kind").EnumerateArray().Single().GetString()
                .ShouldBeOneOf("Cần một giá trị trong danh sách cho phép.", "Chọn loại Hội đồng trong danh sách.");
        }
    }

    [ApiFact]
    public async Task Given_the_demo_When_reading_the_decided_2024_proposals_Then_each_was_passed_by_the_provinces_emulation_council_first()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var decided = await (await province.GetAsync($"{ListCommendationProposals.Route}?year=2024&status=Approved&pageSize=50")).ReadAsync<JsonElement>();
        var ids = decided.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        ids.ShouldNotBeEmpty();
        foreach (var id in ids)
        {
            var vote = (await ReadAsync(province, id)).CouncilVote;
            vote.ShouldNotBeNull();
            vote.Passed.ShouldBeTrue();
            vote.Status.ShouldBe(CouncilStatus.Closed);
        }
    }

    [ApiFact]
    public async Task Given_a_proposal_outside_the_scope_or_a_caller_without_the_decide_permission_When_forming_or_voting_Then_404_or_403()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var proposal = await SubmittedAsync("GK-LDLD", await LacHongOfficialAsync("Người được khen phạm vi"));
        var seats = await PanelAsync(api, Guid.NewGuid().ToString("N")[..8], 4);

        // Mỹ Hào does not see Văn Lâm's proposal: 404; Văn Lâm sees it but decides only below itself: 403.
        (await FormAsync(myHao, "HĐ ngoài phạm vi", seats, proposal.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FormAsync(vanLam, "HĐ không có quyền", seats, proposal.Id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var council = await FormedAsync(province, "HĐ TĐKT: phạm vi", seats, proposal.Id);
        (await myHao.GetAsync(GetCouncil.For(council.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await VoteAsync(new Seat(Guid.Empty, Users.MyHaoOfficer, CouncilRole.Expert, myHao), council.Id, proposal.Id, true)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The province reads the council but is not on it: 403.
        (await VoteAsync(new Seat(Guid.Empty, Users.PolicyLaw, CouncilRole.Expert, province), council.Id, proposal.Id, true)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // An emulation council votes; it scores no criteria.
        var score = new HttpRequestMessage(HttpMethod.Put, ScoreCouncilItem.Route.Replace("{id}", council.Id.ToString()).Replace("{itemId}", proposal.Id.ToString()))
        {
            Content = JsonContent.Create(new { agree = true, findings = new[] { new { criterion = "NewWithinUnit", met = true } } }),
        };
        await (await seats[0].Client.SendAsync(score)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "council_votes_only");
    }
}
