using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Workers' initiatives: the application (authors' shares, benefit), its lifecycle, the recognition conditions of
/// Decree 13/2012/NĐ-CP art. 3–4, the author remuneration of art. 10, and who sees what.
/// </summary>
public sealed class InitiativeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static object Fields(Guid unitId, string title, decimal benefit = 100_000_000m, params (string Name, string? Email, decimal Share)[] authors) => new
    {
        unitId,
        title,
        field = "Dệt may",
        kind = "Technical",
        problem = "Máy dệt dừng do đứt sợi",
        currentState = "Công nhân nối sợi bằng tay",
        solution = "Bộ cảm biến báo đứt sợi tự dừng máy",
        appliedAt = "Phân xưởng dệt số 2",
        appliedSince = new DateOnly(2024, 6, 1),
        trialApplication = false,
        yearlyBenefit = benefit,
        socialBenefit = "Giảm tai nạn lao động",
        firstApplicationParticipants = "Tổ bảo trì phân xưởng 2",
        noveltyDeclared = true,
        authors = (authors.Length == 0 ? [("Đặng Thị Đoàn viên", Member, 60m), ("Phan Văn Kỹ thuật", null, 40m)] : authors)
            .Select(a => new { fullName = a.Name, email = a.Email, sharePercent = a.Share }).ToArray(),
    };

    private static async Task<InitiativeDetail> DraftAsync(HttpClient client, string title, decimal benefit = 100_000_000m)
    {
        var unit = await AnnualReportTests.UnitIdAsync(client, LacHong);
        var response = await client.PostJsonAsync(CreateInitiative.Route, Fields(unit, title, benefit));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        response.Headers.Location!.ToString().ShouldBe(GetInitiative.For((await response.ReadAsync<InitiativeDetail>()).Id));
        return await response.ReadAsync<InitiativeDetail>();
    }

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, HttpMethod method, string route, Guid id, long version, object? body = null)
    {
        var request = new HttpRequestMessage(method, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private static object AllMet(params RecognitionCondition[] unmet) => new
    {
        checks = Enum.GetValues<RecognitionCondition>().Select(c => new
        {
            condition = c.ToString(), met = !unmet.Contains(c), note = unmet.Contains(c) ? "Đã được áp dụng tại đơn vị khác từ 2022" : "Đạt",
        }).ToArray(),
    };

    private static async Task<InitiativeDetail> SubmittedAsync(HttpClient member, string title)
    {
        var draft = await DraftAsync(member, title);
        var submitted = await StepAsync(member, HttpMethod.Post, SubmitInitiative.Route, draft.Id, draft.Version);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        return await submitted.ReadAsync<InitiativeDetail>();
    }

    [ApiFact]
    public async Task Given_applications_of_the_same_unit_When_the_reviewer_opens_one_Then_the_same_title_without_diacritics_and_near_same_text_are_flagged_and_others_are_not()
    {
        // #12: "Duplicate suspicion: the same title or near-same text in the same unit is shown to the reviewer (diacritic-insensitive)";
        // an initiative must be new within the recognising unit (Decree 13/2012/NĐ-CP art. 3 cl. 1).
        var member = await api.LoginAsync(Member);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var tag = $"zq{Guid.NewGuid():N}"[..10];
        async Task<InitiativeDetail> Submit(string title, string? problem = null, string? solution = null, bool submit = true)
        {
            var fields = JsonSerializer.SerializeToNode(Fields(unit, title), Support.Http.Json)!.AsObject();
            if (problem is not null) fields["problem"] = problem;
            if (solution is not null) fields["solution"] = solution;
            var created = await member.PostJsonAsync(CreateInitiative.Route, fields);
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var d = await created.ReadAsync<InitiativeDetail>();
            if (!submit) return d;
            var r = await StepAsync(member, HttpMethod.Post, SubmitInitiative.Route, d.Id, d.Version);
            r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
            return await r.ReadAsync<InitiativeDetail>();
        }
        const string problem = "Máy dệt khổ rộng thường xuyên dừng vì đứt sợi ngang, công nhân phải đi kiểm tra từng máy";
        const string solution = "Lắp cảm biến quang học tại mỗi trục sợi, khi đứt sợi bộ điều khiển tự ngắt máy và bật đèn báo tại bảng tổng";
        var original = await Submit($"Cải tiến bộ ngắt máy dệt khi đứt sợi {tag}", problem, solution);
        var sameTitle = await Submit($"CAI TIEN BO NGAT MAY DET KHI DUT SOI {tag}");
        var sameText = await Submit($"Hệ thống đèn báo trạm dệt {tag}", problem + ".", solution + ".");
        var unrelated = await Submit($"Quy trình bảo dưỡng máy nén khí {tag}", "Máy nén khí hỏng vặt làm gián đoạn dây chuyền sơn", "Lịch bảo dưỡng theo giờ chạy và nhật ký trên bảng");
        var privateDraft = await Submit($"Cải tiến bộ ngắt máy dệt khi đứt sợi {tag}", submit: false);

        var similar = await (await officer.GetAsync(ListSimilarInitiatives.Route.Replace("{id}", original.Id.ToString()))).ReadAsync<List<SimilarInitiative>>();
        var byId = similar.ToDictionary(x => x.Id);
        byId[sameTitle.Id].Reason.ShouldBe(SimilarityReason.SameTitle);
        byId[sameTitle.Id].SimilarityPercent.ShouldBe(100);
        byId[sameText.Id].Reason.ShouldBe(SimilarityReason.NearText);
        byId[sameText.Id].SimilarityPercent.ShouldBeGreaterThanOrEqualTo(50);
        byId.ShouldNotContainKey(unrelated.Id);
        byId.ShouldNotContainKey(privateDraft.Id, "another person's draft is not shown to the reviewer");
        byId.ShouldNotContainKey(original.Id);
        similar[0].Id.ShouldBe(sameTitle.Id, "most alike first");

        // Only the reviewers see it: the filer gets 403, another district 404 (outside its scope).
        (await member.GetAsync(ListSimilarInitiatives.Route.Replace("{id}", original.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await myHao.GetAsync(ListSimilarInitiatives.Route.Replace("{id}", original.Id.ToString()))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_authors_whose_shares_do_not_total_100_or_a_negative_benefit_When_drafting_Then_400_names_the_field_and_nothing_is_saved()
    {
        var member = await api.LoginAsync(Member);
        var unit = await AnnualReportTests.UnitIdAsync(member, LacHong);

        var shares = await member.PostJsonAsync(CreateInitiative.Route, Fields(unit, "Tổng tỷ lệ sai", 1m, ("A", null, 60m), ("B", null, 30m)));
        (await shares.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("authors", out _).ShouldBeTrue();

        var thirds = await member.PostJsonAsync(CreateInitiative.Route, Fields(unit, "Ba phần bằng nhau", 1m, ("A", null, 33.33m), ("B", null, 33.33m), ("C", null, 33.33m)));
        (await thirds.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("authors", out _).ShouldBeTrue("99.99% is not 100%");

        var negative = await member.PostJsonAsync(CreateInitiative.Route, Fields(unit, "Làm lợi âm", -1m));
        (await negative.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("yearlyBenefit", out _).ShouldBeTrue();

        var list = await (await member.GetAsync($"{ListInitiatives.Route}?mine=true&pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>();
        list.Items.ShouldNotContain(i => i.Title == "Tổng tỷ lệ sai" || i.Title == "Làm lợi âm" || i.Title == "Ba phần bằng nhau");
    }

    [ApiFact]
    public async Task Given_a_recognised_initiative_When_recognising_it_again_or_editing_it_Then_409_initiative_state_and_a_draft_cannot_be_recognised()
    {
        var member = await api.LoginAsync(Member);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var draft = await DraftAsync(member, "Bước sai thứ tự");

        var early = await StepAsync(officer, HttpMethod.Post, RecogniseInitiative.Route, draft.Id, draft.Version, new { certificateNumber = "01/CN", decisionDate = Today });
        await early.ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_state");
        var earlyConditions = await StepAsync(officer, HttpMethod.Put, RecordRecognitionConditions.Route, draft.Id, draft.Version, AllMet());
        await earlyConditions.ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_state");

        var withdrawn = await (await StepAsync(member, HttpMethod.Post, WithdrawInitiative.Route, draft.Id, draft.Version, new { reason = "Nộp nhầm" })).ReadAsync<InitiativeDetail>();
        withdrawn.Status.ShouldBe(InitiativeStatus.Withdrawn);
        withdrawn.AllowedMoves.ShouldBeEmpty();
        await (await StepAsync(member, HttpMethod.Post, SubmitInitiative.Route, draft.Id, withdrawn.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_state");
    }

    [ApiFact]
    public async Task Given_a_condition_recorded_as_not_met_When_recognising_Then_409_names_it_and_once_all_are_met_the_decision_records_the_rules_and_the_remuneration()
    {
        var member = await api.LoginAsync(Member);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var submitted = await SubmittedAsync(member, "Cảm biến báo đứt sợi");
        submitted.CanDecide.ShouldBeFalse("a member files, the unit's officer decides");
        await (await StepAsync(member, HttpMethod.Post, RecogniseInitiative.Route, submitted.Id, submitted.Version,
            new { certificateNumber = "01/CN", decisionDate = Today })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // Decree 13/2012/NĐ-CP art. 3(1)a: an initiative is new within the unit; here it is not.
        var checkedOnce = await (await StepAsync(officer, HttpMethod.Put, RecordRecognitionConditions.Route, submitted.Id, submitted.Version,
            AllMet(RecognitionCondition.NewWithinUnit))).ReadAsync<InitiativeDetail>();
        checkedOnce.Conditions.Single(c => c.Condition == RecognitionCondition.NewWithinUnit).Met.ShouldBe(false);
        var refused = await StepAsync(officer, HttpMethod.Post, RecogniseInitiative.Route, submitted.Id, checkedOnce.Version,
            new { certificateNumber = "01/CN-LH", decisionDate = Today });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "recognition_conditions_unmet");
        problem.GetProperty("errors").GetProperty("conditions")[0].GetString().ShouldBe("NewWithinUnit");

        var allMet = await (await StepAsync(officer, HttpMethod.Put, RecordRecognitionConditions.Route, submitted.Id, checkedOnce.Version, AllMet()))
            .ReadAsync<InitiativeDetail>();
        var recognised = await StepAsync(officer, HttpMethod.Post, RecogniseInitiative.Route, submitted.Id, allMet.Version,
            new { certificateNumber = "01/CN-LH", decisionDate = Today });
        recognised.StatusCode.ShouldBe(HttpStatusCode.OK, await recognised.Content.ReadAsStringAsync());
        var decision = await recognised.ReadAsync<InitiativeDetail>();
        decision.Status.ShouldBe(InitiativeStatus.Recognised);
        decision.CertificateNumber.ShouldBe("01/CN-LH");

        // Art. 10: 7% of 100,000,000 VND a year for three years, 60/40 between the authors; organisers at least 30% of it.
        var pay = decision.Remuneration;
        pay.Recorded.ShouldBeTrue();
        pay.Rules.Code.ShouldBe("ND13-2012");
        pay.Rules.LegalBasis.ShouldContain("Điều 10");
        pay.Years.Count.ShouldBe(3);
        pay.Years[0].AuthorsTotal.ShouldBe(7_000_000m);
        pay.Years[0].Authors.Select(a => a.Amount).ShouldBe([4_200_000m, 2_800_000m]);
        pay.Years[0].OrganisersMinimum.ShouldBe(2_100_000m);
        pay.AuthorsTotal.ShouldBe(21_000_000m);

        var published = await api.InScopeAsync(async sp => await sp.GetRequiredService<ParticipationDbContext>().OutboxMessages
            .Where(m => m.Type.Contains("InitiativeRecognised")).Select(m => m.Payload).ToListAsync());
        var payload = published.Select(p => JsonDocument.Parse(p).RootElement).Single(p => p.GetProperty("initiativeId").GetGuid() == decision.Id);
        payload.GetProperty("years")[0].GetProperty("authorsTotal").GetDecimal().ShouldBe(7_000_000m);
        payload.GetProperty("ruleSetCode").GetString().ShouldBe("ND13-2012");

        var duplicate = await SubmittedAsync(member, "Cùng số giấy chứng nhận");
        var dupChecked = await (await StepAsync(officer, HttpMethod.Put, RecordRecognitionConditions.Route, duplicate.Id, duplicate.Version, AllMet())).ReadAsync<InitiativeDetail>();
        await (await StepAsync(officer, HttpMethod.Post, RecogniseInitiative.Route, duplicate.Id, dupChecked.Version,
            new { certificateNumber = "01/CN-LH", decisionDate = Today })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "certificate_number_taken");
        var notRecognised = await (await StepAsync(officer, HttpMethod.Post, RefuseInitiative.Route, duplicate.Id, dupChecked.Version,
            new { reasons = "Trùng giải pháp đã công nhận", decisionDate = Today })).ReadAsync<InitiativeDetail>();
        notRecognised.Status.ShouldBe(InitiativeStatus.NotRecognised);
        notRecognised.Remuneration.Recorded.ShouldBeFalse();
    }

    [ApiFact]
    public async Task Given_an_initiative_of_a_VanLam_unit_When_read_by_MyHao_or_another_member_Then_404_and_VanLam_finds_it_without_diacritics()
    {
        var member = await api.LoginAsync(Member);
        var draft = await DraftAsync(member, "Gá kẹp thay khuôn nhanh");

        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        (await (await vanLam.GetAsync(GetInitiative.For(draft.Id))).ReadAsync<InitiativeDetail>()).Id.ShouldBe(draft.Id);
        var found = await (await vanLam.GetAsync($"{ListInitiatives.Route}?q=ga kep thay khuon&pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>();
        found.Items.ShouldContain(i => i.Id == draft.Id);

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(GetInitiative.For(draft.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await myHao.GetAsync($"{ListInitiatives.Route}?pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>()).Items.ShouldNotContain(i => i.Id == draft.Id);
        await (await StepAsync(myHao, HttpMethod.Post, SubmitInitiative.Route, draft.Id, draft.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // A second member of the same grassroots unit sees only their own initiatives.
        var admin = await api.LoginAsync(Users.Admin);
        var other = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = "doanvien2@hungyen.demo", fullName = "Đoàn viên thứ hai", password = "Demo@2025!x",
            grants = new[] { new { role = "member", unitId = await AnnualReportTests.UnitIdAsync(admin, LacHong) } },
        });
        other.IsSuccessStatusCode.ShouldBeTrue(await other.Content.ReadAsStringAsync());
        var secondMember = await api.LoginAsync("doanvien2@hungyen.demo", "Demo@2025!x");
        await (await secondMember.GetAsync(GetInitiative.For(draft.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await secondMember.GetAsync($"{ListInitiatives.Route}?pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>()).Items.ShouldBeEmpty();

        // Named as a co-author (matched by e-mail, whatever its case), the second member reads that one, in both lists.
        var unit = await AnnualReportTests.UnitIdAsync(member, LacHong);
        var shared = await (await member.PostJsonAsync(CreateInitiative.Route, Fields(unit, "Bảng theo dõi sự cố bằng mã QR", 50_000_000m,
            ("Đặng Thị Đoàn viên", Member, 70m), ("Đoàn viên thứ hai", "doanvien2@hungyen.demo", 30m)))).ReadAsync<InitiativeDetail>();
        (await (await secondMember.GetAsync(GetInitiative.For(shared.Id))).ReadAsync<InitiativeDetail>()).Id.ShouldBe(shared.Id);
        (await (await secondMember.GetAsync($"{ListInitiatives.Route}?pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>()).Items
            .Select(i => i.Id).ShouldBe([shared.Id]);
        (await (await secondMember.GetAsync($"{ListInitiatives.Route}?mine=true&pageSize=200")).ReadAsync<PagedResult<InitiativeListItem>>()).Items
            .Select(i => i.Id).ShouldBe([shared.Id]);
        await (await secondMember.GetAsync(GetInitiative.For(draft.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_draft_When_updated_without_If_Match_or_with_a_stale_one_Then_428_and_412_and_a_current_one_changes_it()
    {
        var member = await api.LoginAsync(Member);
        var draft = await DraftAsync(member, "Bản nháp để sửa");
        var unit = draft.UnitId;
        var url = GetInitiative.For(draft.Id);
        var changed = Fields(unit, "Bản nháp đã sửa", 50_000_000m, ("Đặng Thị Đoàn viên", Member, 100m));

        await (await member.PutAsJsonAsync(url, changed)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        var first = await StepAsync(member, HttpMethod.Put, UpdateInitiative.Route, draft.Id, draft.Version, changed);
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        var updated = await first.ReadAsync<InitiativeDetail>();
        updated.Authors.ShouldHaveSingleItem().SharePercent.ShouldBe(100m);
        updated.Version.ShouldBeGreaterThan(draft.Version);
        await (await StepAsync(member, HttpMethod.Put, UpdateInitiative.Route, draft.Id, draft.Version, changed)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var submitted = await (await StepAsync(member, HttpMethod.Post, SubmitInitiative.Route, draft.Id, updated.Version)).ReadAsync<InitiativeDetail>();
        await (await StepAsync(member, HttpMethod.Put, UpdateInitiative.Route, draft.Id, submitted.Version, changed))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_locked");
    }
}
