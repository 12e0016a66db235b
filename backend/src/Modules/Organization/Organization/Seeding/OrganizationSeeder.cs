using Khcn.BuildingBlocks.Application;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Seeding;

/// <summary>The root unit always; with demo seeding, the Hưng Yên hierarchy of domain.md §2 (2023 structure, fictional grassroots).</summary>
internal sealed class OrganizationSeeder(OrganizationDbContext db, TimeProvider clock) : IModuleSeeder
{
    public int Order => 10;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (await db.Units.IgnoreQueryFilters().AnyAsync(ct)) return;
        if (!options.Demo)
        {
            Add(UnionUnit.Create(options.RootUnitCode, options.RootUnitName, UnitKind.ProvincialFederation, null));
            await db.SaveChangesAsync(ct);
            return;
        }

        var root = Add(UnionUnit.Create("HY", "Liên đoàn Lao động tỉnh Hưng Yên", UnitKind.ProvincialFederation, null,
            "Số 2 đường Chùa Chuông, phường Hiến Nam, thành phố Hưng Yên", "0221 3862 345", "ldld@hungyen.demo"));
        var upper = new (string Code, string Name, UnitKind Kind, (string Code, string Name)[] Grassroots)[]
        {
            ("TPHY", "Liên đoàn Lao động thành phố Hưng Yên", UnitKind.DistrictFederation,
                [("TPHY-MAYPHUONGNAM", "CĐCS Công ty TNHH May Phương Nam"), ("TPHY-THPTHUNGYEN", "CĐCS Trường THPT thành phố Hưng Yên")]),
            ("MYHAO", "Liên đoàn Lao động thị xã Mỹ Hào", UnitKind.DistrictFederation,
                [("MYHAO-COKHIMINHDUC", "CĐCS Công ty CP Cơ khí Minh Đức"), ("MYHAO-NHUAPHONOI", "CĐCS Công ty TNHH Nhựa Phố Nối")]),
            ("VANLAM", "Liên đoàn Lao động huyện Văn Lâm", UnitKind.DistrictFederation,
                [("VANLAM-DETMAYLACHONG", "CĐCS Công ty TNHH Dệt may Lạc Hồng"), ("VANLAM-DIENTUNHUQUYNH", "CĐCS Công ty CP Điện tử Như Quỳnh"), ("VANLAM-UBNDHUYEN", "CĐCS Cơ quan UBND huyện Văn Lâm")]),
            ("VANGIANG", "Liên đoàn Lao động huyện Văn Giang", UnitKind.DistrictFederation, [("VANGIANG-HOAKIENG", "CĐCS Hợp tác xã Hoa cây cảnh Xuân Quan")]),
            ("YENMY", "Liên đoàn Lao động huyện Yên Mỹ", UnitKind.DistrictFederation, [("YENMY-THUCPHAMTANLAP", "CĐCS Công ty CP Thực phẩm Tân Lập")]),
            ("ANTHI", "Liên đoàn Lao động huyện Ân Thi", UnitKind.DistrictFederation, [("ANTHI-GACHANTHI", "CĐCS Công ty TNHH Gạch ngói Ân Thi")]),
            ("KHOAICHAU", "Liên đoàn Lao động huyện Khoái Châu", UnitKind.DistrictFederation, [("KHOAICHAU-NONGSAN", "CĐCS Công ty CP Nông sản Khoái Châu")]),
            ("KIMDONG", "Liên đoàn Lao động huyện Kim Động", UnitKind.DistrictFederation, [("KIMDONG-BVHUYEN", "CĐCS Trung tâm Y tế huyện Kim Động")]),
            ("TIENLU", "Liên đoàn Lao động huyện Tiên Lữ", UnitKind.DistrictFederation, [("TIENLU-DAYTHUNG", "CĐCS Công ty TNHH Dây thừng Tiên Lữ")]),
            ("PHUCU", "Liên đoàn Lao động huyện Phù Cừ", UnitKind.DistrictFederation, [("PHUCU-THCSPHUCU", "CĐCS Trường THCS thị trấn Trần Cao")]),
            ("CDN-GD", "Công đoàn ngành Giáo dục tỉnh Hưng Yên", UnitKind.SectoralUnion,
                [("GD-THPTCHUYEN", "CĐCS Trường THPT chuyên Hưng Yên"), ("GD-CDSUPHAM", "CĐCS Trường Cao đẳng Sư phạm Hưng Yên")]),
            ("CDN-YT", "Công đoàn ngành Y tế tỉnh Hưng Yên", UnitKind.SectoralUnion,
                [("YT-BVDAKHOA", "CĐCS Bệnh viện Đa khoa tỉnh Hưng Yên"), ("YT-CDC", "CĐCS Trung tâm Kiểm soát bệnh tật tỉnh")]),
            ("CDVC", "Công đoàn Viên chức tỉnh Hưng Yên", UnitKind.CivilServantsUnion,
                [("VC-SOKHCN", "CĐCS Sở Khoa học và Công nghệ"), ("VC-SOLDTBXH", "CĐCS Sở Lao động – Thương binh và Xã hội")]),
            ("CDKCN", "Công đoàn các Khu công nghiệp tỉnh Hưng Yên", UnitKind.IndustrialZoneUnion,
                [("KCN-LINHKIENTHANGLONG", "CĐCS Công ty TNHH Linh kiện Điện tử Thăng Long Hưng Yên"), ("KCN-THEPPHONOI", "CĐCS Công ty CP Thép Phố Nối")]),
        };
        var index = 0;
        foreach (var (code, name, kind, grassroots) in upper)
        {
            var unit = Add(UnionUnit.Create(code, name, kind, root));
            foreach (var (gCode, gName) in grassroots)
            {
                var union = Add(UnionUnit.Create(gCode, gName, UnitKind.Grassroots, unit));
                if (code == "VANLAM") SeedGrassrootsOfficials(union);
            }
            SeedOfficials(unit, index++);
            if (code == "VANLAM")
                db.Policies.Add(PolicyDocument.Create(unit.Id, new PolicyDetails("21/KH-LĐLĐ", "Kế hoạch thực hiện Kế hoạch 405/KH-LĐLĐ về nghiên cứu, phát triển KH,CN&ĐMST trên địa bàn huyện Văn Lâm",
                    "LĐLĐ huyện Văn Lâm", new DateOnly(2023, 9, 5), new DateOnly(2023, 9, 5), new DateOnly(2025, 12, 31), "CĐCS trực thuộc LĐLĐ huyện Văn Lâm",
                    "Cụ thể hoá kế hoạch của tỉnh: phân công cán bộ đầu mối, tuyên truyền, đăng ký sáng kiến.")));
        }
        // The province's science and technology expert, who sits on evaluation councils (the demo council-member account).
        db.Officials.Add(Official.Create(root.Id, new OfficialDetails("Bùi Văn Hội đồng", "Chuyên gia KH&CN", null, "hoidong@hungyen.demo",
            "Cơ khí chế tạo", PoliticalTheoryLevel.Intermediate, null, true)));
        // Illustrative register entries (numbers and contents are examples, not the real documents).
        db.Policies.Add(PolicyDocument.Create(root.Id, new PolicyDetails("405/KH-LĐLĐ", "Kế hoạch nghiên cứu, phát triển khoa học, công nghệ và đổi mới sáng tạo trong hệ thống Công đoàn tỉnh giai đoạn 2023–2025",
            "LĐLĐ tỉnh Hưng Yên", new DateOnly(2023, 8, 1), new DateOnly(2023, 8, 1), new DateOnly(2025, 12, 31), "Công đoàn các cấp trong tỉnh",
            "Tuyên truyền, nâng cao nhận thức; phân công cán bộ theo dõi KH,CN&ĐMST; đặt hàng đề tài; xây dựng cơ sở dữ liệu; đẩy mạnh phong trào thi đua.")));
        db.Policies.Add(PolicyDocument.Create(root.Id, new PolicyDetails("112/QĐ-LĐLĐ", "Quy chế khen thưởng sáng kiến, cải tiến kỹ thuật của công nhân, viên chức, lao động",
            "LĐLĐ tỉnh Hưng Yên", new DateOnly(2023, 10, 12), new DateOnly(2023, 11, 1), null, "CNVCLĐ toàn tỉnh",
            "Mức thưởng theo hiệu quả làm lợi; xét công nhận định kỳ; tôn vinh danh hiệu \"Lao động sáng tạo\".")));
        db.Policies.Add(PolicyDocument.Create(root.Id, new PolicyDetails("09/QĐ-LĐLĐ", "Quy định chính sách khuyến khích đoàn viên, người lao động nghiên cứu, ứng dụng khoa học, công nghệ và đổi mới sáng tạo",
            "LĐLĐ tỉnh Hưng Yên", new DateOnly(2024, 1, 15), new DateOnly(2024, 2, 1), null, "Công đoàn các cấp; đoàn viên, CNVCLĐ toàn tỉnh",
            "Khuyến khích bằng khen thưởng, hỗ trợ kinh phí thử nghiệm, ưu tiên xét chọn đề tài; tôn vinh tác giả sáng kiến tiêu biểu hằng năm.")));
        db.Policies.Add(PolicyDocument.Create(root.Id, new PolicyDetails("58/HD-LĐLĐ", "Hướng dẫn hỗ trợ kinh phí nghiên cứu đề tài khoa học ứng dụng cho cán bộ công đoàn",
            "LĐLĐ tỉnh Hưng Yên", new DateOnly(2024, 3, 20), new DateOnly(2024, 4, 1), new DateOnly(2025, 12, 31), "Cán bộ công đoàn các cấp",
            "Hỗ trợ từ nguồn tài chính công đoàn và xã hội hoá; phối hợp Sở Khoa học và Công nghệ.")));
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lý"];
    private static readonly string[] GivenNames = ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Thị Hồng", "Quang Huy", "Thu Hà", "Đức Anh", "Thị Mai", "Văn Nam", "Ngọc Ánh", "Hữu Thắng", "Thị Dung"];

