using System.Net;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Platform.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Platform;

/// <summary>
/// The audit browser's export (issue #15 §4): a spreadsheet with Vietnamese headers holding what the audit list shows
/// for the same filters, in the same order and the same scope — nothing of Văn Lâm for an administrator of Mỹ Hào.
/// </summary>
public sealed class AuditExportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private Task<Guid> UnitAsync(string code) => api.InScopeAsync(sp =>
        sp.GetRequiredService<OrganizationDbContext>().Units.Where(u => u.Code == code).Select(u => u.Id).SingleAsync());

    private static async Task<List<IDictionary<string, object>>> ExportAsync(HttpClient client, string filter)
    {
        var response = await client.GetAsync($"{ExportAuditXlsx.Route}?{filter}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        return stream.ReportRows("Nhật ký");
    }

    [ApiFact]
    public async Task Given_the_audit_browsers_filters_When_exporting_Then_the_sheet_holds_the_listed_entries_in_order_with_Vietnamese_headers()
    {
        var leader = await api.LoginAsync(Users.Leader);
        const string filter = "module=platform";
        var listed = await (await leader.GetAsync($"{ListAudit.Route}?{filter}&pageSize=50")).ReadAsync<PagedResult<AuditEntryView>>();
        listed.Total.ShouldBeGreaterThan(0, "the demo users and grants are audited");

        var rows = await ExportAsync(leader, filter);
        rows.Count.ShouldBe(Math.Min(listed.Total, ExportAuditXlsx.MaxRows));
        rows[0].Keys.ShouldBe(["Thời điểm", "Người thực hiện", "Phân hệ", "Loại bản ghi", "Mã bản ghi", "Thao tác", "Nội dung thay đổi (cũ → mới)"]);
        rows.Take(listed.Items.Count).Select(r => r["Mã bản ghi"]?.ToString()).ShouldBe(listed.Items.Select(i => i.EntityId));
        rows.ShouldAllBe(r => (string)r["Phân hệ"] == "Nền tảng");
        rows[0]["Thao tác"].ShouldBeOneOf("Thêm mới", "Sửa", "Xoá");

        using var book = new OpenedWorkbook(await (await leader.GetAsync($"{ExportAuditXlsx.Route}?{filter}")).Content.ReadAsByteArrayAsync());
        book.Text("Nhật ký", "A2").ShouldBe("NHẬT KÝ THAY ĐỔI DỮ LIỆU");
        book.Text("Nhật ký", "A3").ShouldContain("phân hệ: Nền tảng");

        (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync(ExportAuditXlsx.Route)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_a_change_in_Van_Lam_When_an_administrator_of_My_Hao_exports_the_trail_Then_the_sheet_has_no_entry_of_it()
    {
        var vanLam = await UnitAsync("VANLAM");
        var policyId = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<OrganizationDbContext>();
            var policy = PolicyDocument.Create(vanLam, new PolicyDetails("55/TEST", "Văn bản kiểm thử nhật ký của Văn Lâm", "Kiểm thử",
                new DateOnly(2025, 1, 2), new DateOnly(2025, 1, 2), null, null, null));
            db.Policies.Add(policy);
            await db.SaveChangesAsync();
            return policy.Id;
        });
        var filter = $"module=organization&entityType=PolicyDocument&entityId={policyId}";

        var leaderRows = await ExportAsync(await api.LoginAsync(Users.Leader), filter);
        leaderRows.ShouldHaveSingleItem()["Thao tác"].ShouldBe("Thêm mới");

        var email = $"quantri.myhao.{Guid.NewGuid():N}@hungyen.demo";
        var created = await (await api.LoginAsync(Users.Admin)).PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email, fullName = "Quản trị Mỹ Hào", password = "Demo@2025!x",
            grants = new[] { new { role = "admin", unitId = await UnitAsync("MYHAO") } },
        });
        created.IsSuccessStatusCode.ShouldBeTrue(await created.Content.ReadAsStringAsync());
        var myHaoAdmin = await api.LoginAsync(email, "Demo@2025!x");
        (await ExportAsync(myHaoAdmin, filter)).ShouldBeEmpty();
        (await (await myHaoAdmin.GetAsync($"{ListAudit.Route}?{filter}")).ReadAsync<PagedResult<AuditEntryView>>()).Total.ShouldBe(0);
    }
}
