using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Features.Plans;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Audit;
using Khcn.Platform.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Search.AttachmentSearchTests;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// A unit's implementation plan (kế hoạch triển khai) is found by the KH,CN&amp;ĐMST search (issue #15 §2, ADR 0014): by
/// its title and number typed without diacritics, by the words of its PDF/DOCX files, within its unit's subtree only
/// (a Mỹ Hào officer never gets a Văn Lâm plan, its count or its snippet), and it leaves the results when its file is
/// removed. Each test works on its own seeded Văn Lâm plan (the class shares one database).
/// </summary>
public sealed class ImplementationPlanSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Kind = "implementation-plan";

    private static async Task<SearchResults> SearchKindAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"{SearchRecords.Route}?q={Uri.EscapeDataString(q)}&kind={Kind}")).ReadAsync<SearchResults>();

    private static async Task<SearchResults> EventuallyKindAsync(HttpClient client, string q, Func<SearchResults, bool> arrived, string because)
    {
        SearchResults results = null!;
        await Eventually.UntilAsync(async () => arrived(results = await SearchKindAsync(client, q)), because: because);
        return results;
    }

    private static string Implementation(Guid planId, Guid unitId, string action = "") =>
        GetImplementationPlan.Route.Replace("{id}", planId.ToString()).Replace("{unitId}", unitId.ToString()) + action;

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, string url, long? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, url);
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return client.SendAsync(request);
    }

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static async Task<Guid> Plan405Async(HttpClient client) =>
        (await (await client.GetAsync($"{ListPlans.Route}?q=405")).ReadAsync<PagedResult<PlanListItem>>()).Items.Single(p => p.Number == "405/KH-LĐLĐ").Id;

    private static void ShouldSeeNothing(SearchResults r) => (r.Total, r.Kinds.Count, r.Items.Count).ShouldBe((0, 0, 0));

    [ApiFact]
    public async Task Given_the_seeded_implementation_plans_When_searching_ke_hoach_trien_khai_without_diacritics_Then_Van_Lam_finds_its_subtrees_plans_marked_and_linked_and_My_Hao_gets_no_hit_and_no_count()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var planId = await Plan405Async(officer);
        var company = await UnitAsync("VANLAM-DIENTUNHUQUYNH");

        var found = await EventuallyKindAsync(officer, "ke hoach trien khai dien tu nhu quynh", r => r.Total == 1,
            "the demo's implementation plans are indexed at start");
        var hit = found.Items.ShouldHaveSingleItem();
        hit.Kind.ShouldBe(Kind);
        hit.Title.ShouldBe("Kế hoạch triển khai KH,CN&ĐMST tại Công ty CP Điện tử Như Quỳnh");
        hit.Link.ShouldBe($"/organization/plans/{planId}?tab=ours&unit={company}");
        (hit.Status, hit.Date).ShouldBe(("Issued", new DateOnly(2023, 9, 14)));
        hit.TitleMarks.Select(m => VietnameseText.Fold(hit.Title.Substring(m.Start, m.Length)))
            .ShouldBe(["ke", "hoach", "trien", "khai", "dien", "tu", "nhu", "quynh"]);
        // Found by its number too (the body), the whole province sees it.
        (await SearchKindAsync(await api.LoginAsync(Users.PolicyLaw), "03/KH-CĐCS")).Items.ShouldContain(i => i.Id == hit.Id);

        // Văn Lâm's subtree holds three of the demo's implementation plans (the district's and two enterprises'); the count says so.
        var vanLam = await SearchKindAsync(officer, "ke hoach");
        vanLam.Kinds.ShouldContain(new SearchKindCount(Kind, 3));
        vanLam.Total.ShouldBe(3);

        // Mỹ Hào: none of them, not even counted (it still finds the province's plans and policies, counted by their kinds).
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var theirs = await SearchKindAsync(myHao, "ke hoach");
        (theirs.Total, theirs.Items.Count).ShouldBe((0, 0));
        theirs.Kinds.ShouldNotContain(k => k.Kind == Kind);
        theirs.Kinds.ShouldContain(k => k.Kind == "plan");
        ShouldSeeNothing(await SearchAsync(myHao, "ke hoach trien khai dien tu nhu quynh"));
    }

    [ApiFact]
    public async Task Given_a_DOCX_on_Van_Lams_implementation_plan_When_searching_a_word_of_it_Then_the_plan_is_found_by_its_file_rebuilt_with_it_never_by_My_Hao_and_lost_when_the_file_is_removed()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var planId = await Plan405Async(officer);
        var vanLam = await UnitAsync("VANLAM");
        var uploaded = await UploadAsync(officer, Implementation(planId, vanLam, "/attachments"),
            DocxWith("Phụ lục: giao chỉ tiêu Quỳnhtrạchlam cho từng công đoàn cơ sở."), "21-KH-LDLD-phu-luc.docx", Docx);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var implementation = await uploaded.ReadAsync<ImplementationPlanDetail>();
        var attachment = implementation.Attachments.Single(a => a.FileName == "21-KH-LDLD-phu-luc.docx");

        var hit = (await EventuallyAsync(officer, "quynhtrachlam", r => r.Total == 1, "the plan republished with its file's text")).Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id, hit.SnippetFile).ShouldBe((Kind, implementation.Id, "21-KH-LDLD-phu-luc.docx"));
        Marked(hit).ShouldBe("Quỳnhtrạchlam");
        hit.Snippet.ShouldContain("giao chỉ tiêu Quỳnhtrạchlam");
        ShouldSeeNothing(await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "quynhtrachlam"));

        // The rebuild reads the stored text too.
        await SearchIndexRows.DeleteAsync(api, e => e.RecordId == implementation.Id);
        (await SearchAsync(officer, "quynhtrachlam")).Total.ShouldBe(0);
        (await (await api.LoginAsync(Users.Admin)).PostAsync(RebuildSearchIndex.Route, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(officer, "quynhtrachlam")).Items.ShouldHaveSingleItem().SnippetFile.ShouldBe("21-KH-LDLD-phu-luc.docx");

        // The file removed (If-Match on the plan): the plan is republished without its words, still found by its own.
        var url = Implementation(planId, vanLam, $"/attachments/{attachment.Id}");
        await (await DeleteAsync(await api.LoginAsync(Users.MyHaoOfficer), url, implementation.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await DeleteAsync(officer, url, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await DeleteAsync(officer, url, implementation.Version - 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        (await DeleteAsync(officer, url, implementation.Version)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await officer.GetAsync(Implementation(planId, vanLam))).ReadAsync<ImplementationPlanDetail>()).Attachments
            .ShouldNotContain(a => a.Id == attachment.Id);
        await EventuallyAsync(officer, "quynhtrachlam", r => r.Total == 0, "the plan republished without the removed file");
        (await SearchKindAsync(officer, "ke hoach thuc hien tren dia ban huyen van lam")).Items.ShouldContain(i => i.Id == implementation.Id && i.SnippetFile == null);

        var trail = await (await (await api.LoginAsync(Users.Admin)).GetAsync($"{ListAudit.Route}?entityType=ImplementationPlanAttachment&entityId={attachment.Id}"))
            .ReadAsync<PagedResult<AuditEntryView>>();
        trail.Items.ShouldContain(e => e.Action == "Deleted" && e.UserEmail == Users.VanLamOfficer);
    }

    [ApiFact]
    public async Task Given_a_file_of_Lac_Hongs_issued_plan_When_the_plan_is_revised_Then_the_search_finds_the_new_number_and_the_earlier_issues_file_cannot_be_removed()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var planId = await Plan405Async(officer);
        var lacHong = await UnitAsync("VANLAM-DETMAYLACHONG");
        var uploaded = await UploadAsync(officer, Implementation(planId, lacHong, "/attachments"),
            PdfWith("Kế hoạch đã ký: tổ Hồngquếsơn thi đua sáng kiến."), "05-KH-CDCS.pdf", "application/pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        var implementation = await uploaded.ReadAsync<ImplementationPlanDetail>();
        var attachment = implementation.Attachments.ShouldHaveSingleItem();
        await EventuallyAsync(officer, "hongqueson", r => r.Total == 1, "the plan indexed with its file's text");

        (await officer.PostJsonAsync(Implementation(planId, lacHong, "/revise"), new { number = "46/KH-CĐCS", issuedOn = "2024-05-20", note = "Bổ sung chỉ tiêu" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await EventuallyKindAsync(officer, "46/KH-CĐCS", r => r.Items.Any(i => i.Id == implementation.Id),
            "the revised plan republished with its new number");
        (await SearchAsync(officer, "hongqueson")).Total.ShouldBe(1, "the earlier issue's file is still the plan's");

        var current = await (await officer.GetAsync(Implementation(planId, lacHong))).ReadAsync<ImplementationPlanDetail>();
        await (await DeleteAsync(officer, Implementation(planId, lacHong, $"/attachments/{attachment.Id}"), current.Version))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "implementation_file_of_earlier_revision");
    }
}
