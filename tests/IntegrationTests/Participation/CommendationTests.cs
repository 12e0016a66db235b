using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Emulation;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Commendations (#13): the catalogue and its versioned rule sets (Law 2003/2013 + Decree 91/2017 before 2024, Law
/// 06/2022/QH15 + Decree 98/2023/NĐ-CP from 01/01/2024), each named eligibility rule failing and passing on the records
/// the system holds, the quota, the proposal → submit → decision path with If-Match, decision numbering, the prize
/// money published to Finance, and scope. Văn Lâm proposes (its officials are at Lạc Hồng), the province decides.
/// </summary>
public sealed class CommendationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static async Task<Guid> OfficialAsync(HttpClient officer, Guid unit, string name, string email)
    {
        var r = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position = "Công nhân", email, politicalTheory = "Elementary", researchMethodsTrained = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> Step(HttpClient client, string route, Guid id, long version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private static object People(params Guid[] officials) => officials.Select(o => new { officialId = o }).ToArray();

    private static async Task<EligibilityView> CheckAsync(HttpClient client, Guid unit, int year, string form, object nominees)
    {
        var r = await client.PostJsonAsync(CheckCommendationEligibility.Route, new { unitId = unit, year, formCode = form, nominees });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<EligibilityView>();
    }

    private static RuleResultView Rule(EligibilityView v, string code, int nominee = 0) => v.Nominees[nominee].Rules.Single(r => r.Code == code);

    private static async Task<ProposalDetail> ProposeAsync(HttpClient client, Guid unit, int year, string form, object nominees)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CreateCommendationProposal.Route)
        {
            Content = JsonContent.Create(new { unitId = unit, year, formCode = form, achievements = "Hoàn thành xuất sắc nhiệm vụ, có sáng kiến", nominees }, options: Support.Http.Json),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var r = await client.SendAsync(request);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<ProposalDetail>();
    }

    private static async Task<ProposalDetail> SubmittedAsync(HttpClient client, ProposalDetail p)
    {
        var r = await Step(client, SubmitCommendationProposal.Route, p.Id, p.Version);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<ProposalDetail>();
    }

    /// <summary>An initiative of Lạc Hồng authored by <paramref name="email"/>, recognised today.</summary>
    private static async Task RecognisedInitiativeAsync(HttpClient officer, Guid unit, string title, string author, string email, string certificate)
    {
        var draft = await officer.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId = unit, title, field = "Dệt may", kind = "Technical", problem = "Máy dệt dừng do đứt sợi", currentState = "Nối sợi bằng tay",
            solution = "Cảm biến báo đứt sợi", appliedAt = "Phân xưởng dệt", appliedSince = new DateOnly(2025, 6, 1), trialApplication = false,
            yearlyBenefit = 50_000_000m, noveltyDeclared = true, authors = new[] { new { fullName = author, email, sharePercent = 100m } },
        });
        draft.StatusCode.ShouldBe(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var d = await draft.ReadAsync<InitiativeDetail>();
        var s = await (await Step(officer, SubmitInitiative.Route, d.Id, d.Version)).ReadAsync<InitiativeDetail>();
        var conditions = new HttpRequestMessage(HttpMethod.Put, RecordRecognitionConditions.Route.Replace("{id}", d.Id.ToString()))
        {
            Content = JsonContent.Create(new { checks = Enum.GetValues<RecognitionCondition>().Select(c => new { condition = c.ToString(), met = true, note = "Đạt" }).ToArray() }),
        };
        conditions.Headers.TryAddWithoutValidation("If-Match", $"\"{s.Version}\"");
        var c = await (await officer.SendAsync(conditions)).ReadAsync<InitiativeDetail>();
        var recognised = await Step(officer, RecogniseInitiative.Route, d.Id, c.Version, new { certificateNumber = certificate, decisionDate = Today });
        recognised.StatusCode.ShouldBe(HttpStatusCode.OK, await recognised.Content.ReadAsStringAsync());
    }

    [ApiFact]
    public async Task Given_the_catalogue_When_read_for_2023_and_2024_Then_the_rule_set_in_force_names_its_articles_and_prizes()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var old = await (await province.GetAsync($"{ListCommendationForms.Route}?year=2023")).ReadAsync<CatalogueView>();
        old.RuleSetCode.ShouldBe("TDKT-2013");
        var oldFighter = old.Forms.Single(f => f.Code == "CSTDCS");
        // Law on Emulation and Commendation 2003 (amended 2013), art. 23(1) and 23(2).
        oldFighter.Rules.Single(r => r.Code == "holds_advanced_worker").LegalBasis.ShouldContain("Điều 23 khoản 1");
        oldFighter.Rules.Single(r => r.Code == "has_recognised_initiative").LegalBasis.ShouldContain("Điều 23 khoản 2");
        oldFighter.Rules.ShouldNotContain(r => r.Code == "base_fighter_quota");
        old.Forms.Single(f => f.Code == "CSTD-TINH").Rules.Single(r => r.Code == "three_consecutive_base_fighter").LegalBasis.ShouldContain("Điều 22");

        var current = await (await province.GetAsync($"{ListCommendationForms.Route}?year=2024")).ReadAsync<CatalogueView>();
        current.RuleSetCode.ShouldBe("TDKT-2022");
        current.EffectiveFrom.ShouldBe(new DateOnly(2024, 1, 1));
        current.RuleSetBasis.ShouldContain("06/2022/QH15");
        var fighter = current.Forms.Single(f => f.Code == "CSTDCS");
        // Decree 98/2023/NĐ-CP art. 54: CSTĐ cơ sở 1.0, LĐTT 0.3, CSTĐ cấp tỉnh 3.0, Tập thể LĐXS 1.5, Tập thể LĐTT 0.8 times the base salary.
        fighter.PersonCoefficient.ShouldBe(1.0m);
        fighter.PrizeBasis.ShouldContain("Điều 54");
        current.Forms.Single(f => f.Code == "LDTT").PersonCoefficient.ShouldBe(0.3m);
        current.Forms.Single(f => f.Code == "CSTD-TINH").PersonCoefficient.ShouldBe(3.0m);
        current.Forms.Single(f => f.Code == "TTLDXS").CollectiveCoefficient.ShouldBe(1.5m);
        current.Forms.Single(f => f.Code == "TTLDTT").CollectiveCoefficient.ShouldBe(0.8m);
        // Rules whose text was not found are labelled house rules, never given an invented article.
        fighter.Rules.Single(r => r.Code == "base_fighter_quota").LegalBasis.ShouldStartWith("Quy định nội bộ");
        current.Forms.Single(f => f.Code == "TTLDTT").Rules.Single(r => r.Code == "reviewed_emulation_result").LegalBasis.ShouldContain("Điều 28");
    }

    [ApiFact]
    public async Task Given_workers_of_Lac_Hong_When_proposed_Lao_dong_tien_tien_then_Chien_si_thi_dua_co_so_Then_each_rule_decides_and_the_province_awards_with_prize_money()
    {
        const int year = 2026;
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var workers = new List<(Guid Id, string Email)>();
        for (var n = 1; n <= 8; n++)
        {
            var email = $"khenthuong.{n}.{Guid.NewGuid():N}@lachong.demo";
            workers.Add((await OfficialAsync(officer, lacHong, $"Công nhân Khen thưởng {n}", email), email));
        }

        // The province launches a movement for the year; Lạc Hồng registers seven of the eight workers.
        var movement = await province.PostJsonAsync(CreateMovement.Route, new
        {
            unitId = root, name = $"Lao động giỏi – Lao động sáng tạo {year} (khen thưởng)", kind = "Regular", target = "Both", fromYear = year, toYear = year,
            registrationDeadline = new DateOnly(year, 12, 31), participants = "Subtree", chosenUnitIds = Array.Empty<Guid>(),
            criteria = new[] { new { name = "Sáng kiến", maxPoints = 100m, evidence = "Giấy chứng nhận" } },
        });
        movement.StatusCode.ShouldBe(HttpStatusCode.Created, await movement.Content.ReadAsStringAsync());
        var movementId = (await movement.ReadAsync<MovementDetail>()).Id;
        var registration = await officer.PostJsonAsync(RegisterForMovement.Route, new
        {
            movementId, unitId = lacHong, year, targets = "Hoàn thành kế hoạch", aimedTitles = "Tập thể lao động tiên tiến",
            people = workers.Take(7).Select(w => new { officialId = w.Id, aimedTitle = "Lao động tiên tiến" }).ToArray(),
        });
        registration.StatusCode.ShouldBe(HttpStatusCode.Created, await registration.Content.ReadAsStringAsync());

        // registered_for_emulation (house rule): the eighth worker did not register.
        var unregistered = await CheckAsync(officer, vanLam, year, "LDTT", People(workers[7].Id));
        unregistered.AllEligible.ShouldBeFalse();
        Rule(unregistered, "registered_for_emulation").Passed.ShouldBeFalse();

        var ldtt = await ProposeAsync(officer, vanLam, year, "LDTT", People(workers.Take(7).Select(w => w.Id).ToArray()));
        ldtt.Status.ShouldBe(ProposalStatus.Draft);
        ldtt.Nominees.Count.ShouldBe(7);
        var submitted = await SubmittedAsync(officer, ldtt);
        submitted.Nominees.ShouldAllBe(n => n.Checks.All(c => c.Passed));
        submitted.Nominees[0].Checks.Select(c => c.Code).ShouldBe(["not_proposed_twice", "registered_for_emulation"]);

        // not_proposed_twice (issue #13): the same person and form in the same year again.
        Rule(await CheckAsync(officer, vanLam, year, "LDTT", People(workers[0].Id)), "not_proposed_twice").Passed.ShouldBeFalse();

        // The proposing unit cannot decide its own proposal: the unit above does.
        (await Step(officer, ApproveCommendationProposal.Route, ldtt.Id, submitted.Version,
            new { decisionNumber = "01/QĐ-KT", decisionDate = Today, issuer = "Chủ tịch LĐLĐ huyện Văn Lâm" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // A stale version: 412.
        (await Step(province, ApproveCommendationProposal.Route, ldtt.Id, ldtt.Version,
            new { decisionNumber = "01/QĐ-KT", decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh Hưng Yên" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        // The decision follows the province's emulation council's vote.
        await CommendationVoting.PassAsync(api, province, ldtt.Id);
        var number = $"{Support.Unique.Next()}/QĐ-LĐLĐ";
        var approved = await Step(province, ApproveCommendationProposal.Route, ldtt.Id, submitted.Version,
            new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh Hưng Yên" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var awarded = await approved.ReadAsync<ProposalDetail>();
        awarded.Status.ShouldBe(ProposalStatus.Approved);
        // Decree 98/2023/NĐ-CP art. 54: LĐTT = 0.3 × base salary (2,340,000 VND from 01/07/2024): 702,000 each, exact.
        awarded.Nominees.ShouldAllBe(n => n.Prize == 702_000m);
        awarded.PrizeTotal.ShouldBe(4_914_000m);

        // Finance records the prize money as an obligation to be funded by the province.
        await Eventually.UntilAsync(async () =>
        {
            var obligations = await (await province.GetAsync($"/api/v1/finance/obligations?unitId={root}")).ReadAsync<JsonElement>();
            return obligations.EnumerateArray().Any(o => o.GetProperty("certificateNumber").GetString() == number && o.GetProperty("total").GetDecimal() == 4_914_000m);
        }, because: "Finance records the commendation's prize money");

        // CSTĐ cơ sở: holds_advanced_worker and has_recognised_initiative (art. 23 of the 2013 law, kept as house rules in the 2022 set).
        var noInitiative = await CheckAsync(officer, vanLam, year, "CSTDCS", People(workers[0].Id, workers[7].Id));
        Rule(noInitiative, "holds_advanced_worker", 0).Passed.ShouldBeTrue();
        Rule(noInitiative, "has_recognised_initiative", 0).Passed.ShouldBeFalse();
        Rule(noInitiative, "holds_advanced_worker", 1).Passed.ShouldBeFalse();
        await RecognisedInitiativeAsync(officer, lacHong, $"Cảm biến đứt sợi {Guid.NewGuid():N}", "Công nhân Khen thưởng 1", workers[0].Email, $"KT-{Guid.NewGuid():N}"[..20]);
        var withInitiative = await CheckAsync(officer, vanLam, year, "CSTDCS", People(workers[0].Id));
        withInitiative.AllEligible.ShouldBeTrue(string.Join("; ", withInitiative.Nominees[0].Rules.Where(r => !r.Passed).Select(r => r.Detail)));
        // The quota (house rule, 15%): seven LĐTT allow one CSTĐ cơ sở, so two in one proposal break it.
        Rule(await CheckAsync(officer, vanLam, year, "CSTDCS", People(workers[0].Id, workers[1].Id)), "base_fighter_quota").Passed.ShouldBeFalse();

        // A failed rule blocks the submission and names the rule; nothing changes.
        var blocked = await ProposeAsync(officer, vanLam, year, "CSTDCS", People(workers[1].Id));
        var refusedSubmit = await Step(officer, SubmitCommendationProposal.Route, blocked.Id, blocked.Version);
        var problem = await refusedSubmit.ShouldBeProblemAsync(HttpStatusCode.Conflict, "commendation_ineligible");
        problem.GetRawText().ShouldContain("has_recognised_initiative");
        var refused = await Step(officer, RefuseCommendationProposal.Route, blocked.Id, blocked.Version, new { reason = "x" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var fighter = await SubmittedAsync(officer, await ProposeAsync(officer, vanLam, year, "CSTDCS", People(workers[0].Id)));
        await CommendationVoting.PassAsync(api, province, fighter.Id);
        // A decision number is used once per deciding unit and year.
        (await Step(province, ApproveCommendationProposal.Route, fighter.Id, fighter.Version, new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "decision_number_taken").GetAwaiter().GetResult();
        var fighterApproved = await (await Step(province, ApproveCommendationProposal.Route, fighter.Id, fighter.Version,
            new { decisionNumber = number + "-2", decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh" })).ReadAsync<ProposalDetail>();
        fighterApproved.Nominees.Single().Prize.ShouldBe(2_340_000m);
        fighterApproved.Nominees.Single().Checks.Select(c => c.Code).ShouldBe(["not_proposed_twice", "holds_advanced_worker", "has_recognised_initiative", "base_fighter_quota"]);
    }

    [ApiFact]
    public async Task Given_a_nominee_failing_a_rule_When_the_unit_asks_for_an_exception_Then_the_decider_approves_only_with_an_override_reason_kept_in_the_audit_trail()
    {
        // #13: "a failed check blocks the proposal unless the decider overrides it with a reason, audited".
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var person = await OfficialAsync(officer, lacHong, "Người được xét ngoại lệ", $"ngoaile.{Guid.NewGuid():N}@lachong.demo");
        // CSTĐ cơ sở without Lao động tiên tiến nor a recognised initiative (Law 06/2022/QH15 art. 23 as encoded): both rules fail.
        var draft = await ProposeAsync(officer, vanLam, 2025, "CSTDCS", People(person));

        // Without a reason the submission is refused as before; a blank reason is no reason.
        await (await Step(officer, SubmitCommendationProposal.Route, draft.Id, draft.Version, new { exceptionRequest = "   " }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "commendation_ineligible");
        var asked = await Step(officer, SubmitCommendationProposal.Route, draft.Id, draft.Version,
            new { exceptionRequest = "Có giải pháp cứu máy dệt trong vụ cháy, đề nghị xét ngoại lệ" });
        asked.StatusCode.ShouldBe(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        var submitted = await asked.ReadAsync<ProposalDetail>();
        submitted.Status.ShouldBe(ProposalStatus.Submitted);
        submitted.ExceptionRequest.ShouldBe("Có giải pháp cứu máy dệt trong vụ cháy, đề nghị xét ngoại lệ");
        var failed = submitted.Nominees.Single().Checks.Where(c => !c.Passed).Select(c => c.Code).ToList();
        failed.ShouldContain("holds_advanced_worker");
        failed.ShouldContain("has_recognised_initiative");

        await CommendationVoting.PassAsync(api, province, submitted.Id);
        // The decider cannot approve past a failed rule without saying why; nothing is decided.
        var number = $"{Support.Unique.Next()}/QĐ-NL";
        var bare = await Step(province, ApproveCommendationProposal.Route, submitted.Id, submitted.Version,
            new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh Hưng Yên" });
        var problem = await bare.ShouldBeProblemAsync(HttpStatusCode.Conflict, "override_reason_required");
        problem.GetRawText().ShouldContain("overrideReason");
        var still = await (await province.GetAsync(GetCommendationProposal.Route.Replace("{id}", submitted.Id.ToString()))).ReadAsync<ProposalDetail>();
        still.Status.ShouldBe(ProposalStatus.Submitted);
        still.DecisionNumber.ShouldBeNull();

        var approved = await Step(province, ApproveCommendationProposal.Route, submitted.Id, submitted.Version,
            new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch LĐLĐ tỉnh Hưng Yên", overrideReason = "Thành tích đột xuất, Hội đồng thi đua đã thống nhất" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var decided = await approved.ReadAsync<ProposalDetail>();
        decided.Status.ShouldBe(ProposalStatus.Approved);
        decided.OverrideReason.ShouldBe("Thành tích đột xuất, Hội đồng thi đua đã thống nhất");
        decided.OverriddenBy.ShouldNotBeNullOrWhiteSpace();

        // The override is in the audit trail: who gave which reason.
        var leader = await api.LoginAsync(Users.Leader);
        var trail = await (await leader.GetAsync($"/api/v1/audit?entityType=CommendationProposal&entityId={submitted.Id}")).ReadAsync<JsonElement>();
        var change = trail.GetProperty("items").EnumerateArray()
            .SelectMany(e => e.GetProperty("changes").EnumerateArray().Select(c => (Entry: e, Change: c)))
            .Single(x => x.Change.GetProperty("field").GetString() == "overrideReason");
        change.Change.GetProperty("new").GetString().ShouldBe("Thành tích đột xuất, Hội đồng thi đua đã thống nhất");
        change.Entry.GetProperty("userEmail").GetString().ShouldBe(Users.PolicyLaw);
    }

    [ApiFact]
    public async Task Given_a_fresh_official_When_checked_for_the_higher_forms_Then_each_rule_fails_naming_what_is_missing()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var person = await OfficialAsync(officer, lacHong, "Người mới", $"nguoimoi.{Guid.NewGuid():N}@lachong.demo");

        // three_consecutive_base_fighter (art. 22 of the 2013 law; house rule in the 2022 set): no CSTĐ cơ sở in 2023–2025.
        var provincial = Rule(await CheckAsync(officer, vanLam, 2025, "CSTD-TINH", People(person)), "three_consecutive_base_fighter");
        provincial.Passed.ShouldBeFalse();
        provincial.Detail.ShouldContain("2023, 2024, 2025");
        // initiative_or_base_fighter (house rule) for the provincial federation's Bằng khen.
        Rule(await CheckAsync(officer, vanLam, 2025, "BK-LDLD", People(person)), "initiative_or_base_fighter").Passed.ShouldBeFalse();
        // holds_provincial_commendation (house rule) for the General Confederation's Bằng khen.
        Rule(await CheckAsync(officer, vanLam, 2025, "BK-TLD", People(person)), "holds_provincial_commendation").Passed.ShouldBeFalse();
        // has_recognised_initiative for the "Lao động sáng tạo" award.
        Rule(await CheckAsync(officer, vanLam, 2025, "LDST", People(person)), "has_recognised_initiative").Passed.ShouldBeFalse();
        // The Giấy khen carries no rule beyond not_proposed_twice.
        (await CheckAsync(officer, vanLam, 2025, "GK-LDLD", People(person))).AllEligible.ShouldBeTrue();
        // Under the 2013 rule set (2023), the same check cites art. 23 of the 2013 law.
        Rule(await CheckAsync(officer, vanLam, 2023, "CSTDCS", People(person)), "holds_advanced_worker").LegalBasis.ShouldContain("Điều 23 khoản 1");
    }

    [ApiFact]
    public async Task Given_the_2024_cluster_ranking_When_collectives_are_checked_Then_the_reviewed_result_and_the_cluster_lead_decide()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var nhuQuynh = await AnnualReportTests.UnitIdAsync(officer, "VANLAM-DIENTUNHUQUYNH");
        object Units(params Guid[] ids) => ids.Select(u => new { unitId = u }).ToArray();

        // Demo 2024 (closed): Lạc Hồng 90 points leads Văn Lâm's cluster, Như Quỳnh 88 second.
        var excellent = await CheckAsync(officer, vanLam, 2024, "TTLDXS", Units(lacHong, nhuQuynh));
        Rule(excellent, "reviewed_emulation_result", 0).Passed.ShouldBeTrue();
        Rule(excellent, "leads_cluster", 0).Passed.ShouldBeTrue();
        Rule(excellent, "reviewed_emulation_result", 1).Passed.ShouldBeTrue();
        Rule(excellent, "leads_cluster", 1).Passed.ShouldBeFalse();
        // 2025 is not closed: no reviewed result yet (Luật 06/2022/QH15 art. 28 for the Tập thể lao động tiên tiến).
        Rule(await CheckAsync(officer, vanLam, 2025, "TTLDTT", Units(lacHong)), "reviewed_emulation_result").Passed.ShouldBeFalse();

        // A person for a collective title, or a unit for an individual one: 409 nominee_kind.
        (await officer.PostJsonAsync(CheckCommendationEligibility.Route, new { unitId = vanLam, year = 2024, formCode = "LDTT", nominees = Units(lacHong) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "nominee_kind").GetAwaiter().GetResult();
    }

    [ApiFact]
    public async Task Given_a_proposal_of_Van_Lam_When_My_Hao_or_a_member_reach_for_it_Then_404_outside_scope_409_for_nominees_outside_and_403_without_the_permission()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var myHaoUnit = await AnnualReportTests.UnitIdAsync(myHao, "MYHAO");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var proposal = await ProposeAsync(officer, vanLam, 2025, "GK-LDLD", new[] { new { unitId = lacHong } });

        (await myHao.GetAsync(GetCommendationProposal.For(proposal.Id))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Step(myHao, SubmitCommendationProposal.Route, proposal.Id, proposal.Version)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Mỹ Hào proposing Văn Lâm's Lạc Hồng: outside its subtree.
        (await myHao.PostJsonAsync(CreateCommendationProposal.Route, new { unitId = myHaoUnit, year = 2025, formCode = "GK-LDLD", achievements = "x", nominees = new[] { new { unitId = lacHong } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "nominee_out_of_scope").GetAwaiter().GetResult();
        // Mỹ Hào proposing for Văn Lâm: 404 (the unit is outside its scope).
        (await myHao.PostJsonAsync(CreateCommendationProposal.Route, new { unitId = vanLam, year = 2025, formCode = "GK-LDLD", achievements = "x", nominees = new[] { new { unitId = lacHong } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        (await member.PostJsonAsync(CreateCommendationProposal.Route, new { unitId = vanLam, year = 2025, formCode = "GK-LDLD", achievements = "x", nominees = new[] { new { unitId = lacHong } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
