using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// Demo initiatives of the three Văn Lâm grassroots unions in every state: drafts, applications waiting for a
/// decision (one with its conditions half checked), five recognised with their yearly benefit, one not recognised
/// and one withdrawn. The demo member (doanvien@hungyen.demo) co-authors some, so "my initiatives" is not empty; their
/// submitted "Móc treo…" carries a one-page PDF of evidence (a record of its trial application).
/// </summary>
internal sealed class InitiativeSeeder(ParticipationDbContext db, IMediator mediator, IFileStore files, TimeProvider clock) : IModuleSeeder
{
    public int Order => 30;

    private sealed record Seed(string Unit, string Title, string Field, InitiativeKind Kind, string Problem, string Solution, string AppliedAt,
        int MonthsApplied, decimal Benefit, (string Name, string? Email, decimal Share)[] Authors, char State, string? Certificate = null);

    private const string Member = "doanvien@hungyen.demo";

    private static readonly Seed[] Seeds =
    [
        new("VANLAM-DETMAYLACHONG", "Cảm biến quang báo đứt sợi tự dừng máy dệt", "Dệt may", InitiativeKind.Technical,
            "Máy dệt chạy tiếp khi đứt sợi làm hỏng cả tấm vải", "Gắn cảm biến quang tại khung sợi, tự ngắt động cơ khi mất tín hiệu",
            "Phân xưởng dệt số 2", 20, 180_000_000m, [("Đặng Thị Đoàn viên", Member, 60m), ("Phan Văn Kỹ thuật", null, 40m)], 'R', "01/2024/CN-LH"),
        new("VANLAM-DETMAYLACHONG", "Bàn cắt vải định vị bằng tia laser", "Dệt may", InitiativeKind.Technical,
            "Cắt lệch đường may, hao hụt vải 4%", "Chiếu đường cắt bằng laser theo mẫu rập số hoá",
            "Tổ cắt, xưởng may 1", 15, 96_500_000m, [("Phan Văn Kỹ thuật", null, 100m)], 'R', "02/2024/CN-LH"),
        new("VANLAM-DETMAYLACHONG", "Sắp xếp chuyền may theo nhịp sản xuất", "Quản lý sản xuất", InitiativeKind.Management,
            "Hàng tồn giữa các công đoạn", "Cân bằng chuyền theo thời gian chuẩn từng công đoạn", "Chuyền may 3 và 4",
            10, 240_000_000m, [("Đặng Thị Đoàn viên", Member, 50m), ("Nguyễn Thị Thu", null, 25m), ("Lê Văn Hùng", null, 25m)], 'R', "03/2025/CN-LH"),
        new("VANLAM-DETMAYLACHONG", "Móc treo bán thành phẩm dùng lại từ ống sợi", "Dệt may", InitiativeKind.WorkMethod,
            "Thiếu giá treo bán thành phẩm", "Tận dụng ống sợi hỏng làm móc treo", "Xưởng may 2",
            4, 12_000_000m, [("Đặng Thị Đoàn viên", Member, 100m)], 'S'),
        new("VANLAM-DETMAYLACHONG", "Phiếu kiểm tra chất lượng điện tử tại chuyền", "Quản lý chất lượng", InitiativeKind.Management,
            "Phiếu giấy thất lạc, chậm tổng hợp lỗi", "Nhập lỗi trên máy tính bảng, tổng hợp theo ca", "Bộ phận QC",
            2, 30_000_000m, [("Nguyễn Thị Thu", null, 70m), ("Đặng Thị Đoàn viên", Member, 30m)], 'D'),
        new("VANLAM-DIENTUNHUQUYNH", "Đồ gá hàn bo mạch nhiều vị trí", "Điện tử", InitiativeKind.Technical,
            "Hàn thủ công từng bo chậm, lỗi mối hàn", "Đồ gá giữ 6 bo mạch, xoay 180 độ", "Dây chuyền SMT 1",
            26, 150_000_000m, [("Lương Thị Sáng kiến", null, 55m), ("Trịnh Quốc Cải tiến", null, 45m)], 'R', "05/2023/CN-NQ"),
        new("VANLAM-DIENTUNHUQUYNH", "Ứng dụng thị giác máy kiểm tra linh kiện dán", "Điện tử", InitiativeKind.TechnicalProgressApplication,
            "Kiểm tra bằng mắt bỏ sót lỗi lệch linh kiện", "Camera và phần mềm nhận dạng lệch vị trí", "Dây chuyền SMT 2",
            12, 320_000_000m, [("Trịnh Quốc Cải tiến", null, 80m), ("Vũ Văn Minh", null, 20m)], 'R', "01/2025/CN-NQ"),
        new("VANLAM-DIENTUNHUQUYNH", "Khay chống tĩnh điện dùng chung hai công đoạn", "Điện tử", InitiativeKind.WorkMethod,
            "Đổi khay giữa hai công đoạn mất thời gian", "Khay thiết kế lại dùng cho cả hai công đoạn", "Xưởng lắp ráp",
            6, 18_000_000m, [("Lương Thị Sáng kiến", null, 100m)], 'N'),
        new("VANLAM-DIENTUNHUQUYNH", "Quy trình bàn giao ca bằng mã QR", "Quản lý sản xuất", InitiativeKind.Management,
            "Bàn giao ca thiếu thông tin", "Mỗi máy có mã QR ghi tình trạng cuối ca", "Toàn nhà máy",
            3, 45_000_000m, [("Vũ Văn Minh", null, 100m)], 'S'),
        new("VANLAM-DIENTUNHUQUYNH", "Tận dụng nhiệt thải lò sấy", "Năng lượng", InitiativeKind.Technical,
            "Lò sấy thải nhiệt ra môi trường", "Ống dẫn nhiệt thải sang buồng sấy sơ bộ", "Xưởng sơn phủ",
            1, 60_000_000m, [("Trịnh Quốc Cải tiến", null, 50m), ("Lương Thị Sáng kiến", null, 50m)], 'D'),
        new("VANLAM-UBNDHUYEN", "Một cửa số hoá tiếp nhận hồ sơ đoàn viên", "Hành chính", InitiativeKind.Management,
            "Hồ sơ giấy tiếp nhận chậm", "Biểu mẫu trực tuyến và tra cứu trạng thái", "Công đoàn cơ quan UBND huyện",
            5, 0m, [("Hoàng Thị Mai", null, 100m)], 'W'),
        new("VANLAM-UBNDHUYEN", "Sổ tay điện tử nghiệp vụ công đoàn cơ sở", "Hành chính", InitiativeKind.WorkMethod,
            "Cán bộ mới khó tra cứu quy định", "Sổ tay tra cứu trên điện thoại", "Công đoàn cơ quan UBND huyện",
            4, 8_000_000m, [("Hoàng Thị Mai", null, 60m), ("Đỗ Văn Nam", null, 40m)], 'C'),
    ];

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Initiatives.IgnoreQueryFilters().AnyAsync(ct)) return;
        var today = VietnamTime.Today(clock);
        var officer = new Actor(null, "Vũ Thị Văn Lâm");
        var units = new Dictionary<string, Guid>();
        foreach (var code in Seeds.Select(s => s.Unit).Distinct())
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units[code] = unit.Id;
        if (units.Count == 0) return;
        foreach (var s in Seeds.Where(s => units.ContainsKey(s.Unit)))
        {
            var since = today.AddMonths(-s.MonthsApplied);
            var filer = s.Authors[0];
            var initiative = Initiative.Draft(units[s.Unit], new InitiativeDetails(s.Title, s.Field, s.Kind, s.Problem,
                "Trước đây làm thủ công theo cách cũ", s.Solution, s.AppliedAt, since, s.MonthsApplied < 6, s.Benefit,
                s.Benefit > 0 ? "Cải thiện điều kiện làm việc, giảm sai sót" : "Giảm thời gian đi lại của đoàn viên",
                "Tổ trưởng và tổ kỹ thuật của bộ phận áp dụng", true,
                s.Authors.Select(a => new AuthorShare(a.Name, a.Email, null, a.Share)).ToList()), new Actor(null, filer.Name), filer.Email);
            db.Initiatives.Add(initiative);
            if (s.Title.StartsWith("Móc treo", StringComparison.Ordinal)) await AttachEvidenceAsync(initiative, s, since, ct);
            if (s.State == 'D') continue;
            var submittedOn = since.AddMonths(Math.Max(1, s.MonthsApplied / 3));
            if (submittedOn > today) submittedOn = today;
            var submittedAt = submittedOn.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
            initiative.Submit(submittedAt);
            var decidedOn = submittedOn.AddDays(30) > today ? today : submittedOn.AddDays(30);
            var decidedAt = decidedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
            switch (s.State)
            {
                case 'W':
                    initiative.Withdraw("Tác giả bổ sung số liệu hiệu quả, sẽ nộp lại");
                    break;
                case 'C':
                    initiative.RecordConditions([(RecognitionCondition.NewWithinUnit, true, "Chưa có giải pháp tương tự tại cơ quan"),
                        (RecognitionCondition.NotExcluded, true, null)], officer, decidedAt);
                    break;
                case 'N':
                    initiative.RecordConditions([(RecognitionCondition.NewWithinUnit, false, "Giải pháp đã được công bố trong quy trình của tập đoàn từ 2021"),
                        (RecognitionCondition.AppliedInUnit, true, null), (RecognitionCondition.BringsBenefit, true, null),
                        (RecognitionCondition.NotExcluded, true, null)], officer, decidedAt);
                    initiative.Refuse("Không đáp ứng điều kiện tính mới trong phạm vi cơ sở (Điều 3 Nghị định 13/2012/NĐ-CP).", decidedOn, officer, decidedAt);
                    break;
                case 'R':
                    initiative.RecordConditions([.. Enum.GetValues<RecognitionCondition>().Select(c => (c, true, (string?)"Hội đồng sáng kiến xác nhận đạt"))],
                        officer, decidedAt);
                    initiative.Recognise(s.Certificate!, decidedOn, officer, decidedAt);
                    break;
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF "record of the trial application" as the demo's evidence, stored like an upload.</summary>
    private async Task AttachEvidenceAsync(Initiative initiative, Seed s, DateOnly since, CancellationToken ct)
    {
        var pdf = CertificatePage.Render("Biên bản áp dụng thử sáng kiến", s.Title, s.Authors[0].Name, page =>
        {
            page.Centered("BIÊN BẢN ÁP DỤNG THỬ SÁNG KIẾN", CertificatePage.Font(22, bold: true), 90, CertificatePage.AccentBrush);
            page.Centered(s.Title, CertificatePage.Font(16, bold: true), 140);
            page.Centered($"Nơi áp dụng: {s.AppliedAt} — từ ngày {since:dd/MM/yyyy}", CertificatePage.Font(13), 190);
            page.Centered("Kết quả: tận dụng ống sợi hỏng làm móc treo, đủ giá treo bán thành phẩm cho hai chuyền may.", CertificatePage.Font(12), 225);
            page.Centered($"Tác giả: {string.Join(", ", s.Authors.Select(a => a.Name))}", CertificatePage.Font(12), 255);
        });
        using var content = new MemoryStream(pdf);
        var stored = await files.SaveAsync("participation/initiatives", content, ct);
        var file = new Attachment("bien-ban-ap-dung-thu.pdf", CertificatePage.ContentType, stored.Size, stored.Sha256, stored.Key, s.Authors[0].Email,
            clock.GetUtcNow().UtcDateTime);
        db.InitiativeAttachments.Add(initiative.Attach(file));
    }
}
