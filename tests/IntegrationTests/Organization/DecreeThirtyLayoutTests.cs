using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// #16 "test every element of the [Decree 30/2020] layout, not only its words": the annual report's .docx outputs
/// checked element by element against Decree 30/2020/NĐ-CP, Appendix I (see <see cref="DecreeThirtyLayout"/>).
/// </summary>
public sealed class DecreeThirtyLayoutTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_a_submitted_grassroots_report_When_printed_Then_its_docx_follows_the_layout_of_Decree_30_2020_Appendix_I()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var period = await AnnualReportTests.CurrentPeriodAsync(vanLam);
        var submitted = (await (await vanLam.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=Submitted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>()).Items.First(s => s.Code.StartsWith("VANLAM-", StringComparison.Ordinal));

        var response = await vanLam.GetAsync(ExportUnitReportDocx.For(period.Id, submitted.UnitId) + "?number=07/BC-CĐCS&signerName=Trần%20Văn%20B");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        doc.ShouldFollowDecreeThirty();
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_the_provinces_synthesis_When_exported_as_docx_Then_it_follows_the_layout_of_Decree_30_2020_Appendix_I()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var period = await AnnualReportTests.CurrentPeriodAsync(board);

        var response = await board.GetAsync(ExportSynthesisDocx.Route.Replace("{periodId}", period.Id.ToString()) + "?number=25/BC-LĐLĐ&signerName=Nguyễn%20Văn%20A");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        doc.ShouldFollowDecreeThirty();
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ShouldBeEmpty();
    }
}
