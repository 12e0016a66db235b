using Khcn.BuildingBlocks.Application;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// The plan's two movements launched by the province ("Lao động giỏi – Lao động sáng tạo" for workers, "Tham mưu giỏi –
/// Phục vụ tốt" for union officials), the 2024 and 2025 clusters (districts in a cluster led by Văn Lâm then Mỹ Hào,
/// the sectoral unions in a block; Văn Lâm's and Mỹ Hào's grassroots unions in their district's clusters), and the
/// Văn Lâm and Mỹ Hào subtrees' registrations: 2024 self-scored with evidence, reviewed and closed (ranked); 2025
/// registered, Mỹ Hào's units self-scored and waiting for review, Văn Lâm's not scored yet.
/// </summary>
internal sealed class EmulationSeeder(ParticipationDbContext db, IMediator mediator) : IModuleSeeder
{
    public int Order => 32;

    private static readonly Actor Province = new(null, "Ban Chính sách – Pháp luật LĐLĐ tỉnh");

    /// <summary>The workers' movement's criteria (the scale dataset's province-wide movement has the same).</summary>
    internal static readonly (string Name, decimal Max, string Evidence)[] WorkerCriteria =
    [
        ("Sáng kiến, cải tiến kỹ thuật được công nhận", 30m, "Giấy chứng nhận / quyết định công nhận sáng kiến"),
        ("Tuyên truyền, phổ biến KH,CN&ĐMST trong CNVCLĐ", 25m, "Báo cáo kết quả tuyên truyền, số người được tuyên truyền"),
        ("Đào tạo, bồi dưỡng kỹ năng nghề, phương pháp nghiên cứu", 20m, "Danh sách đoàn viên hoàn thành khoá học"),
        ("Báo cáo kết quả thực hiện đúng hạn", 25m, "Báo cáo năm nộp đúng hạn"),
    ];

    private static readonly (string Name, decimal Max, string Evidence)[] OfficialCriteria =
    [
        ("Chất lượng tham mưu cho cấp uỷ, chuyên môn", 40m, "Văn bản tham mưu được ban hành"),
        ("Phục vụ đoàn viên, người lao động", 40m, "Kết quả khảo sát mức độ hài lòng"),
        ("Tự học tập, nâng cao trình độ", 20m, "Chứng chỉ, giấy chứng nhận"),
    ];