    /// <summary>Two or three officials per upper-level union; a focal official for most (ANTHI, PHUCU and CDKCN have none yet).</summary>
    private void SeedOfficials(UnionUnit unit, int index)
    {
        var officials = new List<Official>();
        var positions = new[] { "Chủ tịch", "Phó Chủ tịch", "Trưởng ban Tuyên giáo" };
        for (var i = 0; i < 2 + index % 2; i++)
        {
            var fullName = unit.Code == "VANLAM" && i == 0 ? "Đỗ Minh Đầu mối" : $"{FamilyNames[(index + i * 5) % FamilyNames.Length]} {GivenNames[(index * 3 + i) % GivenNames.Length]}";
            var official = Official.Create(unit.Id, new OfficialDetails(fullName, positions[i], $"0221 38{index:00}{i:00}0", null,
                i == 0 ? "Quản lý kinh tế" : "Công nghệ thông tin", (PoliticalTheoryLevel)(1 + (index + i) % 4), i == 0 ? "Tiếng Anh B1" : null, i == 0));
            db.Officials.Add(official);
            officials.Add(official);
        }
        if (unit.Code is "ANTHI" or "PHUCU" or "CDKCN") return;
        FocalAssignment? previous = null;
        if (unit.Code == "VANLAM")
        {
            // Văn Lâm changed its focal official once: the history shows both.
            previous = FocalAssignment.Assign(unit, officials[1], new DateOnly(2023, 9, 1), null, "system");
            db.FocalAssignments.Add(previous);
        }
        db.FocalAssignments.Add(FocalAssignment.Assign(unit, officials[0], previous is null ? new DateOnly(2023, 9, 15) : new DateOnly(2024, 3, 1), previous, "system"));
    }

