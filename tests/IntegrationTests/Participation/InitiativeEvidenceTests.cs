using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// The evidence filed with an application for recognition (drawings, photos, documents showing the result of the
/// application — Decree 13/2012/NĐ-CP, Charter on Initiatives art. 5; Circular 18/2013/TT-BKHCN): added and removed while
/// a draft, frozen once submitted (409 initiative_locked), read by everyone who reads the application and nobody else.
/// </summary>
public sealed class InitiativeEvidenceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";
    private const string CoAuthor = "dongtacgia.bc@hungyen.demo";
    private const string Password = "Demo@2025!x";
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static string Url(Guid id) => UploadInitiativeAttachment.Route.Replace("{id}", id.ToString());
    private static string FileUrl(Guid id, Guid attachmentId) => DownloadInitiativeAttachment.Route.Replace("{id}", id.ToString()).Replace("{attachmentId}", attachmentId.ToString());

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, byte[] bytes, string name, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(Url(id), new MultipartFormDataContent { { file, "file", name } });
    }

    private async Task<HttpClient> UserAsync(string email, string role, string unitCode)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email, fullName = $"Người dùng {email}", password = Password,
            grants = new[] { new { role, unitId = await AnnualReportTests.UnitIdAsync(admin, unitCode) } },
        });
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        return await api.LoginAsync(email, Password);
    }

    private static async Task<InitiativeDetail> DraftAsync(HttpClient member, string title, string? coAuthor = null)
    {
        var unit = await AnnualReportTests.UnitIdAsync(member, LacHong);
        var r = await member.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId = unit, title, field = "Dệt may", kind = "Technical", problem = "Máy dừng do đứt sợi", currentState = "Nối sợi bằng tay",
            solution = "Cảm biến báo đứt sợi", appliedAt = "Phân xưởng 2", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false,
            yearlyBenefit = 100_000_000m, noveltyDeclared = true,
            authors = new[]
            {
                new { fullName = "Đặng Thị Đoàn viên", email = (string?)Member, sharePercent = 60m },
                new { fullName = "Đồng tác giả", email = coAuthor, sharePercent = 40m },
            },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<InitiativeDetail>();
    }

    private static async Task<InitiativeDetail> SubmitAsync(HttpClient member, InitiativeDetail draft)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, SubmitInitiative.Route.Replace("{id}", draft.Id.ToString())) { Content = JsonContent.Create(new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{draft.Version}\"");
        var r = await member.SendAsync(request);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<InitiativeDetail>();
    }

    [ApiFact]
    public async Task Given_evidence_on_a_draft_When_each_kind_of_reader_lists_and_downloads_it_Then_they_get_the_pdf_with_nosniff_and_outsiders_get_404()
    {
        var member = await api.LoginAsync(Member);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var coAuthorEmail = CoAuthor.Replace("bc@", $"{tag}@");
        var coAuthor = await UserAsync(coAuthorEmail, "member", LacHong);
        var draft = await DraftAsync(member, $"Gá kẹp khuôn dệt {tag}", coAuthorEmail);

        // Sent as text/html under a .html name: stored and served as what the bytes are, a PDF.
        var upload = await UploadAsync(member, draft.Id, Pdf, "anh-chup-ket-qua.html", "text/html");
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        upload.Headers.Location!.OriginalString.ShouldBe(GetInitiative.For(draft.Id));
        var evidence = (await upload.ReadAsync<InitiativeDetail>()).Attachments.ShouldHaveSingleItem();
        evidence.FileName.ShouldBe("anh-chup-ket-qua.pdf");
        evidence.ContentType.ShouldBe("application/pdf");
        evidence.Size.ShouldBe(Pdf.Length);
        evidence.UploadedBy.ShouldBe(Member);

        // Submitted, then put before a council: the filer, the co-author, the unit's officer and a council member read it.
        var submitted = await SubmitAsync(member, draft);
        var councilMember = await CouncilWithOneAccountAsync(tag, submitted.Id);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        foreach (var (who, reader) in new[] { ("filer", member), ("co-author", coAuthor), ("officer", vanLam), ("council member", councilMember) })
        {
            var detail = await (await reader.GetAsync(GetInitiative.For(draft.Id))).ReadAsync<InitiativeDetail>();
            detail.Attachments.Select(a => a.Id).ShouldBe([evidence.Id], who);
            var download = await reader.GetAsync(FileUrl(draft.Id, evidence.Id));
            download.StatusCode.ShouldBe(HttpStatusCode.OK, who);
            download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf", who);
            download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("anh-chup-ket-qua.pdf", who);
            download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"], who);
            (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf, who);
        }

        // Outside: another district's officer, another member of the same unit; and an id of another application's file.
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var stranger = await UserAsync($"khac.{tag}@hungyen.demo", "member", LacHong);
        await (await myHao.GetAsync(FileUrl(draft.Id, evidence.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync(FileUrl(draft.Id, evidence.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var other = await DraftAsync(member, $"Sáng kiến khác {tag}");
        await (await member.GetAsync(FileUrl(other.Id, evidence.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    /// <summary>A five-member council of Lạc Hồng before the initiative; answers the client of its chair (a council-member account).</summary>
    private async Task<HttpClient> CouncilWithOneAccountAsync(string tag, Guid initiativeId)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        CouncilRole[] roles = [CouncilRole.Chair, CouncilRole.ViceChair, CouncilRole.Secretary, CouncilRole.UnionRepresentative, CouncilRole.Expert];
        var seats = new List<object>();
        HttpClient? chair = null;
        for (var n = 0; n < roles.Length; n++)
        {
            var email = $"hd.ev.{tag}.{n}@hungyen.demo";
            var official = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
                new { unitId = unit, fullName = $"Thành viên {tag} {n}", position = "Kỹ sư", email, politicalTheory = "Elementary", researchMethodsTrained = false });
            official.StatusCode.ShouldBe(HttpStatusCode.Created, await official.Content.ReadAsStringAsync());
            seats.Add(new { officialId = (await official.ReadAsync<JsonElement>()).GetProperty("id").GetGuid(), role = roles[n].ToString() });
            if (n == 0) chair = await UserAsync(email, "council-member", LacHong);
        }
        var formed = await officer.PostJsonAsync(FormCouncil.Route, new { name = $"Hội đồng {tag}", itemKind = "Initiative", itemIds = new[] { initiativeId }, members = seats });
        formed.StatusCode.ShouldBe(HttpStatusCode.Created, await formed.Content.ReadAsStringAsync());
        return chair!;
    }

    [ApiFact]
    public async Task Given_a_submitted_application_When_evidence_is_added_or_removed_Then_409_initiative_locked_and_the_evidence_is_unchanged()
    {
        // The evidence is what the recognising unit and its council judge (Circular 18/2013/TT-BKHCN): frozen once submitted.
        var member = await api.LoginAsync(Member);
        var draft = await DraftAsync(member, $"Khay chia sợi {Guid.NewGuid():N}"[..30]);
        var kept = (await (await UploadAsync(member, draft.Id, Pdf, "ban-ve.pdf")).ReadAsync<InitiativeDetail>()).Attachments.Single();
        var submitted = await SubmitAsync(member, (await (await member.GetAsync(GetInitiative.For(draft.Id))).ReadAsync<InitiativeDetail>()));

        var late = await (await UploadAsync(member, draft.Id, Pdf, "bo-sung.pdf")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_locked");
        late.GetProperty("detail").GetString()!.ShouldContain("only while the application is a draft");
        await (await member.DeleteAsync(FileUrl(draft.Id, kept.Id))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "initiative_locked");

        var after = await (await member.GetAsync(GetInitiative.For(submitted.Id))).ReadAsync<InitiativeDetail>();
        after.Attachments.Select(a => a.FileName).ShouldBe(["ban-ve.pdf"]);
    }

    [ApiFact]
    public async Task Given_a_draft_When_the_filer_deletes_evidence_Then_it_is_gone_and_only_the_filer_may_delete()
    {
        var member = await api.LoginAsync(Member);
        var draft = await DraftAsync(member, $"Bảng QR sự cố {Guid.NewGuid():N}"[..30]);
        var file = (await (await UploadAsync(member, draft.Id, Pdf, "ket-qua.pdf")).ReadAsync<InitiativeDetail>()).Attachments.Single();

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.DeleteAsync(FileUrl(draft.Id, file.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var deleted = await member.DeleteAsync(FileUrl(draft.Id, file.Id));

        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent, await deleted.Content.ReadAsStringAsync());
        (await (await member.GetAsync(GetInitiative.For(draft.Id))).ReadAsync<InitiativeDetail>()).Attachments.ShouldBeEmpty();
        await (await member.GetAsync(FileUrl(draft.Id, file.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await member.DeleteAsync(FileUrl(draft.Id, file.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_an_exe_or_html_named_pdf_or_a_file_over_20_MB_When_uploaded_Then_400_names_the_accepted_types_or_the_limit_and_nothing_is_attached()
    {
        var member = await api.LoginAsync(Member);
        var draft = await DraftAsync(member, $"Máy cuộn chỉ {Guid.NewGuid():N}"[..30]);

        var exe = await (await UploadAsync(member, draft.Id, Encoding.ASCII.GetBytes("MZ\x90\0 an executable"), "ket-qua.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var html = await (await UploadAsync(member, draft.Id, Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "anh.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var big = new byte[20 * 1024 * 1024 + 1];
        Pdf.CopyTo(big, 0);
        var tooLarge = await (await UploadAsync(member, draft.Id, big, "lon.pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        foreach (var problem in new[] { exe, html })
            problem.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("PDF, DOCX, XLSX, PNG or JPEG");
        tooLarge.GetProperty("errors").GetProperty("file")[0].GetString()!.ShouldContain("20 MB");
        (await (await member.GetAsync(GetInitiative.For(draft.Id))).ReadAsync<InitiativeDetail>()).Attachments.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_the_demo_When_the_member_opens_their_submitted_hanger_initiative_Then_its_evidence_is_a_pdf_they_can_download()
    {
        var member = await api.LoginAsync(Member);
        var mine = await (await member.GetAsync($"{ListInitiatives.Route}?mine=true&pageSize=200")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<InitiativeListItem>>();
        var hanger = mine.Items.Single(i => i.Title.StartsWith("Móc treo"));
        var detail = await (await member.GetAsync(GetInitiative.For(hanger.Id))).ReadAsync<InitiativeDetail>();

        var evidence = detail.Attachments.ShouldHaveSingleItem();
        evidence.FileName.ShouldBe("bien-ban-ap-dung-thu.pdf");
        var bytes = await (await member.GetAsync(FileUrl(hanger.Id, evidence.Id))).Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 5).ShouldBe("%PDF-");
        bytes.Length.ShouldBe((int)evidence.Size);
    }
}
