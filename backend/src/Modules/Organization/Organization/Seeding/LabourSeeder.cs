using Khcn.BuildingBlocks.Application;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Seeding;

/// <summary>
/// Demo only: about thirty fictional enterprises spread over the demo districts, kept by the district (or industrial
/// zone) union, some covered by a seeded grassroots union, with figures for 2023–2025. Names and tax codes are made up
/// (the tax codes carry valid check digits).
/// </summary>
internal sealed class LabourSeeder(OrganizationDbContext db) : IModuleSeeder
{
    public int Order => 15;

    private sealed record Demo(string Keeper, string Name, Ownership Ownership, Sector Sector, string District, string? Zone, string Address,
        string? Grassroots, int Workforce, decimal Income);

    private static readonly Demo[] Enterprises =
    [
        new("VANLAM", "Công ty TNHH Dệt may Lạc Hồng", Ownership.Private, Sector.TextileGarment, "Văn Lâm", "KCN Phố Nối A", "Lô A5, KCN Phố Nối A, xã Lạc Hồng", "VANLAM-DETMAYLACHONG", 1850, 8_200_000),
        new("VANLAM", "Công ty CP Điện tử Như Quỳnh", Ownership.Private, Sector.Electronics, "Văn Lâm", null, "Thị trấn Như Quỳnh, huyện Văn Lâm", "VANLAM-DIENTUNHUQUYNH", 640, 9_100_000),
        new("VANLAM", "Công ty TNHH Linh kiện ô tô Minh Hải", Ownership.Fdi, Sector.Manufacturing, "Văn Lâm", "KCN Phố Nối A", "Lô B2, KCN Phố Nối A", null, 920, 10_400_000),
        new("VANLAM", "Công ty TNHH Bao bì Tân Quang", Ownership.Private, Sector.Manufacturing, "Văn Lâm", "KCN Phố Nối A", "Lô C1, KCN Phố Nối A", null, 310, 7_600_000),
        new("VANLAM", "Công ty CP Xây dựng Đình Dù", Ownership.Private, Sector.Construction, "Văn Lâm", null, "Xã Đình Dù, huyện Văn Lâm", null, 180, 8_900_000),
        new("VANLAM", "Công ty TNHH Thương mại Chỉ Đạo", Ownership.Private, Sector.TradeServices, "Văn Lâm", null, "Xã Chỉ Đạo, huyện Văn Lâm", null, 75, 7_100_000),
        new("VANLAM", "Công ty TNHH Điện tử Việt Hàn Văn Lâm", Ownership.Fdi, Sector.Electronics, "Văn Lâm", "KCN Phố Nối A", "Lô D3, KCN Phố Nối A", null, 2_400, 9_800_000),
        new("MYHAO", "Công ty CP Cơ khí Minh Đức", Ownership.Private, Sector.Manufacturing, "Mỹ Hào", "KCN Minh Đức", "KCN Minh Đức, thị xã Mỹ Hào", "MYHAO-COKHIMINHDUC", 520, 9_300_000),
        new("MYHAO", "Công ty TNHH Nhựa Phố Nối", Ownership.Private, Sector.Manufacturing, "Mỹ Hào", "KCN Phố Nối A", "Phường Bần Yên Nhân, thị xã Mỹ Hào", "MYHAO-NHUAPHONOI", 430, 8_100_000),
        new("MYHAO", "Công ty TNHH May mặc Nhân Hòa", Ownership.Fdi, Sector.TextileGarment, "Mỹ Hào", "KCN Minh Đức", "KCN Minh Đức, thị xã Mỹ Hào", null, 1_300, 7_900_000),
        new("MYHAO", "Công ty TNHH Thực phẩm Dị Sử", Ownership.Private, Sector.Manufacturing, "Mỹ Hào", null, "Phường Dị Sử, thị xã Mỹ Hào", null, 260, 7_400_000),
        new("MYHAO", "Công ty CP Vận tải Phùng Chí Kiên", Ownership.Collective, Sector.TradeServices, "Mỹ Hào", null, "Phường Phùng Chí Kiên, thị xã Mỹ Hào", null, 90, 8_000_000),
        new("TPHY", "Công ty TNHH May Phương Nam", Ownership.Private, Sector.TextileGarment, "Thành phố Hưng Yên", null, "Phường Hiến Nam, TP Hưng Yên", "TPHY-MAYPHUONGNAM", 760, 7_700_000),
        new("TPHY", "Công ty CP Dược phẩm Phố Hiến", Ownership.State, Sector.Manufacturing, "Thành phố Hưng Yên", null, "Phường Lam Sơn, TP Hưng Yên", null, 210, 10_900_000),
        new("TPHY", "Công ty TNHH Dịch vụ Du lịch Phố Hiến", Ownership.Private, Sector.TradeServices, "Thành phố Hưng Yên", null, "Phường Quang Trung, TP Hưng Yên", null, 60, 6_900_000),
        new("YENMY", "Công ty CP Thực phẩm Tân Lập", Ownership.Private, Sector.Manufacturing, "Yên Mỹ", "KCN Thăng Long II", "KCN Thăng Long II, huyện Yên Mỹ", "YENMY-THUCPHAMTANLAP", 480, 8_300_000),
        new("YENMY", "Công ty TNHH Thép Yên Mỹ", Ownership.Private, Sector.Manufacturing, "Yên Mỹ", null, "Xã Giai Phạm, huyện Yên Mỹ", null, 350, 9_600_000),
        new("CDKCN", "Công ty TNHH Linh kiện Điện tử Thăng Long Hưng Yên", Ownership.Fdi, Sector.Electronics, "Yên Mỹ", "KCN Thăng Long II", "Lô J, KCN Thăng Long II", "KCN-LINHKIENTHANGLONG", 3_200, 11_200_000),
        new("CDKCN", "Công ty CP Thép Phố Nối", Ownership.Private, Sector.Manufacturing, "Mỹ Hào", "KCN Phố Nối A", "Lô F, KCN Phố Nối A", "KCN-THEPPHONOI", 690, 10_100_000),
        new("CDKCN", "Công ty TNHH Công nghệ Quang học Thăng Long", Ownership.Fdi, Sector.Electronics, "Yên Mỹ", "KCN Thăng Long II", "Lô K, KCN Thăng Long II", null, 1_750, 10_600_000),
        new("CDKCN", "Công ty TNHH Nhựa kỹ thuật Sakura Hưng Yên", Ownership.Fdi, Sector.Manufacturing, "Yên Mỹ", "KCN Thăng Long II", "Lô M, KCN Thăng Long II", null, 820, 9_900_000),
        new("CDKCN", "Công ty TNHH Giày da Minh Đức", Ownership.Fdi, Sector.TextileGarment, "Mỹ Hào", "KCN Minh Đức", "Lô N, KCN Minh Đức", null, 2_100, 8_000_000),
        new("ANTHI", "Công ty TNHH Gạch ngói Ân Thi", Ownership.Private, Sector.Construction, "Ân Thi", null, "Thị trấn Ân Thi", "ANTHI-GACHANTHI", 240, 7_200_000),
        new("KHOAICHAU", "Công ty CP Nông sản Khoái Châu", Ownership.Private, Sector.Agriculture, "Khoái Châu", null, "Xã Bình Minh, huyện Khoái Châu", "KHOAICHAU-NONGSAN", 150, 6_800_000),
        new("KHOAICHAU", "Hợp tác xã Nhãn lồng Khoái Châu", Ownership.Collective, Sector.Agriculture, "Khoái Châu", null, "Xã Hàm Tử, huyện Khoái Châu", null, 45, 5_900_000),
        new("VANGIANG", "Hợp tác xã Hoa cây cảnh Xuân Quan", Ownership.Collective, Sector.Agriculture, "Văn Giang", null, "Xã Xuân Quan, huyện Văn Giang", "VANGIANG-HOAKIENG", 70, 6_200_000),
        new("VANGIANG", "Công ty CP Đầu tư Xây dựng Văn Giang", Ownership.Private, Sector.Construction, "Văn Giang", null, "Thị trấn Văn Giang", null, 210, 9_000_000),
        new("KIMDONG", "Trung tâm Y tế huyện Kim Động", Ownership.State, Sector.EducationHealth, "Kim Động", null, "Thị trấn Lương Bằng, huyện Kim Động", "KIMDONG-BVHUYEN", 190, 8_600_000),
        new("TIENLU", "Công ty TNHH Dây thừng Tiên Lữ", Ownership.Private, Sector.Manufacturing, "Tiên Lữ", null, "Thị trấn Vương, huyện Tiên Lữ", "TIENLU-DAYTHUNG", 130, 6_700_000),
        new("PHUCU", "Công ty TNHH May xuất khẩu Phù Cừ", Ownership.Private, Sector.TextileGarment, "Phù Cừ", null, "Thị trấn Trần Cao, huyện Phù Cừ", null, 560, 7_000_000),
    ];

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Enterprises.IgnoreQueryFilters().AnyAsync(ct)) return;
        var units = await db.Units.IgnoreQueryFilters().ToDictionaryAsync(u => u.Code, u => u.Id, ct);
        var serial = 0;
        foreach (var d in Enterprises)
        {
            if (!units.TryGetValue(d.Keeper, out var keeper)) continue;
            var enterprise = Enterprise.Create(keeper, new EnterpriseDetails(d.Name, NextTaxCode(ref serial), d.Ownership, d.Sector, d.District, d.Zone,
                d.Address, d.Grassroots is null ? null : units.GetValueOrDefault(d.Grassroots)));
            var i = serial;
            foreach (var year in new[] { 2023, 2024, 2025 })
            {
                // Growing a little each year; every third enterprise has an agreement, renewed for three years.
                var step = year - 2023;
                var workforce = d.Workforce + step * (d.Workforce / 20) - (i % 3) * step;
                var signed = i % 3 != 1 || step > 0;
                enterprise.SetFigures(year, new YearFigureValues(workforce, workforce * (35 + i * 7 % 40) / 100,
                    d.Grassroots is null && i % 2 == 0 ? workforce / 3 : workforce * (70 + i % 25) / 100,
                    d.Income + step * 450_000m + i * 10_000m, signed,
                    signed ? new DateOnly(2022 + step, 1 + i % 12, 1 + i % 27) : null, signed ? new DateOnly(2025 + step, 1 + i % 12, 1 + i % 27) : null,
                    i % 7 == 0 ? 1 : 0, i % 11 == 0 && year == 2024 ? 1 : 0, 1 + (i + step) % 4), 2025);
            }
            db.Enterprises.Add(enterprise);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Fictional tax codes of Hưng Yên's prefix (09) with valid check digits.</summary>
    private static string NextTaxCode(ref int serial)
    {
        while (true)
        {
            serial++;
            var nine = $"0900{serial * 7919 % 100000:00000}";
            if (LabourRules.TaxCodeCheckDigit(nine) is { } check) return nine + check;
        }
    }
}