    /// <summary>
    /// Văn Lâm's grassroots unions have officials of their own, so the district has enough people to nominate to a
    /// course until it overflows into the waitlist; the demo member doanvien@hungyen.demo is one of them.
    /// </summary>
    private void SeedGrassrootsOfficials(UnionUnit union)
    {
        (string Name, string Position, string? Email)[] people = union.Code switch
        {
            "VANLAM-DETMAYLACHONG" => [("Đặng Thị Đoàn viên", "Tổ trưởng công đoàn", "doanvien@hungyen.demo"), ("Phan Văn Kỹ thuật", "Chủ tịch CĐCS", null)],
            "VANLAM-DIENTUNHUQUYNH" => [("Lương Thị Sáng kiến", "Chủ tịch CĐCS", null), ("Trịnh Quốc Cải tiến", "Phó Chủ tịch CĐCS", null)],
            _ => [("Mai Thị Công vụ", "Chủ tịch CĐCS", null), ("Tạ Văn Hành chính", "Ủy viên BCH", null)],
        };
        foreach (var (name, position, email) in people)
            db.Officials.Add(Official.Create(union.Id, new OfficialDetails(name, position, null, email, "Kỹ thuật", PoliticalTheoryLevel.Elementary, null, false)));
    }

    private UnionUnit Add(UnionUnit unit)
    {
        db.Units.Add(unit);
        db.Publish(new UnitCreated(Guid.CreateVersion7(), clock.GetUtcNow().UtcDateTime, unit.Id, unit.Code, unit.Name, unit.Kind, unit.ParentId));
        return unit;
    }
}
