using System.Net;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Khcn.Platform.Features.Search;
using Khcn.Training.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Search.AttachmentSearchTests;

namespace Khcn.IntegrationTests.Search;

/// <summary>
/// The text of a campaign's PDF/DOCX materials is found with the campaign (issue #15 §2, ADR 0014), read by the same
/// extractor as policies' attachments, within the campaign's scope (its organising unit's subtree), and kept by a rebuild.
/// Courses have no files to read.
/// </summary>
public sealed class MaterialSearchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Board = "tuyengiao@hungyen.demo";

    [ApiFact]
    public async Task Given_a_PDF_material_on_a_Van_Lam_campaign_When_searching_a_word_only_in_the_file_Then_the_campaign_is_found_highlighted_by_Van_Lam_never_by_My_Hao_and_after_a_rebuild()
    {
        var board = await api.LoginAsync(Board);
        var vanLam = await AnnualReportTests.UnitIdAsync(board, "VANLAM");
        var created = await board.PostJsonAsync(CreateCampaign.Route, new
        {
            unitId = vanLam, title = "Tuyên truyền kiểm thử tài liệu", goal = "Phổ biến sáng kiến trong công nhân",
            startsOn = new DateOnly(2026, 1, 1), endsOn = new DateOnly(2026, 12, 31),
            channels = new[] { "Meeting" }, audiences = new[] { "Workers" }, participatingUnitIds = Array.Empty<Guid>(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var campaign = await created.ReadAsync<CampaignDetail>();

        var uploaded = await UploadAsync(board, UploadCampaignMaterial.Route.Replace("{id}", campaign.Id.ToString()),
            PdfWith("Tờ rơi: năm bước áp dụng phương pháp Đạmquỳnhsương tại tổ sản xuất."), "to-roi.pdf", "application/pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var hit = (await EventuallyAsync(officer, "damquynhsuong", r => r.Total == 1, "the campaign republished with its material's text"))
            .Items.ShouldHaveSingleItem();
        (hit.Kind, hit.Id, hit.SnippetFile).ShouldBe(("campaign", campaign.Id, "to-roi.pdf"));
        Marked(hit).ShouldBe("Đạmquỳnhsương");

        var myHao = await SearchAsync(await api.LoginAsync(Users.MyHaoOfficer), "damquynhsuong");
        (myHao.Total, myHao.Kinds.Count, myHao.Items.Count).ShouldBe((0, 0, 0));

        // The rebuild reads the stored text too.
        await SearchIndexRows.DeleteAsync(api, e => e.RecordId == campaign.Id);
        (await SearchAsync(officer, "damquynhsuong")).Total.ShouldBe(0);
        (await (await api.LoginAsync(Users.Admin)).PostAsync(RebuildSearchIndex.Route, null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await SearchAsync(officer, "damquynhsuong")).Items.ShouldHaveSingleItem().SnippetFile.ShouldBe("to-roi.pdf");
    }
}
