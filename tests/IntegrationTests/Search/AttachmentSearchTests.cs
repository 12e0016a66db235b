using System.Net;
using System.Net.Http.Headers;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using Khcn.BuildingBlocks.Documents;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Policies;
using Khcn.IntegrationTests.Participation;
using Khcn.Participation.Features.Initiatives;
using Khcn.Participation.Features.Topics;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// The KH,CN&amp;ĐMST search finds the words inside PDF/DOCX attachments (issue #15 §2, ADR 0014): the owning record is
/// republished through its outbox when a file is added or removed, the hit's snippet comes from the file and names it,
/// the scope of the record holds for its files, and a damaged file is kept but not text-indexed.
/// </summary>
public sealed class AttachmentSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Member = "doanvien@hungyen.demo";
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    internal const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal static async Task<SearchResults> SearchAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"{SearchRecords.Route}?q={Uri.EscapeDataString(q)}")).ReadAsync<SearchResults>();

    internal static async Task<SearchResults> EventuallyAsync(HttpClient client, string q, Func<SearchResults, bool> arrived, string because)
    {
        SearchResults results = null!;
        await Eventually.UntilAsync(async () => arrived(results = await SearchAsync(client, q)), because: because);
        return results;
    }

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] bytes, string name, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return client.PostAsync(url, new MultipartFormDataContent { { file, "file", name } });
    }

    /// <summary>A real PDF (PDFsharp, the certificates' Vietnamese font) with one line of text.</summary>
    internal static byte[] PdfWith(string text) =>
        CertificatePage.Render("Báo cáo", "Kiểm thử", "Kiểm thử", page => page.Text(text, CertificatePage.Font(12), 60, 100, 700));

    /// <summary>A real DOCX (OpenXml) with one paragraph.</summary>
    internal static byte[] DocxWith(string text)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text(text) { Space = SpaceProcessingModeValues.Preserve }))));
        }
        return stream.ToArray();
    }

    internal static string Marked(SearchHit hit) =>
        string.Join(" ", hit.SnippetMarks.Select(m => hit.Snippet.Substring(m.Start, m.Length)));

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private Task<Guid> AddPolicyAsync(Guid unitId, string title) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<OrganizationDbContext>();
        var policy = PolicyDocument.Create(unitId, new PolicyDetails("77/TEST", title, "Kiểm thử", new DateOnly(2025, 1, 2),
            new DateOnly(2025, 1, 2), null, null, "Văn bản kiểm thử tìm kiếm tệp đính kèm"));
        db.Policies.Add(policy);
        await db.SaveChangesAsync();
        return policy.Id;
    });

    private static async Task<InitiativeDetail> DraftInitiativeAsync(HttpClient member, Guid unitId, string title)
    {
        var r = await member.PostJsonAsync(CreateInitiative.Route, new
        {
            unitId, title, field = "Dệt may", kind = "Technical", problem = "Máy dừng do đứt sợi", currentState = "Nối sợi bằng tay",
            solution = "Cảm biến báo đứt sợi", appliedAt = "Phân xưởng 2", appliedSince = new DateOnly(2024, 6, 1), trialApplication = false,
            yearlyBenefit = 100_000_000m, noveltyDeclared = true,
            authors = new[] { new { fullName = "Đặng Thị Đoàn viên", email = (string?)Member, sharePercent = 100m } },
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<InitiativeDetail>();
    }

    [ApiFact]
    public async Task Given_a_PDF_on_a_Van_Lam_initiative_When_searching_its_words_without_diacritics_Then_the_initiative_is_found_by_its_file_until_the_file_is_removed_and_never_by_My_Hao()
    {
        var member = await api.LoginAsync(Member);
        var draft = await DraftInitiativeAsync(member, await UnitAsync(LacHong), "Cải tiến máy dệt kiểm thử tệp đính kèm");
        var uploaded = await UploadAsync(member, UploadInitiativeAttachment.Route.Replace("{id}", draft.Id.ToString()),
            PdfWith("Kết quả áp dụng: giảm đứt sợi nhờ bộ cảm biến Đườngkhuêtrạch ở phân xưởng hai."), "ket-qua-ap-dung.pdf", "application/pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var attachmentId = (await uploaded.ReadAsync<InitiativeDetail>()).Attachments.ShouldHaveSingleItem().Id;

        // Only the file holds the word; typed without diacritics and with d for đ.
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var found = await EventuallyAsync(officer, "duongkhuetrach", r => r.Total == 1, "the initiative republished with its file's text");
        var hit = found.Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id).ShouldBe(("initiative", draft.Id));
        hit.SnippetFile.ShouldBe("ket-qua-ap-dung.pdf");
        Marked(hit).ShouldBe("Đườngkhuêtrạch");
        hit.Snippet.ShouldContain("bộ cảm biến Đườngkhuêtrạch");

        // Mỹ Hào: no hit, no count, no snippet.
        var myHao = await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "duongkhuetrach");
        myHao.Total.ShouldBe(0);
        myHao.Kinds.ShouldBeEmpty();
        myHao.Items.ShouldBeEmpty();

        // The file removed: the initiative is republished without its words (but is still found by its own).
        (await member.DeleteAsync(DeleteInitiativeAttachment.Route.Replace("{id}", draft.Id.ToString()).Replace("{attachmentId}", attachmentId.ToString())))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await EventuallyAsync(officer, "duongkhuetrach", r => r.Total == 0, "the initiative republished without the removed file");
        (await SearchAsync(officer, "may det kiem thu tep dinh kem")).Items.ShouldContain(i => i.Id == draft.Id && i.SnippetFile == null);
    }

    [ApiFact]
    public async Task Given_a_damaged_PDF_and_a_DOCX_on_a_Van_Lam_policy_When_searching_Then_the_DOCX_words_find_it_the_damaged_file_adds_nothing_and_a_rebuild_keeps_them()
    {
        var vanLam = await UnitAsync("VANLAM");
        var policyId = await AddPolicyAsync(vanLam, "Hướng dẫn kiểm thử tệp đính kèm của Văn Lâm");
        var board = await api.LoginAsync(Users.PolicyLaw);
        var url = UploadPolicyAttachment.Route.Replace("{id}", policyId.ToString());

        // A PDF whose structure is broken (its one word in plain bytes): kept, downloadable, not text-indexed.
        var damaged = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<< /Length 99999 >>stream\nBT (Hongtepzorvax) Tj ET\n%%EOF\n");
        (await UploadAsync(board, url, damaged, "hong.pdf", "application/pdf")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var withDocx = await UploadAsync(board, url, DocxWith("Mức hỗ trợ sáng kiến: năm triệu đồng cho mỗi Đốcquyếnlang được công nhận."),
            "muc-ho-tro.docx", Docx);
        withDocx.StatusCode.ShouldBe(HttpStatusCode.Created, await withDocx.Content.ReadAsStringAsync());
        (await withDocx.ReadAsync<PolicyDetail>()).Attachments.Select(a => a.FileName).ShouldBe(["hong.pdf", "muc-ho-tro.docx"], ignoreOrder: true);

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var found = await EventuallyAsync(officer, "docquyenlang", r => r.Total == 1, "the policy republished with its DOCX's text");
        var hit = found.Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id, hit.SnippetFile).ShouldBe(("policy", policyId, "muc-ho-tro.docx"));
        Marked(hit).ShouldBe("Đốcquyếnlang");
        // The DOCX came after the damaged PDF: its text indexed, the damaged file's bytes were not read as text.
        (await SearchAsync(officer, "hongtepzorvax")).Total.ShouldBe(0);

        // A policy of Văn Lâm applies below it, not to Mỹ Hào: nothing of its file there either.
        var myHao = await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "docquyenlang");
        (myHao.Total, myHao.Kinds.Count, myHao.Items.Count).ShouldBe((0, 0, 0));

        // The rebuild reads the stored text too.
        await SearchIndexRows.DeleteAsync(api, e => e.RecordId == policyId);
        (await SearchAsync(officer, "docquyenlang")).Total.ShouldBe(0);
        (await (await api.LoginAsync(Users.Admin)).PostAsync(RebuildSearchIndex.Route, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(officer, "docquyenlang")).Items.ShouldHaveSingleItem().SnippetFile.ShouldBe("muc-ho-tro.docx");
    }

    [ApiFact]
    public async Task Given_a_DOCX_proposal_on_a_Lac_Hong_research_topic_When_searching_its_words_Then_the_topic_is_found_by_its_file_within_its_units_scope()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, "Đặt hàng kiểm thử tệp thuyết minh", DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(30));
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var lacHong = await UnitAsync(LacHong);
        var lead = await TopicTests.OfficialAsync(officer, lacHong, "Chủ nhiệm tệp thuyết minh");
        var member = await TopicTests.OfficialAsync(officer, lacHong, "Thành viên tệp thuyết minh");
        var created = await officer.PostJsonAsync(ProposeTopic.Route, TopicTests.Proposal(call.Id, lacHong, "Đề tài kiểm thử tệp thuyết minh", lead, [member]));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var topic = await created.ReadAsync<TopicDetail>();

        var uploaded = await UploadAsync(officer, UploadTopicAttachment.Route.Replace("{id}", topic.Id.ToString()),
            DocxWith("Nội dung nghiên cứu: mô hình Trườngđiệpvân cho tổ may."), "thuyet-minh.docx", Docx);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());

        var hit = (await EventuallyAsync(officer, "truongdiepvan", r => r.Total == 1, "the topic republished with its proposal's text")).Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id, hit.SnippetFile).ShouldBe(("topic", topic.Id, "thuyet-minh.docx"));
        Marked(hit).ShouldBe("Trườngđiệpvân");
        var myHao = await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "truongdiepvan");
        (myHao.Total, myHao.Kinds.Count, myHao.Items.Count).ShouldBe((0, 0, 0));
    }
}
