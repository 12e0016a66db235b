using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Honouring;
using MiniExcelLibs;
using PdfSharp.Pdf.IO;
using static Khcn.IntegrationTests.Participation.CommendationDecisionTests;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Honouring events (#13): the province holds a "Lao động sáng tạo" honouring for decisions it made; the honourees come
/// from the decisions, the honour list groups them by form, each gets a certificate PDF whose QR code leads to a public
/// check showing only what the certificate prints (Decree 13/2023/NĐ-CP art. 3(4)), and a revoked certificate answers so.
/// </summary>
public sealed class HonouringTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private sealed record Arranged(HttpClient Province, HttpClient Officer, Guid Root, ProposalDetail Ldtt, ProposalDetail GiayKhen, string NameA, string NameB);

    /// <summary>Two decisions of the province for Lạc Hồng workers: "Lao động tiên tiến" for A and the federation's Giấy khen for B.</summary>
    private async Task<Arranged> DecisionsAsync()
    {
        var year = Today.Year;
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var province = await api.LoginAsync(Users.PolicyLaw);
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(officer, "VANLAM");
        var lacHong = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (nameA, nameB) = ($"Nguyễn Văn Tôn {tag}", $"Lê Thị Vinh {tag}");
        var a = await OfficialAsync(officer, lacHong, nameA, $"ton.{tag}@lachong.demo");
        var b = await OfficialAsync(officer, lacHong, nameB, $"vinh.{tag}@lachong.demo");
        await RegisterAsync(province, officer, root, lacHong, year, [a]);
        var ldtt = await ApprovedAsync(api, officer, province, await ProposeAsync(officer, vanLam, year, "LDTT", new[] { new { officialId = a } }), $"{Support.Unique.Next()}/QĐ-LĐLĐ");
        var gk = await ApprovedAsync(api, officer, province, await ProposeAsync(officer, vanLam, year, "GK-LDLD", new[] { new { officialId = b } }), $"{Support.Unique.Next()}/QĐ-LĐLĐ");
        return new Arranged(province, officer, root, ldtt, gk, nameA, nameB);
    }

    private static async Task<HttpResponseMessage> HoldAsync(HttpClient client, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CreateHonouringEvent.Route) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        request.Headers.AcceptLanguage.ParseAdd("vi");
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return await client.SendAsync(request);
    }

    private static object Event(Guid unit, params Guid[] decisions) =>
        new { unitId = unit, name = $"Lễ tôn vinh \"Lao động sáng tạo\" năm {Today.Year}", heldOn = Today, venue = "Hội trường LĐLĐ tỉnh Hưng Yên", decisionIds = decisions };

    [ApiFact]
    public async Task Given_two_decisions_of_the_province_When_it_holds_an_honouring_event_Then_the_honourees_come_from_the_decisions_and_the_honour_list_groups_them_by_form()
    {
        var x = await DecisionsAsync();
        // The picker offers the province's own decided decisions.
        var picker = await (await x.Province.GetAsync($"{ListHonourableDecisions.Route}?unitId={x.Root}")).ReadAsync<List<HonourableDecision>>();
        picker.Select(d => d.ProposalId).ShouldContain(x.Ldtt.Id);
        picker.Select(d => d.ProposalId).ShouldContain(x.GiayKhen.Id);

        var key = Guid.NewGuid().ToString();
        var created = await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id, x.GiayKhen.Id), key);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var e = await created.ReadAsync<HonouringEventDetail>();
        e.Decisions.Select(d => d.DecisionNumber).ShouldBe([x.GiayKhen.DecisionNumber!, x.Ldtt.DecisionNumber!], ignoreOrder: true);
        e.Honourees.Select(h => h.Name).ShouldBe([x.NameA, x.NameB], ignoreOrder: true);
        // The event's decisions carry the same year and names as the picker showed them (the edit dialog labels both alike).
        e.Decisions.Select(d => (d.ProposalId, d.Year, d.Names)).ShouldBe(picker.Where(p => e.Decisions.Any(d => d.ProposalId == p.ProposalId))
            .Select(p => (p.ProposalId, p.Year, p.Names)), ignoreOrder: true);
        e.Decisions.ShouldAllBe(d => d.Year > 2000 && d.Names.Length > 0);
        e.Honourees.ShouldAllBe(h => !h.Revoked && h.VerifyUrl.Contains("/verify/khen-thuong/"));
        // A retry with the same key replays the answer: one event, not two.
        var retried = await (await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id, x.GiayKhen.Id), key)).ReadAsync<HonouringEventDetail>();
        retried.Id.ShouldBe(e.Id);
        // Once honoured, the decisions leave the picker.
        var after = await (await x.Province.GetAsync($"{ListHonourableDecisions.Route}?unitId={x.Root}")).ReadAsync<List<HonourableDecision>>();
        after.Select(d => d.ProposalId).ShouldNotContain(x.Ldtt.Id);

        var xlsx = await x.Province.GetAsync(DownloadHonourList.For(e.Id));
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK, await xlsx.Content.ReadAsStringAsync());
        var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        // One sheet per form (a sheet name holds 31 characters; the form's full name is in its column).
        var sheets = stream.GetSheetNames();
        sheets.Count.ShouldBe(2);
        var rows = sheets.Select(sheet => stream.Query(useHeaderRow: true, sheetName: sheet, startCell: "A6").Cast<IDictionary<string, object>>().ToList()).ToList();
        rows.ShouldAllBe(sheet => sheet.Count == 1);
        var ldttRow = rows.Single(r => (string)r[0]["Hình thức khen thưởng"] == "Danh hiệu \"Lao động tiên tiến\"")[0];
        ldttRow["Họ và tên / Tập thể"].ShouldBe(x.NameA);
        ldttRow["Số quyết định"].ShouldBe(x.Ldtt.DecisionNumber);
        var gkRow = rows.Single(r => (string)r[0]["Hình thức khen thưởng"] == "Giấy khen của Liên đoàn Lao động tỉnh")[0];
        gkRow["Họ và tên / Tập thể"].ShouldBe(x.NameB);

        // Outside the province's scope: a district officer and another district see no such event (404).
        await (await x.Officer.GetAsync(GetHonouringEvent.For(e.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(GetHonouringEvent.For(e.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(DownloadHonourList.For(e.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(DownloadHonourCertificate.For(e.Honourees[0].CertificateId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await myHao.GetAsync(ListHonouringEvents.Route)).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<HonouringEventListItem>>()).Items.ShouldNotContain(i => i.Id == e.Id);
        (await (await x.Province.GetAsync(ListHonouringEvents.Route)).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<HonouringEventListItem>>()).Items.ShouldContain(i => i.Id == e.Id && i.Honourees == 2);
    }

    private static HttpRequestMessage Change(HttpMethod method, Guid id, long? version, object? body = null)
    {
        var request = new HttpRequestMessage(method, GetHonouringEvent.For(id));
        if (body is not null) request.Content = JsonContent.Create(body, options: Support.Http.Json);
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        request.Headers.AcceptLanguage.ParseAdd("vi");
        return request;
    }

    private async Task<HonouringEventDetail> HeldAsync(Arranged x, DateOnly heldOn, params Guid[] decisions)
    {
        var created = await HoldAsync(x.Province, new { unitId = x.Root, name = "Lễ tôn vinh dự kiến", heldOn, venue = "Hội trường LĐLĐ tỉnh Hưng Yên", decisionIds = decisions });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.ReadAsync<HonouringEventDetail>();
    }

    private async Task<List<JsonElement>> TrailAsync(Guid eventId)
    {
        var leader = await api.LoginAsync(Users.Leader);
        var trail = await (await leader.GetAsync($"/api/v1/audit?entityType=HonouringEvent&entityId={eventId}")).ReadAsync<JsonElement>();
        return trail.GetProperty("items").EnumerateArray().ToList();
    }

    [ApiFact]
    public async Task Given_an_event_before_its_day_When_the_province_reschedules_and_moves_it_Then_it_changes_under_If_Match_the_certificates_take_the_new_year_and_the_change_is_audited()
    {
        var x = await DecisionsAsync();
        var e = await HeldAsync(x, Today.AddDays(30), x.Ldtt.Id);
        e.Held.ShouldBeFalse();
        var newDate = Today.AddDays(400);
        var body = new { name = "Lễ tôn vinh \"Lao động sáng tạo\" (dời lịch)", heldOn = newDate, venue = "Nhà văn hóa lao động tỉnh", };

        // Like every update: 428 without If-Match, 412 on a stale version.
        (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, null, body))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version + 7, body))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        // Outside the province's scope: 404.
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await x.Officer.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // The new date may not precede a decision it honours; nothing changes.
        await (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body with { heldOn = Today.AddDays(-1) })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "honouring_before_decision");
        var invalid = await (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body with { venue = "" }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        invalid.GetProperty("errors").ToString().ShouldContain("Nhập địa điểm tổ chức.");

        var updated = await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body));
        updated.StatusCode.ShouldBe(HttpStatusCode.OK, await updated.Content.ReadAsStringAsync());
        var read = await (await x.Province.GetAsync(GetHonouringEvent.For(e.Id))).ReadAsync<HonouringEventDetail>();
        (read.Name, read.HeldOn, read.Venue).ShouldBe((body.name, newDate, body.venue));
        read.Version.ShouldBeGreaterThan(e.Version);
        // Moved to another year, the certificates are numbered in it; their verification links stay.
        read.Honourees.ShouldAllBe(h => h.CertificateNumber.EndsWith($"/GCN-TV{newDate.Year}"));
        read.Honourees.Select(h => h.VerifyUrl).ShouldBe(e.Honourees.Select(h => h.VerifyUrl));
        // The old version is stale now.
        (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);

        // Audited: who moved the venue, from what to what.
        var venue = (await TrailAsync(e.Id)).Where(a => a.GetProperty("action").GetString() == "Updated")
            .SelectMany(a => a.GetProperty("changes").EnumerateArray().Select(c => (Entry: a, Change: c)))
            .Single(c => c.Change.GetProperty("field").GetString() == "venue");
        (venue.Change.GetProperty("old").GetString(), venue.Change.GetProperty("new").GetString()).ShouldBe(("Hội trường LĐLĐ tỉnh Hưng Yên", "Nhà văn hóa lao động tỉnh"));
        venue.Entry.GetProperty("userEmail").GetString().ShouldBe(Users.PolicyLaw);
    }

    [ApiFact]
    public async Task Given_events_held_today_and_to_come_When_deleting_Then_a_held_one_is_409_honouring_event_held_and_one_to_come_goes_with_its_certificates_and_frees_its_decisions()
    {
        var x = await DecisionsAsync();
        var held = await HeldAsync(x, Today, x.Ldtt.Id);
        held.Held.ShouldBeTrue();
        // From its day on the event is held: its certificates are handed out, so it is neither changed nor deleted.
        var refused = await (await x.Province.SendAsync(Change(HttpMethod.Delete, held.Id, held.Version))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "honouring_event_held");
        refused.GetProperty("detail").GetString()!.ShouldContain("Lễ tôn vinh đã diễn ra");
        await (await x.Province.SendAsync(Change(HttpMethod.Put, held.Id, held.Version, new { name = "Đổi tên", heldOn = Today.AddDays(5), venue = "Nơi khác" })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "honouring_event_held");
        (await x.Province.GetAsync(GetHonouringEvent.For(held.Id))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var toCome = await HeldAsync(x, Today.AddDays(10), x.GiayKhen.Id);
        var code = toCome.Honourees.Single().VerifyUrl.Split('/')[^1];
        var anonymous = api.CreateClient();
        (await anonymous.GetAsync(VerifyHonourCertificate.For(code))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await x.Province.SendAsync(Change(HttpMethod.Delete, toCome.Id, null))).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.SendAsync(Change(HttpMethod.Delete, toCome.Id, toCome.Version))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var deleted = await x.Province.SendAsync(Change(HttpMethod.Delete, toCome.Id, toCome.Version));
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        await (await x.Province.GetAsync(GetHonouringEvent.For(toCome.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Its certificates go with it, and its decision may be honoured at another event.
        await (await anonymous.GetAsync(VerifyHonourCertificate.For(code))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var picker = await (await x.Province.GetAsync($"{ListHonourableDecisions.Route}?unitId={x.Root}")).ReadAsync<List<HonourableDecision>>();
        picker.Select(d => d.ProposalId).ShouldContain(x.GiayKhen.Id);
        (await TrailAsync(toCome.Id)).ShouldContain(a => a.GetProperty("action").GetString() == "Deleted" && a.GetProperty("userEmail").GetString() == Users.PolicyLaw);
    }

    [ApiFact]
    public async Task Given_an_event_to_come_When_the_province_changes_its_decisions_Then_the_honourees_follow_and_once_held_the_decisions_no_longer_change()
    {
        var x = await DecisionsAsync();
        var e = await HeldAsync(x, Today.AddDays(20), x.Ldtt.Id);
        var oldCode = e.Honourees.Single().VerifyUrl.Split('/')[^1];
        var body = new { name = e.Name, heldOn = e.HeldOn, venue = e.Venue, decisionIds = new[] { x.GiayKhen.Id } };

        // Swapped for the Giấy khen decision: its honouree gets a certificate, the left-out one's certificate goes.
        var swapped = await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, e.Version, body));
        swapped.StatusCode.ShouldBe(HttpStatusCode.OK, await swapped.Content.ReadAsStringAsync());
        var read = await swapped.ReadAsync<HonouringEventDetail>();
        read.Decisions.Select(d => d.ProposalId).ShouldBe([x.GiayKhen.Id]);
        read.Honourees.Select(h => (h.Name, h.CertificateNumber)).ShouldBe([(x.NameB, $"001/GCN-TV{e.HeldOn.Year}")]);
        var anonymous = api.CreateClient();
        await (await anonymous.GetAsync(VerifyHonourCertificate.For(oldCode))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var picker = await (await x.Province.GetAsync($"{ListHonourableDecisions.Route}?unitId={x.Root}")).ReadAsync<List<HonourableDecision>>();
        picker.Select(d => d.ProposalId).ShouldContain(x.Ldtt.Id, "a decision left out may be honoured again");
        picker.Select(d => d.ProposalId).ShouldNotContain(x.GiayKhen.Id);

        // Both: the kept certificate keeps its verification link; the list is numbered again in the event's order.
        var both = await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, read.Version, body with { decisionIds = new[] { x.GiayKhen.Id, x.Ldtt.Id } }));
        both.StatusCode.ShouldBe(HttpStatusCode.OK, await both.Content.ReadAsStringAsync());
        var two = await both.ReadAsync<HonouringEventDetail>();
        two.Honourees.Select(h => h.Name).Order().ShouldBe(new[] { x.NameA, x.NameB }.Order());
        two.Honourees.Select(h => h.Order).ShouldBe([1, 2]);
        two.Honourees.Single(h => h.Name == x.NameB).VerifyUrl.ShouldBe(read.Honourees.Single().VerifyUrl);

        // A decision honoured at another event, or none at all, is refused; nothing changes.
        var other = await HeldAsync(x, Today.AddDays(25), (await DecisionsAsync()).Ldtt.Id);
        await (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, two.Version, body with { decisionIds = new[] { other.Decisions.Single().ProposalId } })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "decision_already_honoured");
        await (await x.Province.SendAsync(Change(HttpMethod.Put, e.Id, two.Version, body with { decisionIds = Array.Empty<Guid>() }))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        (await (await x.Province.GetAsync(GetHonouringEvent.For(e.Id))).ReadAsync<HonouringEventDetail>()).Honourees.Count.ShouldBe(2);

        // From its day on: 409 honouring_event_held, the decisions stay.
        var held = await HeldAsync(x, Today, (await DecisionsAsync()).GiayKhen.Id);
        await (await x.Province.SendAsync(Change(HttpMethod.Put, held.Id, held.Version, new { name = held.Name, heldOn = held.HeldOn, venue = held.Venue, decisionIds = new[] { x.Ldtt.Id } })))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "honouring_event_held");
    }

    [ApiFact]
    public async Task Given_bad_input_When_holding_an_event_Then_each_is_refused_naming_the_rule_and_nothing_is_saved()
    {
        var x = await DecisionsAsync();
        var invalid = await (await HoldAsync(x.Province, new { unitId = x.Root, name = "Lễ tôn vinh", venue = "", decisionIds = Array.Empty<Guid>() }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = invalid.GetProperty("errors").ToString();
        errors.ShouldContain("Nhập địa điểm tổ chức.");
        errors.ShouldContain("Chọn ngày tổ chức.");
        errors.ShouldContain("Chọn ít nhất một quyết định khen thưởng.");

        // A decision the unit did not make (a draft, not decided) cannot be honoured.
        var draft = await ProposeAsync(x.Officer, await AnnualReportTests.UnitIdAsync(x.Officer, "VANLAM"), Today.Year, "GK-LDLD",
            new[] { new { unitId = await AnnualReportTests.UnitIdAsync(x.Officer, LacHong) } });
        await (await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id, draft.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "decision_not_honourable");
        // The event cannot predate a decision it honours.
        var early = new { unitId = x.Root, name = "Lễ tôn vinh sớm", heldOn = Today.AddDays(-1), venue = "Hội trường", decisionIds = new[] { x.Ldtt.Id } };
        await (await HoldAsync(x.Province, early)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "honouring_before_decision");
        // A district officer cannot hold an event for the province (the province is outside its scope: 404).
        await (await HoldAsync(x.Officer, Event(x.Root, x.Ldtt.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        // Nothing was saved: the decisions are still honourable; once honoured, a second event cannot honour them again.
        (await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id, x.GiayKhen.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "decision_already_honoured");
    }

    [ApiFact]
    public async Task Given_an_honouree_certificate_When_downloaded_and_its_code_checked_publicly_Then_it_verifies_with_only_what_it_prints_and_once_revoked_answers_revoked()
    {
        var x = await DecisionsAsync();
        var e = await (await HoldAsync(x.Province, Event(x.Root, x.Ldtt.Id))).ReadAsync<HonouringEventDetail>();
        var honouree = e.Honourees.ShouldHaveSingleItem();

        var response = await x.Province.GetAsync(DownloadHonourCertificate.For(honouree.CertificateId));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        using (var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            document.PageCount.ShouldBe(1);
            document.Pages[0].Width.Point.ShouldBeGreaterThan(document.Pages[0].Height.Point, "landscape, like Training's certificates");
        }
        // The QR code's payload is the public verification URL, also a link over the code.
        var code = honouree.VerifyUrl[(honouree.VerifyUrl.LastIndexOf('/') + 1)..];
        Encoding.Latin1.GetString(pdf).ShouldContain($"/verify/khen-thuong/{code}");

        var anonymous = api.CreateClient();
        var check = await anonymous.GetAsync(VerifyHonourCertificate.For(code));
        check.StatusCode.ShouldBe(HttpStatusCode.OK, await check.Content.ReadAsStringAsync());
        var json = await check.Content.ReadAsStringAsync();
        var v = JsonSerializer.Deserialize<HonourCertificateVerification>(json, Support.Http.Json)!;
        v.Status.ShouldBe(HonourCertificateStatus.Valid);
        v.HolderName.ShouldBe(x.NameA);
        v.FormName.ShouldBe("Danh hiệu \"Lao động tiên tiến\"");
        v.DecisionNumber.ShouldBe(x.Ldtt.DecisionNumber);
        v.DecisionDate.ShouldBe(Today);
        v.IssuingUnitName.ShouldNotBeNullOrWhiteSpace();
        // Decree 13/2023/NĐ-CP art. 3(4) (data minimisation): no e-mail, no prize on the public check.
        json.ShouldNotContain("@lachong.demo");
        json.ShouldNotContain("prize", Case.Insensitive);

        // Revoking needs the event's ETag (428 without), then the public check answers "revoked".
        var route = RevokeHonourCertificate.Route.Replace("{id}", e.Id.ToString()).Replace("{certificateId}", honouree.CertificateId.ToString());
        (await x.Province.PostJsonAsync(route, new { reason = "Quyết định khen thưởng bị hủy" })).StatusCode.ShouldBe(HttpStatusCode.PreconditionRequired);
        var revoke = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(new { reason = "Quyết định khen thưởng bị hủy" }, options: Support.Http.Json) };
        revoke.Headers.TryAddWithoutValidation("If-Match", $"\"{e.Version}\"");
        var revoked = await x.Province.SendAsync(revoke);
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK, await revoked.Content.ReadAsStringAsync());
        (await revoked.ReadAsync<HonouringEventDetail>()).Honourees.ShouldHaveSingleItem().Revoked.ShouldBeTrue();
        var again = await (await anonymous.GetAsync(VerifyHonourCertificate.For(code))).ReadAsync<HonourCertificateVerification>();
        again.Status.ShouldBe(HonourCertificateStatus.Revoked);
        again.RevokedOn.ShouldNotBeNull();

        // An unknown code: 404.
        await (await anonymous.GetAsync(VerifyHonourCertificate.For("khong-ton-tai"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_the_demo_When_the_province_lists_its_2025_events_Then_the_Lao_dong_sang_tao_honouring_of_the_2024_decisions_is_there_with_its_certificates()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var page = await (await province.GetAsync($"{ListHonouringEvents.Route}?year=2025")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<HonouringEventListItem>>();
        var demo = page.Items.ShouldHaveSingleItem();
        demo.Name.ShouldContain("Lao động sáng tạo");
        var e = await (await province.GetAsync(GetHonouringEvent.For(demo.Id))).ReadAsync<HonouringEventDetail>();
        e.Decisions.Select(d => d.DecisionNumber).ShouldContain("25/QĐ-LĐLĐ");
        e.Honourees.ShouldContain(h => h.Name.Contains("Lạc Hồng"));

        // The demo member holds "Lao động tiên tiến" 2024 (decision 24/QĐ-LĐLĐ): she downloads her own certificate, not another's.
        var mine = e.Honourees.Single(h => h.DecisionNumber == "24/QĐ-LĐLĐ");
        var member = await api.LoginAsync(DemoMember);
        (await member.GetAsync(DownloadHonourCertificate.For(mine.CertificateId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Her home (#15) finds that certificate on "my commendations" (and none on a commendation not honoured at an event).
        var myList = await (await member.GetAsync($"{ListMyCommendations.Route}?pageSize=50")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<CommendationHistoryItem>>();
        myList.Items.Single(c => c.DecisionNumber == "24/QĐ-LĐLĐ").HonourCertificateId.ShouldBe(mine.CertificateId);
        myList.Items.Where(c => c.DecisionNumber != "24/QĐ-LĐLĐ" && e.Honourees.All(h => h.DecisionNumber != c.DecisionNumber))
            .ShouldAllBe(c => c.HonourCertificateId == null);
        var other = e.Honourees.First(h => h.DecisionNumber != "24/QĐ-LĐLĐ");
        await (await member.GetAsync(DownloadHonourCertificate.For(other.CertificateId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private const string DemoMember = "doanvien@hungyen.demo";
}
