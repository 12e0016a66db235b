using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Seeding;

/// <summary>
/// Demo data: the provincial plan 405/KH-LĐLĐ (sections II.1–II.4 condensed from its text, boards from IV.1,
/// illustrative indicator targets from domain.md §5) and its cascade: several units issued on time, a few late,
/// one drafting, the rest (Mỹ Hào among them) missing.
/// </summary>
internal sealed class PlanSeeder(OrganizationDbContext db, TimeProvider clock) : IModuleSeeder
{
    private const string Propaganda = "Ban Tuyên giáo – Nữ công";
    private const string PolicyLaw = "Ban Chính sách – Pháp luật";
    private const string Organization = "Ban Tổ chức";
    private const string Finance = "Ban Tài chính";

    public int Order => 16;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Plans.IgnoreQueryFilters().AnyAsync(ct)) return;
        var units = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Code, ct);
        if (!units.TryGetValue("HY", out var root)) return;

        var plan = Plan.Create(root.Id, Plan405());
        db.Plans.Add(plan);

        var today = VietnamTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        void Implement(string code, string? number, DateOnly? issuedOn, string title)
        {
            if (!units.TryGetValue(code, out var unit)) return;
            var implementation = ImplementationPlan.StartDraft(plan, root.Path, unit, title, null);
            if (number is not null && issuedOn is { } on)
                implementation.Issue(new IssueDetails(number, on, null, null), plan, today, "system", now);
            db.ImplementationPlans.Add(implementation);
        }

        const string Title = "Kế hoạch thực hiện Kế hoạch số 405/KH-LĐLĐ về nghiên cứu, phát triển KH,CN&ĐMST giai đoạn 2023 – 2025";
        Implement("VANLAM", "21/KH-LĐLĐ", new DateOnly(2023, 9, 5), Title + " trên địa bàn huyện Văn Lâm");
        Implement("TPHY", "15/KH-LĐLĐ", new DateOnly(2023, 8, 25), Title + " trên địa bàn thành phố Hưng Yên");
        Implement("VANGIANG", "18/KH-LĐLĐ", new DateOnly(2023, 8, 30), Title + " trên địa bàn huyện Văn Giang");
        Implement("CDN-GD", "09/KH-CĐN", new DateOnly(2023, 9, 12), Title + " trong ngành Giáo dục");
        Implement("CDVC", "11/KH-CĐVC", new DateOnly(2023, 9, 8), Title + " trong Công đoàn Viên chức tỉnh");
        Implement("VANLAM-DIENTUNHUQUYNH", "03/KH-CĐCS", new DateOnly(2023, 9, 14), "Kế hoạch triển khai KH,CN&ĐMST tại Công ty CP Điện tử Như Quỳnh");
        Implement("YENMY", "27/KH-LĐLĐ", new DateOnly(2023, 10, 10), Title + " trên địa bàn huyện Yên Mỹ");
        Implement("CDKCN", "14/KH-CĐKCN", new DateOnly(2023, 11, 2), Title + " trong các Khu công nghiệp tỉnh");
        Implement("VANLAM-DETMAYLACHONG", "05/KH-CĐCS", new DateOnly(2023, 9, 28), "Kế hoạch triển khai KH,CN&ĐMST tại Công ty TNHH Dệt may Lạc Hồng");
        Implement("KHOAICHAU", null, null, Title + " trên địa bàn huyện Khoái Châu");
        await db.SaveChangesAsync(ct);

        // Thành phố Hưng Yên re-issued its plan after the 2024 review: its history keeps both issues.
        var tphy = await db.ImplementationPlans.Include(i => i.Revisions).FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.UnitId == units["TPHY"].Id, ct);
        tphy?.Revise(new IssueDetails("32/KH-LĐLĐ", new DateOnly(2024, 4, 2), null, "Bổ sung chỉ tiêu đào tạo cán bộ theo sơ kết năm 2023"), plan, today, "system", now);
        await db.SaveChangesAsync(ct);
    }

    private static PlanDetails Plan405() => new(
        "405/KH-LĐLĐ",
        "Kế hoạch nghiên cứu, phát triển khoa học, công nghệ và đổi mới sáng tạo trong các cấp Công đoàn giai đoạn 2023 - 2025",
        "Liên đoàn Lao động tỉnh Hưng Yên",
        new DateOnly(2023, 8, 1), 2023, 2025,
        "Kế hoạch số 95/KH-UBND ngày 07/6/2023 của Ủy ban nhân dân tỉnh Hưng Yên về phát triển khoa học, công nghệ và đổi mới sáng tạo tỉnh Hưng Yên giai đoạn 2023 - 2025",
        new DateOnly(2023, 9, 15),
        "Vận động đoàn viên, CNVCLĐ tham gia tích cực, có hiệu quả công tác nghiên cứu ứng dụng KH,CN&ĐMST; gắn với phong trào thi đua \"Lao động giỏi, Lao động sáng tạo\". "
        + "Công đoàn cấp trên trực tiếp cơ sở và công đoàn cơ sở căn cứ kế hoạch của tỉnh xây dựng và ban hành kế hoạch triển khai thực hiện, hằng năm báo cáo kết quả về LĐLĐ tỉnh (qua Ban Chính sách – Pháp luật).",
        [
            new("II.1", "Nâng cao nhận thức, tăng cường trách nhiệm của các cấp công đoàn trong công tác nghiên cứu, phát triển KH,CN&ĐMST",
            [
                new("II.1.1", "Tuyên truyền, quán triệt, nâng cao nhận thức cho cán bộ công đoàn, đoàn viên, CNVCLĐ về vai trò của nghiên cứu KH,CN&ĐMST trong tổ chức công đoàn.", Propaganda, "Thường xuyên"),
                new("II.1.2", "Tăng cường sự lãnh đạo, chỉ đạo của các cấp công đoàn, nhất là người đứng đầu, đối với công tác nghiên cứu KH,CN&ĐMST.", PolicyLaw, "2023 – 2025"),
                new("II.1.3", "Tăng cường khen thưởng trong công tác nghiên cứu, phát triển KH,CN&ĐMST của tổ chức công đoàn.", PolicyLaw, "Hằng năm"),
            ]),
            new("II.2", "Đổi mới về tổ chức, quản lý, chính sách phát triển KH,CN&ĐMST trong hệ thống Công đoàn",
            [
                new("II.2.1", "LĐLĐ các huyện, thị xã, thành phố, Công đoàn ngành, Công đoàn Viên chức, Công đoàn các KCN tỉnh phân công một cán bộ có năng lực theo dõi, tham mưu công tác KH,CN&ĐMST; đào tạo, bồi dưỡng nâng cao năng lực nghiên cứu.", Organization, "Quý IV/2023"),
                new("II.2.2", "Nghiên cứu, ban hành chính sách khuyến khích, khơi dậy tiềm năng, tập hợp trí tuệ của cán bộ, đoàn viên, CNVCLĐ trong nghiên cứu, phát triển KH,CN&ĐMST.", PolicyLaw, "2023 – 2024"),
                new("II.2.3", "Đặt hàng, giao nhiệm vụ nghiên cứu căn cứ ý nghĩa thực tiễn, khả năng ứng dụng, dự kiến hiệu quả, phục vụ đổi mới tổ chức và hoạt động công đoàn.", PolicyLaw, "Hằng năm"),
                new("II.2.4", "Xây dựng, cập nhật cơ sở dữ liệu về lao động và quan hệ lao động; cơ sở dữ liệu KH,CN&ĐMST, cập nhật định kỳ phục vụ nghiên cứu.", PolicyLaw, "2023 – 2025"),
            ]),
            new("II.3", "Thúc đẩy sự tham gia của các cấp công đoàn và người lao động trong phong trào nghiên cứu, phát triển KH,CN&ĐMST",
            [
                new("II.3.1", "Tạo môi trường để cán bộ công đoàn, đoàn viên và người lao động tham gia hoạt động nghiên cứu, phát triển KH,CN&ĐMST.", PolicyLaw, "Thường xuyên"),
                new("II.3.2", "Phối hợp với các cơ quan chuyên môn tổ chức các khoá đào tạo, bồi dưỡng, tập huấn về quản lý, nghiên cứu, ứng dụng KH,CN&ĐMST.", Propaganda, "Hằng năm"),
                new("II.3.3", "Đẩy mạnh phong trào thi đua \"Lao động giỏi - Lao động sáng tạo\", \"Tham mưu giỏi - Phục vụ tốt\"; phát huy sáng kiến, cải tiến kỹ thuật, nhất là trong doanh nghiệp.", PolicyLaw, "Hằng năm"),
                new("II.3.4", "Định kỳ biểu dương, tôn vinh, khen thưởng lao động giỏi, lao động sáng tạo và người có thành tích trong hoạt động KH,CN&ĐMST.", Propaganda, "Định kỳ"),
            ]),
            new("II.4", "Bố trí nguồn lực tài chính cho hoạt động KH,CN&ĐMST",
            [
                new("II.4.1", "Tăng mức đầu tư cho các đề tài có tính ứng dụng cao, đề tài nghiên cứu chuyên sâu về công nhân, lao động và công đoàn.", Finance, "Hằng năm"),
                new("II.4.2", "Khuyến khích xã hội hoá nguồn lực; phối hợp với Sở Khoa học và Công nghệ tỉnh phát huy nguồn kinh phí từ ngân sách nhà nước.", Finance, "2023 – 2025"),
                new("II.4.3", "Đảm bảo đủ kinh phí cho hoạt động nghiên cứu, phát triển KH,CN&ĐMST; từng bước nâng cao thu nhập cho cán bộ làm công tác nghiên cứu.", Finance, "Hằng năm"),
            ]),
        ],
        [
            new("CT01", "Công đoàn cấp trên trực tiếp cơ sở có cán bộ đầu mối KH,CN&ĐMST", "%", 100, null),
            new("CT02", "Đơn vị trực thuộc ban hành kế hoạch triển khai đúng hạn", "%", 100, "Hạn ban hành: 15/09/2023"),
            new("CT03", "Lượt đoàn viên, CNVCLĐ được tuyên truyền về KH,CN&ĐMST", "lượt người", 50000, null, "training.people-reached"),
            new("CT04", "Cán bộ công đoàn được đào tạo, bồi dưỡng về KH,CN&ĐMST", "người", 300, null, "training.officials-trained"),
            new("CT05", "Sáng kiến, cải tiến kỹ thuật được công nhận", "sáng kiến", 1500, null, "participation.initiatives-recognised"),
            new("CT06", "Đề tài, nhiệm vụ nghiên cứu được đặt hàng", "đề tài", 6, null, "participation.topics-ordered"),
            new("CT07", "Đề tài được nghiệm thu và đưa vào ứng dụng", "đề tài", 4, null, "participation.topics-accepted"),
            new("CT08", "Cá nhân, tập thể được biểu dương, tôn vinh", "lượt", 200, null),
            new("CT09", "Báo cáo năm của các đơn vị gửi đúng hạn", "%", 100, null),
        ]);
}