    // Self-scores per unit and year (points on each criterion of the workers' movement), and the province's adjustment.
    private static readonly (string Unit, int Year, decimal[] Self, decimal[]? Reviewed, bool Late)[] Results =
    [
        ("VANLAM", 2024, [28m, 22m, 18m, 25m], [27m, 22m, 18m, 25m], false),
        ("MYHAO", 2024, [24m, 23m, 17m, 25m], [24m, 21m, 17m, 25m], true),
        ("VANLAM-DETMAYLACHONG", 2024, [30m, 20m, 15m, 25m], [30m, 20m, 15m, 25m], false),
        ("VANLAM-DIENTUNHUQUYNH", 2024, [27m, 18m, 19m, 25m], [26m, 18m, 19m, 25m], false),
        ("VANLAM-UBNDHUYEN", 2024, [10m, 24m, 16m, 20m], [10m, 22m, 16m, 20m], false),
        ("MYHAO-COKHIMINHDUC", 2024, [22m, 20m, 18m, 25m], [22m, 20m, 18m, 25m], false),
        ("MYHAO-NHUAPHONOI", 2024, [18m, 19m, 17m, 25m], [18m, 19m, 17m, 20m], false),
        ("VANLAM", 2025, [], null, false),
        ("MYHAO", 2025, [25m, 24m, 18m, 25m], null, false),
        ("VANLAM-DETMAYLACHONG", 2025, [], null, false),
        ("VANLAM-DIENTUNHUQUYNH", 2025, [], null, true),
        ("MYHAO-COKHIMINHDUC", 2025, [23m, 21m, 19m, 25m], null, false),
        ("MYHAO-NHUAPHONOI", 2025, [20m, 20m, 16m, 25m], null, false),
    ];

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Movements.AnyAsync(ct)) return;
        if (await mediator.Send(new GetRootUnit(), ct) is not { } root) return;
        var codes = new[] { "VANLAM", "MYHAO", "VANGIANG", "YENMY", "TPHY", "CDN-GD", "CDN-YT", "CDVC", "CDKCN" }
            .Concat(Results.Select(r => r.Unit)).Distinct();
        var units = new Dictionary<string, Guid>();
        foreach (var code in codes)
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units[code] = unit.Id;
        if (!units.ContainsKey("VANLAM") || !units.ContainsKey("MYHAO")) return;

        var workers = Movement.Launch(root.Id, new MovementDetails("Lao động giỏi – Lao động sáng tạo", MovementKind.Regular, MovementTarget.Both, 2024, 2025,
            null, null, new DateOnly(2024, 3, 31), ParticipantsMode.Subtree, [],
            WorkerCriteria.Select(c => new CriterionDetails(null, c.Name, c.Max, c.Evidence)).ToList()), Province);
        var officials = Movement.Launch(root.Id, new MovementDetails("Tham mưu giỏi – Phục vụ tốt", MovementKind.Regular, MovementTarget.Individuals, 2024, 2025,
            null, null, new DateOnly(2024, 3, 31), ParticipantsMode.Subtree, [],
            OfficialCriteria.Select(c => new CriterionDetails(null, c.Name, c.Max, c.Evidence)).ToList()), Province);
        db.Movements.AddRange(workers, officials);

        Guid U(string code) => units[code];
        List<Guid> Us(params string[] list) => list.Where(units.ContainsKey).Select(U).ToList();
        foreach (var (year, leader) in new[] { (2024, "VANLAM"), (2025, "MYHAO") })
        {
            db.Clusters.Add(EmulationCluster.Form(root.Id, year, "Cụm thi đua số 1 (các LĐLĐ huyện, thị xã phía Bắc)", ClusterKind.Cluster, U(leader),
                Us("VANLAM", "MYHAO", "VANGIANG", "YENMY")));
            var block = Us("CDN-GD", "CDN-YT", "CDVC", "CDKCN");
            if (block.Count > 0)
                db.Clusters.Add(EmulationCluster.Form(root.Id, year, "Khối các công đoàn ngành và tương đương", ClusterKind.Block, block[0], block));
            db.Clusters.Add(EmulationCluster.Form(U("VANLAM"), year, "Cụm CĐCS huyện Văn Lâm", ClusterKind.Cluster,
                U(year == 2024 ? "VANLAM-DETMAYLACHONG" : "VANLAM-DIENTUNHUQUYNH"), Us("VANLAM-DETMAYLACHONG", "VANLAM-DIENTUNHUQUYNH", "VANLAM-UBNDHUYEN")));
            db.Clusters.Add(EmulationCluster.Form(U("MYHAO"), year, "Cụm CĐCS thị xã Mỹ Hào", ClusterKind.Cluster, U("MYHAO-COKHIMINHDUC"),
                Us("MYHAO-COKHIMINHDUC", "MYHAO-NHUAPHONOI")));
        }

        var recognised = await db.Initiatives.IgnoreQueryFilters().Where(i => i.Status == InitiativeStatus.Recognised).ToListAsync(ct);
        var criteria = workers.Criteria.OrderBy(c => c.Order).ToList();
        foreach (var (code, year, self, reviewed, late) in Results.Where(r => units.ContainsKey(r.Unit)))
        {
            var registeredOn = late ? new DateOnly(year, 4, 12) : new DateOnly(year, 3, 10 + code.Length % 15);
            var registration = Registration.Register(workers, U(code), year,
                "100% đoàn viên đăng ký thi đua; mỗi CĐCS có ít nhất 01 sáng kiến được công nhận; tuyên truyền đến 90% CNVCLĐ",
                code.Contains('-') ? "Tập thể lao động tiên tiến" : "Cờ thi đua của LĐLĐ tỉnh", [], new Actor(null, "Cán bộ công đoàn"), registeredOn);
            db.Registrations.Add(registration);
            if (self.Length == 0) continue;
            var evidence = recognised.Where(i => i.UnitId == U(code)).Take(2)
                .Select(i => new EvidenceDetails(EvidenceKind.Initiative, i.Id, $"{i.Title} (GCN {i.CertificateNumber})", null)).ToList();
            var scoredAt = new DateTime(year, 11, 20, 3, 0, 0, DateTimeKind.Utc);
            registration.SelfScore(workers, criteria.Select((c, n) => new SelfScoreDetails(c.Id, self[n], null, n switch
            {
                0 => evidence.Count > 0 ? evidence : [new EvidenceDetails(EvidenceKind.Text, null, "Danh sách sáng kiến cấp cơ sở năm " + year, null)],
                3 => [new EvidenceDetails(EvidenceKind.Text, null, $"Báo cáo năm {year} nộp đúng hạn", null)],
                _ => [],
            })).ToList(), scoredAt);
            if (reviewed is null) continue;
            registration.Review(workers, criteria.Select((c, n) => new ReviewDetails(c.Id, reviewed[n],
                reviewed[n] == self[n] ? null : "Minh chứng chưa đủ so với mức điểm tự chấm")).ToList(), Province, scoredAt.AddDays(20));
        }
        workers.CloseYear(2024, Province, new DateTime(2024, 12, 28, 3, 0, 0, DateTimeKind.Utc));
        await db.SaveChangesAsync(ct);
    }
}
