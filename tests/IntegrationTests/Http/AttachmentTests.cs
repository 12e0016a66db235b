using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Policies;
using Khcn.BuildingBlocks.Contracts;

namespace Khcn.IntegrationTests.Http;

/// <summary>The attachment building block (BuildingBlocks/Files/Attachments) as every upload and download uses it.</summary>
public sealed class AttachmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>A PDF that is also an HTML page: what a browser would render as a page if it were served as .html.</summary>
    private static readonly byte[] Polyglot = Encoding.ASCII.GetBytes("%PDF-1.4\n<html><script>alert(1)</script></html>\ntrailer<<>>\n%%EOF\n");

    [ApiFact]
    public async Task Given_a_pdf_named_html_When_uploaded_and_downloaded_Then_it_is_stored_and_served_as_pdf_with_nosniff()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var policy = (await (await board.GetAsync($"{ListPolicies.Route}?q=112%2FQ")).ReadAsync<PagedResult<PolicyListItem>>()).Items.First();
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Polyglot);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "poly.html");

        var upload = await board.PostAsync($"/api/v1/organization/policies/{policy.Id}/attachments", form);

        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        upload.Headers.Location!.OriginalString.ShouldBe(GetPolicy.For(policy.Id));
        var attachment = (await upload.ReadAsync<PolicyDetail>()).Attachments.Single(a => a.FileName.StartsWith("poly"));
        attachment.FileName.ShouldBe("poly.pdf");
        attachment.ContentType.ShouldBe("application/pdf");
        var download = await board.GetAsync($"/api/v1/organization/policies/{policy.Id}/attachments/{attachment.Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("poly.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Polyglot);
    }

    [ApiFact]
    public async Task Given_no_file_or_an_empty_one_When_uploaded_Then_400_names_the_file_field()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var policy = (await (await board.GetAsync($"{ListPolicies.Route}?q=112%2FQ")).ReadAsync<PagedResult<PolicyListItem>>()).Items.First();
        var url = $"/api/v1/organization/policies/{policy.Id}/attachments";
        var noFile = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        var empty = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.pdf" } };

        var missing = await (await board.PostAsync(url, noFile)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var zero = await (await board.PostAsync(url, empty)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        missing.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue(missing.ToString());
        zero.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue(zero.ToString());
    }
}
