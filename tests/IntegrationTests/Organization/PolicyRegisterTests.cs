using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Policies;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Organization;

public sealed class PolicyRegisterTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid policyId, byte[] bytes, string fileName, string declaredType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/v1/organization/policies/{policyId}/attachments", form);
    }

    [ApiFact]
    public async Task Given_the_register_When_searching_without_diacritics_or_by_effective_day_Then_matching_documents_are_found()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);

        var byWords = await (await board.GetAsync($"{ListPolicies.Route}?q=sang%20kien%20cai%20tien")).ReadAsync<PagedResult<PolicyListItem>>();
        var inForce2026 = await (await board.GetAsync($"{ListPolicies.Route}?effectiveOn=2026-06-01&pageSize=200")).ReadAsync<PagedResult<PolicyListItem>>();

        byWords.Items.ShouldHaveSingleItem().Number.ShouldBe("112/QĐ-LĐLĐ");
        inForce2026.Items.Select(p => p.Number).ShouldContain("112/QĐ-LĐLĐ");
        inForce2026.Items.Select(p => p.Number).ShouldNotContain("405/KH-LĐLĐ", "it ends on 31/12/2025");
        inForce2026.Items.Select(p => p.Number).ShouldNotContain("58/HD-LĐLĐ", "it ends on 31/12/2025");
    }

    [ApiFact]
    public async Task Given_the_demo_register_When_searching_chinh_sach_or_khuyen_khich_Then_the_encouragement_policy_is_found()
    {
        // #16: the register of encouragement policies answered nothing to the words its users type first.
        var board = await api.LoginAsync(Users.PolicyLaw);

        foreach (var words in new[] { "chinh%20sach", "khuyen%20khich", "CHÍNH%20SÁCH%20khuyến" })
        {
            var found = await (await board.GetAsync($"{ListPolicies.Route}?q={words}")).ReadAsync<PagedResult<PolicyListItem>>();
            found.Items.Select(p => p.Number).ShouldContain("09/QĐ-LĐLĐ", words);
        }
    }

    [ApiFact]
    public async Task Given_a_policy_with_an_attached_file_When_searching_the_files_name_Then_the_policy_is_found()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var created = await board.PostJsonAsync(CreatePolicy.Route, new
        {
            unitId = await UnitIdAsync(board, "HY"), number = "31/HD-LĐLĐ", title = "Hướng dẫn lập hồ sơ đề nghị hỗ trợ", issuer = "LĐLĐ tỉnh Hưng Yên",
            issuedOn = "2024-06-03", effectiveFrom = "2024-06-03",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policy = await created.ReadAsync<PolicyDetail>();
        (await (await board.GetAsync($"{ListPolicies.Route}?q=bieu%20mau%20du%20toan")).ReadAsync<PagedResult<PolicyListItem>>()).Items.ShouldBeEmpty();

        var upload = await UploadAsync(board, policy.Id, Pdf, "Biểu mẫu dự toán kinh phí.pdf", "application/pdf");
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());

        var found = await (await board.GetAsync($"{ListPolicies.Route}?q=bieu%20mau%20du%20toan")).ReadAsync<PagedResult<PolicyListItem>>();
        found.Items.ShouldHaveSingleItem().Id.ShouldBe(policy.Id);
    }

    [ApiFact]
    public async Task Given_a_policy_When_a_pdf_is_attached_Then_it_downloads_for_users_in_scope_only()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var vanLamId = await UnitIdAsync(board, "VANLAM");
        var created = await board.PostJsonAsync(CreatePolicy.Route, new
        {
            unitId = vanLamId, number = "07/QĐ-LĐLĐ", title = "Quyết định thưởng sáng kiến cấp huyện", issuer = "LĐLĐ huyện Văn Lâm",
            issuedOn = "2024-05-02", effectiveFrom = "2024-05-02",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policy = await created.ReadAsync<PolicyDetail>();

        var upload = await UploadAsync(board, policy.Id, Pdf, "quyet-dinh.pdf", "application/pdf");
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var attachment = (await upload.ReadAsync<PolicyDetail>()).Attachments.ShouldHaveSingleItem();
        attachment.ContentType.ShouldBe("application/pdf");
        var url = $"/api/v1/organization/policies/{policy.Id}/attachments/{attachment.Id}";

        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var download = await vanLam.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        download.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldBe("quyet-dinh.pdf");

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(GetPolicy.For(policy.Id))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_file_that_is_not_what_its_name_says_When_attached_Then_400_and_nothing_is_attached()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var policy = (await (await board.GetAsync($"{ListPolicies.Route}?q=58%2FHD")).ReadAsync<PagedResult<PolicyListItem>>()).Items.Single();

        var disguised = await UploadAsync(board, policy.Id, Encoding.ASCII.GetBytes("MZ\x90\0 this is an executable"), "bao-cao.pdf", "application/pdf");

        var problem = await disguised.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty("file", out _).ShouldBeTrue();
        (await (await board.GetAsync(GetPolicy.For(policy.Id))).ReadAsync<PolicyDetail>()).Attachments.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_district_officer_When_reading_the_register_Then_the_provinces_documents_apply_but_another_districts_do_not()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);

        var vanLamSees = await (await vanLam.GetAsync($"{ListPolicies.Route}?pageSize=200")).ReadAsync<PagedResult<PolicyListItem>>();
        var myHaoSees = await (await myHao.GetAsync($"{ListPolicies.Route}?pageSize=200")).ReadAsync<PagedResult<PolicyListItem>>();

        vanLamSees.Items.Select(p => p.Number).ShouldContain("112/QĐ-LĐLĐ");
        vanLamSees.Items.Select(p => p.Number).ShouldContain("21/KH-LĐLĐ");
        myHaoSees.Items.Select(p => p.Number).ShouldContain("112/QĐ-LĐLĐ");
        myHaoSees.Items.Select(p => p.Number).ShouldNotContain("21/KH-LĐLĐ");
        var provincial = vanLamSees.Items.Single(p => p.Number == "112/QĐ-LĐLĐ");
        var detail = await vanLam.GetAsync(GetPolicy.For(provincial.Id));
        var put = new HttpRequestMessage(HttpMethod.Put, GetPolicy.For(provincial.Id))
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { number = "112/QĐ-LĐLĐ", title = "Đổi", issuer = "X", issuedOn = "2023-10-12", effectiveFrom = "2023-11-01" }),
        };
        put.Headers.TryAddWithoutValidation("If-Match", detail.Headers.ETag!.Tag);
        await (await vanLam.SendAsync(put)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_an_officer_without_the_register_right_When_adding_a_document_Then_403_and_bad_periods_are_refused()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var unitId = await UnitIdAsync(board, "VANLAM");
        var body = new { unitId, number = "1/QĐ", title = "T", issuer = "I", issuedOn = "2024-01-01", effectiveFrom = "2024-02-01", effectiveTo = "2024-01-15" };

        await (await vanLam.PostJsonAsync(CreatePolicy.Route, body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var invalid = await board.PostJsonAsync(CreatePolicy.Route, body);
        (await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("effectiveTo", out _).ShouldBeTrue();
    }
}
