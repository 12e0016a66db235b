using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Plans;
using Khcn.Organization.Features.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The provincial plan and its cascade. Each test works on its own units (the class shares one database):
/// Mỹ Hào's subtree for issuing, Văn Lâm's seeded plans for reading, Phù Cừ and Kim Động for the guards.
/// </summary>
public sealed class PlanTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    private static async Task<Guid> Plan405Async(HttpClient client) =>
        (await (await client.GetAsync($"{ListPlans.Route}?q=405")).ReadAsync<PagedResult<PlanListItem>>()).Items.Single(p => p.Number == "405/KH-LĐLĐ").Id;

    private static string Compliance(Guid planId, string query = "") => $"/api/v1/organization/plans/{planId}/compliance?pageSize=200{query}";
    private static string Implementation(Guid planId, Guid unitId, string action = "") => $"/api/v1/organization/plans/{planId}/implementations/{unitId}{action}";

    private static Task<HttpResponseMessage> StartAsync(HttpClient client, Guid planId, Guid unitId) =>
        client.PostJsonAsync($"/api/v1/organization/plans/{planId}/implementations", new { unitId, title = "Kế hoạch thực hiện Kế hoạch 405/KH-LĐLĐ" });

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, object body, string? etag)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        if (etag is not null) put.Headers.TryAddWithoutValidation("If-Match", etag);
        return await client.SendAsync(put);
    }

    [ApiFact]
    public async Task Given_the_provincial_plan_When_a_district_officer_reads_it_Then_sections_tasks_boards_and_indicators_are_there()
    {
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);

        var plan = await (await myHao.GetAsync(GetPlan.For(await Plan405Async(myHao)))).ReadAsync<PlanDetail>();

        plan.IssuerName.ShouldBe("Liên đoàn Lao động tỉnh Hưng Yên");
        plan.IssuedOn.ShouldBe(new DateOnly(2023, 8, 1));
        (plan.PeriodFrom, plan.PeriodTo).ShouldBe((2023, 2025));
        plan.Implements.ShouldNotBeNull().ShouldContain("95/KH-UBND ngày 07/6/2023");
        plan.Sections.Select(s => s.Code).ShouldBe(["II.1", "II.2", "II.3", "II.4"]);
        plan.Sections.SelectMany(s => s.Tasks).Select(t => t.ResponsibleBoard).ShouldContain("Ban Chính sách – Pháp luật");
        plan.Indicators.ShouldContain(i => i.Code == "CT02" && i.Target == 100m && i.UnitOfMeasure == "%");
    }

    [ApiFact]
    public async Task Given_the_seeded_cascade_When_reading_compliance_Then_each_unit_is_on_time_late_drafting_or_missing_within_the_callers_scope()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var planId = await Plan405Async(board);
        var vanLamId = await UnitIdAsync(board, "VANLAM");

        var province = await (await board.GetAsync(Compliance(planId))).ReadAsync<PlanComplianceReport>();
        var district = await (await board.GetAsync(Compliance(planId, $"&within={vanLamId}"))).ReadAsync<PlanComplianceReport>();
        var asVanLam = await (await vanLam.GetAsync(Compliance(planId))).ReadAsync<PlanComplianceReport>();
        var lateInVanLam = await (await board.GetAsync(Compliance(planId, $"&within={vanLamId}&status=IssuedLate"))).ReadAsync<PlanComplianceReport>();

        province.Totals.Expected.ShouldBe(36, "every active unit below the province: 14 upper-level and 22 grassroots unions");
        province.Units.Items.ShouldNotContain(r => r.UnitCode == "HY", "the issuer does not implement its own plan");
        province.Units.Items.Single(r => r.UnitCode == "KHOAICHAU").Status.ShouldBe(ComplianceStatus.Draft);
        province.Units.Items.Single(r => r.UnitCode == "YENMY").Status.ShouldBe(ComplianceStatus.IssuedLate);
        province.Units.Items.Single(r => r.UnitCode == "TPHY").ShouldSatisfyAllConditions(
            r => r.Status.ShouldBe(ComplianceStatus.IssuedOnTime, "a later revision does not make it late"),
            r => r.Number.ShouldBe("32/KH-LĐLĐ"));
        district.Totals.ShouldBe(new ComplianceTotals(4, 2, 1, 0, 1));
        asVanLam.Totals.ShouldBe(district.Totals, "a district sees its own subtree");
        asVanLam.Units.Items.ShouldAllBe(r => r.UnitCode.StartsWith("VANLAM"));
        lateInVanLam.Units.Items.ShouldHaveSingleItem().UnitCode.ShouldBe("VANLAM-DETMAYLACHONG");
        lateInVanLam.Totals.ShouldBe(district.Totals, "the totals count every state whatever the filter");

        var fromTheClass = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>();
            return await sp.GetRequiredService<PlanCompliance>().TotalsAsync(planId, await db.SubtreePathOfAsync(vanLamId, CancellationToken.None), CancellationToken.None);
        });
        fromTheClass.ShouldBe(district.Totals, "the reports module reads the same totals");
    }

    [ApiFact]
    public async Task Given_a_town_officer_When_drafting_issuing_and_revising_Then_the_provinces_compliance_follows_and_revisions_are_kept()
    {
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var planId = await Plan405Async(myHao);
        var town = await UnitIdAsync(myHao, "MYHAO");
        var grassroots = await UnitIdAsync(myHao, "MYHAO-COKHIMINHDUC");
        var tomorrow = VietnamTime.Today(TimeProvider.System).AddDays(1);

        var started = await StartAsync(myHao, planId, town);
        started.StatusCode.ShouldBe(HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        started.Headers.Location!.ToString().ShouldBe(Implementation(planId, town));
        (await Status(board, planId, town)).ShouldBe(ComplianceStatus.Draft);

        var future = await myHao.PostJsonAsync(Implementation(planId, town, "/issue"), new { number = "12/KH-LĐLĐ", issuedOn = tomorrow });
        (await future.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("issuedOn", out _).ShouldBeTrue();
        var noNumber = await myHao.PostJsonAsync(Implementation(planId, town, "/issue"), new { number = "", issuedOn = "2023-09-10" });
        (await noNumber.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("number", out _).ShouldBeTrue();

        var issued = await (await myHao.PostJsonAsync(Implementation(planId, town, "/issue"), new { number = "12/KH-LĐLĐ", issuedOn = "2023-09-10" }))
            .ReadAsync<ImplementationPlanDetail>();
        issued.Status.ShouldBe(ImplementationPlanStatus.Issued);
        issued.Compliance.ShouldBe(ComplianceStatus.IssuedOnTime);
        (await Status(board, planId, town)).ShouldBe(ComplianceStatus.IssuedOnTime);
        await (await myHao.PostJsonAsync(Implementation(planId, town, "/issue"), new { number = "13/KH-LĐLĐ", issuedOn = "2023-09-11" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "implementation_plan_not_draft");
        var edit = await myHao.GetAsync(Implementation(planId, town));
        await (await PutAsync(myHao, Implementation(planId, town), new { title = "Sửa" }, edit.Headers.ETag!.Tag))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "implementation_plan_issued");

        var revised = await (await myHao.PostJsonAsync(Implementation(planId, town, "/revise"),
            new { number = "30/KH-LĐLĐ", issuedOn = "2024-05-20", note = "Bổ sung chỉ tiêu" })).ReadAsync<ImplementationPlanDetail>();
        revised.RevisionNo.ShouldBe(2);
        revised.Revisions.Select(r => (r.RevisionNo, r.Number)).ShouldBe([(2, "30/KH-LĐLĐ"), (1, "12/KH-LĐLĐ")]);
        revised.Revisions[0].ChangedBy.ShouldBe(Users.MyHaoOfficer);
        var row = (await (await board.GetAsync(Compliance(planId, $"&within={town}"))).ReadAsync<PlanComplianceReport>()).Units.Items.Single(r => r.UnitId == town);
        (row.Status, row.Number, row.IssuedOn).ShouldBe((ComplianceStatus.IssuedOnTime, "30/KH-LĐLĐ", new DateOnly(2024, 5, 20)));

        (await StartAsync(myHao, planId, grassroots)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await myHao.PostJsonAsync(Implementation(planId, grassroots, "/issue"), new { number = "02/KH-CĐCS", issuedOn = "2023-10-02" }))
            .ReadAsync<ImplementationPlanDetail>();
        (await Status(board, planId, grassroots)).ShouldBe(ComplianceStatus.IssuedLate, "issued after the deadline of 15/09/2023");
    }

    private static async Task<ComplianceStatus> Status(HttpClient client, Guid planId, Guid unitId) =>
        (await (await client.GetAsync(Compliance(planId, $"&within={unitId}"))).ReadAsync<PlanComplianceReport>()).Units.Items.Single(r => r.UnitId == unitId).Status;

    [ApiFact]
    public async Task Given_units_outside_the_rules_When_starting_an_implementation_plan_Then_scope_rights_level_duplicates_and_dissolved_units_are_refused()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var leader = await api.LoginAsync(Users.Leader);
        var admin = await api.LoginAsync(Users.Admin);
        var planId = await Plan405Async(board);

        await (await StartAsync(vanLam, planId, await UnitIdAsync(board, "MYHAO-NHUAPHONOI"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await StartAsync(leader, planId, await UnitIdAsync(board, "KIMDONG"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StartAsync(board, planId, await UnitIdAsync(board, "HY"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "not_below_plan_issuer");
        await (await StartAsync(vanLam, planId, await UnitIdAsync(board, "VANLAM"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "implementation_plan_exists");

        // A unit of its own, created and dissolved here, so the seeded totals other tests read stay as they are.
        var created = await admin.PostJsonAsync(Khcn.Organization.Features.Units.CreateUnit.Route,
            new { code = "PHUCU-TAMTHOI", name = "CĐCS Công ty tạm thời Phù Cừ", kind = "Grassroots", parentId = await UnitIdAsync(board, "PHUCU") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var school = (await created.ReadAsync<UnitDetail>()).Id;
        (await admin.PostJsonAsync($"/api/v1/organization/units/{school}/dissolve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await StartAsync(board, planId, school)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "unit_inactive");
        var phuCu = await (await board.GetAsync(Compliance(planId, $"&within={await UnitIdAsync(board, "PHUCU")}"))).ReadAsync<PlanComplianceReport>();
        phuCu.Units.Items.ShouldNotContain(r => r.UnitId == school, "a dissolved unit is no longer expected to issue");
    }

    [ApiFact]
    public async Task Given_an_issued_implementation_plan_When_its_signed_document_is_attached_Then_it_downloads_in_scope_only()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var planId = await Plan405Async(vanLam);
        var unitId = await UnitIdAsync(vanLam, "VANLAM");

        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "21-KH-LDLD.pdf");
        var upload = await vanLam.PostAsync(Implementation(planId, unitId, "/attachments"), form);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var attachment = (await upload.ReadAsync<ImplementationPlanDetail>()).Attachments.ShouldHaveSingleItem();
        attachment.RevisionNo.ShouldBe(1);
        var url = Implementation(planId, unitId, $"/attachments/{attachment.Id}");

        var download = await board.GetAsync(url);
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        await (await myHao.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await myHao.GetAsync(Implementation(planId, unitId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_plan_When_its_issuer_edits_it_with_If_Match_Then_sections_are_replaced_and_units_below_may_not_edit_it()
    {
        var board = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var body = new
        {
            unitId = await UnitIdAsync(board, "HY"), number = "77/KH-LĐLĐ", title = "Kế hoạch thử", issuerName = "LĐLĐ tỉnh Hưng Yên",
            issuedOn = "2024-02-01", periodFrom = 2024, periodTo = 2025, implementationDeadline = "2024-03-01",
            sections = new[] { new { code = "I", title = "Nhiệm vụ", tasks = new[] { new { code = "I.1", text = "Tuyên truyền", responsibleBoard = "Ban Tuyên giáo – Nữ công" } } } },
            indicators = new[] { new { code = "CT01", name = "Đơn vị ban hành kế hoạch", unitOfMeasure = "%", target = 100 } },
        };
        var created = await board.PostJsonAsync(CreatePlan.Route, body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.ReadAsync<PlanDetail>();
        var etag = created.Headers.ETag!.Tag;

        var update = new
        {
            body.number, body.title, body.issuerName, body.issuedOn, body.periodFrom, body.periodTo, body.implementationDeadline,
            sections = new[]
            {
                new { code = "II.1", title = "Nâng cao nhận thức", tasks = new[] { new { code = "II.1.1", text = "Quán triệt", responsibleBoard = "Ban Chính sách – Pháp luật" } } },
                new { code = "II.2", title = "Đổi mới tổ chức", tasks = new[] { new { code = "II.2.1", text = "Phân công cán bộ đầu mối", responsibleBoard = "Ban Tổ chức" } } },
            },
            indicators = Array.Empty<object>(),
        };
        await (await PutAsync(board, GetPlan.For(plan.Id), update, null)).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await PutAsync(vanLam, GetPlan.For(plan.Id), update, etag)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var updated = await (await PutAsync(board, GetPlan.For(plan.Id), update, etag)).ReadAsync<PlanDetail>();
        await (await PutAsync(board, GetPlan.For(plan.Id), update, etag)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        updated.Sections.Select(s => s.Code).ShouldBe(["II.1", "II.2"]);
        updated.Sections[0].Tasks.ShouldHaveSingleItem().Text.ShouldBe("Quán triệt");
        updated.Indicators.ShouldBeEmpty();
        updated.Version.ShouldBeGreaterThan(plan.Version);
        var badPeriod = await board.PostJsonAsync(CreatePlan.Route, new { body.unitId, body.number, body.title, body.issuerName, body.issuedOn, periodFrom = 2025, periodTo = 2024, body.implementationDeadline, sections = Array.Empty<object>(), indicators = Array.Empty<object>() });
        (await badPeriod.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("periodTo", out _).ShouldBeTrue();
    }
}
