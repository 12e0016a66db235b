using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Features.Units;

namespace Khcn.IntegrationTests.Http;

/// <summary>Problem titles, details and field messages follow Accept-Language (vi or en, English otherwise); codes never change (ADR 0009).</summary>
public sealed class LanguageTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly object InvalidUnit = new { code = "bad code!", name = "", kind = "Grassroots" };

    private static HttpRequestMessage Post(string url, object body, string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return request;
    }

    private static string[] Messages(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private async Task<Guid> IdOfAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    [ApiFact]
    public async Task Given_Vietnamese_When_a_form_is_invalid_Then_the_title_and_field_messages_are_Vietnamese_without_English_names()
    {
        var admin = await api.LoginAsync(Users.Admin);

        var response = await admin.SendAsync(Post(CreateUnit.Route, InvalidUnit, "vi-VN,vi;q=0.9,en;q=0.8"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("title").GetString().ShouldBe("Một số trường chưa hợp lệ.");
        Messages(problem, "name").ShouldBe(["Không được để trống."]);
        Messages(problem, "code").ShouldBe(["Chỉ dùng chữ cái, chữ số, '-' hoặc '_'."]);
        response.Content.Headers.ContentLanguage.ShouldContain("vi");
    }

    [ApiFact]
    public async Task Given_English_or_no_language_When_a_form_is_invalid_Then_the_messages_are_English_and_the_same()
    {
        var admin = await api.LoginAsync(Users.Admin);

        var english = await (await admin.SendAsync(Post(CreateUnit.Route, InvalidUnit, "en"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var unsupported = await (await admin.SendAsync(Post(CreateUnit.Route, InvalidUnit, "fr-FR"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var none = await (await admin.SendAsync(Post(CreateUnit.Route, InvalidUnit, null))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");

        foreach (var problem in new[] { english, unsupported, none })
        {
            problem.GetProperty("title").GetString().ShouldBe("One or more fields are invalid.");
            Messages(problem, "name").ShouldBe(["'name' must not be empty."]);
            Messages(problem, "code").ShouldBe(["Use letters, digits, '-' or '_' only."]);
        }
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_a_business_rule_refuses_Then_409_with_the_same_code_and_a_Vietnamese_detail()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await IdOfAsync(admin, "HY");
        var misplaced = new { code = "HY-GR-VI", name = "CĐCS lạc chỗ", kind = "Grassroots", parentId = root };

        var vi = await (await admin.SendAsync(Post(CreateUnit.Route, misplaced, "vi"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_kind_placement");
        var en = await (await admin.SendAsync(Post(CreateUnit.Route, misplaced, null))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_kind_placement");

        vi.GetProperty("title").GetString().ShouldBe("Thay đổi vi phạm quy định nghiệp vụ.");
        vi.GetProperty("detail").GetString().ShouldBe("Công đoàn cơ sở không thể trực thuộc Liên đoàn Lao động tỉnh.");
        Messages(vi, "parentId").ShouldBe(["Công đoàn cơ sở không thể trực thuộc đơn vị này."]);
        en.GetProperty("title").GetString().ShouldBe("The change breaks a rule.");
        en.GetProperty("detail").GetString().ShouldBe("A Grassroots unit cannot sit under a ProvincialFederation unit.");
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_a_record_is_missing_or_the_route_unknown_Then_404_in_Vietnamese()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var missing = Guid.NewGuid();

        var record = new HttpRequestMessage(HttpMethod.Get, GetUnit.For(missing));
        record.Headers.AcceptLanguage.ParseAdd("vi");
        var route = new HttpRequestMessage(HttpMethod.Get, "/api/v1/organization/nothing-here");
        route.Headers.AcceptLanguage.ParseAdd("vi");

        var notFound = await (await admin.SendAsync(record)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        var list = new HttpRequestMessage(HttpMethod.Get, ListUnits.Route);
        list.Headers.AcceptLanguage.ParseAdd("vi");
        (await admin.SendAsync(list)).Content.Headers.ContentLanguage.ShouldBe(["vi"]);
        notFound.GetProperty("title").GetString().ShouldBe("Không tìm thấy.");
        notFound.GetProperty("detail").GetString().ShouldBe($"Không tìm thấy đơn vị '{missing}'.");
        var unknown = await (await api.CreateClient().SendAsync(route)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        unknown.GetProperty("title").GetString().ShouldBe("Không tìm thấy.");
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_the_password_is_wrong_Then_401_in_Vietnamese_with_the_same_code()
    {
        var request = Post("/api/v1/auth/login", new { email = Users.Admin, password = "sai-mat-khau" }, "vi");

        var problem = await (await api.CreateClient().SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");

        problem.GetProperty("title").GetString().ShouldBe("Đăng nhập không thành công.");
        problem.GetProperty("detail").GetString().ShouldBe("E-mail hoặc mật khẩu không đúng.");
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_a_new_user_gets_a_weak_password_Then_the_password_rules_answer_in_Vietnamese()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await IdOfAsync(admin, "HY");

        var response = await admin.SendAsync(Post("/api/v1/admin/users", new
        {
            email = "yeu.matkhau@hungyen.demo", fullName = "Mật khẩu yếu", password = "abcdefghijk",
            grants = new[] { new { role = "member", unitId = root } },
        }, "vi"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Messages(problem, "password").ShouldContain("Mật khẩu phải có ít nhất một chữ số (0-9).");
        Messages(problem, "password").ShouldContain("Mật khẩu phải có ít nhất một chữ hoa (A-Z).");
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_the_body_is_not_json_or_the_right_is_missing_Then_the_titles_are_Vietnamese()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var malformed = new HttpRequestMessage(HttpMethod.Post, CreateUnit.Route)
        {
            Content = new StringContent("{\"code\": \"X\", ", System.Text.Encoding.UTF8, "application/json"),
        };
        malformed.Headers.AcceptLanguage.ParseAdd("vi");

        var json = await (await admin.SendAsync(malformed)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "malformed_json");
        var forbidden = await (await officer.SendAsync(Post(CreateUnit.Route, new { code = "X", name = "X", kind = "Grassroots" }, "vi")))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        json.GetProperty("title").GetString().ShouldBe("Nội dung yêu cầu không phải JSON hợp lệ.");
        forbidden.GetProperty("title").GetString().ShouldBe("Bạn không có quyền thực hiện thao tác này.");
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_a_report_period_is_invalid_or_already_open_Then_the_template_rules_and_the_refusal_are_Vietnamese()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await IdOfAsync(admin, "HY");
        var deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        var invalid = new
        {
            unitId = root, year = 2018, title = "Kỳ báo cáo sai mẫu", deadline,
            indicators = new object[]
            {
                new { code = "ma sai!", name = "Chỉ tiêu A", section = "Nhóm 1", kind = "Number", source = "khong.co" },
                new { code = "ghi_chu", name = "Ghi chú", section = "Nhóm 2", kind = "Text", source = "organization.officials" },
            },
        };
        var year = DateTime.UtcNow.AddHours(7).Year;
        var existing = new { unitId = root, year, title = "Kỳ báo cáo trùng năm", deadline = $"{year}-12-31" };

        var vi = await (await admin.SendAsync(Post(CreateReportPeriod.Route, invalid, "vi"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var exists = await (await admin.SendAsync(Post(CreateReportPeriod.Route, existing, "vi"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "period_exists");

        Messages(vi, "indicators[0].code").ShouldBe(["Chỉ dùng chữ cái, chữ số, '_' hoặc '-'."]);
        Messages(vi, "indicators[0].source").ShouldBe(["Nguồn số liệu không tồn tại; xem GET /api/v1/organization/reports/catalogue."]);
        Messages(vi, "indicators[1].source").ShouldBe(["Chỉ chỉ tiêu dạng số hoặc có/không mới được điền sẵn."]);
        exists.GetProperty("detail").GetString().ShouldBe($"Đơn vị đã có kỳ báo cáo năm {year}.");
        Messages(exists, "year").ShouldBe([$"Đã có kỳ báo cáo năm {year}."]);
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_reading_the_reporting_catalogue_Then_each_prefill_source_is_described_in_Vietnamese()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var request = new HttpRequestMessage(HttpMethod.Get, GetReportingCatalogue.Route);
        request.Headers.AcceptLanguage.ParseAdd("vi");

        var vi = await (await officer.SendAsync(request)).ReadAsync<ReportingCatalogue>();
        var en = await (await officer.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();

        vi.Sources.Single(s => s.Key == "organization.officials").Description.ShouldBe("Số cán bộ công đoàn đã đăng ký của đơn vị, theo danh sách cán bộ.");
        vi.Sources.Single(s => s.Key == "training.officials-trained.research-methods").Description.ShouldContain("phương pháp nghiên cứu khoa học");
        en.Sources.Single(s => s.Key == "organization.officials").Description.ShouldBe("The number of union officials registered for the unit.");
        vi.Sources.Select(s => s.Key).ShouldBe(en.Sources.Select(s => s.Key));
    }

    [ApiFact]
    public async Task Given_Vietnamese_When_a_report_with_empty_numbers_is_submitted_Then_409_report_incomplete_names_each_empty_indicator_in_Vietnamese()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var period = await AnnualReportTests.CurrentPeriodAsync(officer);
        var vanLam = await IdOfAsync(officer, "VANLAM");
        var draft = await (await officer.SendAsync(AnnualReportTests.Put(GetUnitReport.For(period.Id, vanLam),
            new { values = new[] { new { code = "campaigns", number = 4m } } }, null))).ReadAsync<ReportView>();
        var submit = SubmitReport.Route.Replace("{id}", draft.Id.ToString());

        var vi = await (await officer.SendAsync(Post(submit, new { }, "vi"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_incomplete");
        var en = await (await officer.SendAsync(Post(submit, new { }, null))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_incomplete");

        vi.GetProperty("detail").GetString().ShouldBe("Hãy điền đủ các chỉ tiêu dạng số (ghi 0 nếu không có) trước khi nộp.");
        Messages(vi, "people_reached").ShouldBe(["'Số lượt CNVCLĐ được tuyên truyền' chưa được điền."]);
        en.GetProperty("detail").GetString().ShouldBe("Fill in every number indicator (0 when there is nothing to report) before submitting.");
        Messages(en, "people_reached").ShouldBe(["'Số lượt CNVCLĐ được tuyên truyền' is empty."]);
    }
}
