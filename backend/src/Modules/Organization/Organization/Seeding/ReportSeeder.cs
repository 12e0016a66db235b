using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Integrations;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Seeding;

/// <summary>
/// Demo reporting: the two previous years' periods (closed, most reports accepted, a few late or missing) and the
/// current year's period with its deadline six days ahead (some units submitted, Văn Lâm district not yet), so the
/// synthesis, the reminders and the submit flow all have something to show.
/// </summary>
internal sealed class ReportSeeder(OrganizationDbContext db, ReportPrefill prefill, TimeProvider clock) : IModuleSeeder
{
    public int Order => 17;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.ReportPeriods.IgnoreQueryFilters().AnyAsync(ct)) return;
        var root = await db.Units.IgnoreQueryFilters().FirstOrDefaultAsync(u => u.ParentId == null, ct);
        if (root is null) return;
        var units = await db.Units.IgnoreQueryFilters().Where(u => u.ParentId != null && u.Status == UnitStatus.Active)
            .OrderBy(u => u.Path).ToListAsync(ct);
        var today = VietnamTime.Today(clock);

        for (var year = today.Year - 2; year <= today.Year; year++)
        {
            var current = year == today.Year;
            var deadline = current ? today.AddDays(6) : new DateOnly(year, 12, 15);
            var period = ReportPeriod.Create(root.Id, year, $"Báo cáo kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {year}", deadline,
                ReportPeriodRules.ToDefinitions(null));
            db.ReportPeriods.Add(period);
            var random = new Random(year);
            foreach (var unit in units)
            {
                var roll = random.Next(100);
                var outcome = current ? CurrentOutcome(unit, roll) : roll < 8 ? "missing" : roll < 18 ? "late" : "accepted";
                if (outcome == "missing") continue;
                var report = AnnualReport.Start(period.Id, unit.Id);
                report.Fill(await ValuesAsync(period, unit, random, ct));
                db.Reports.Add(report);
                if (outcome == "draft") continue;
                var submittedOn = outcome == "late" ? deadline.AddDays(random.Next(2, 20)) : deadline.AddDays(-random.Next(1, 10));
                if (current) submittedOn = today.AddDays(-random.Next(0, 3));
                var at = submittedOn.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc);
                report.Submit(at, submittedOn, deadline, "demo@hungyen.demo");
                if (outcome is "accepted" or "late") report.Accept(null, at.AddDays(3), "cspl@hungyen.demo");
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>This year: Văn Lâm district itself has not started (the demo's walk-through), its grassroots have; others vary.</summary>
    private static string CurrentOutcome(UnionUnit unit, int roll) => unit.Code switch
    {
        "VANLAM" => "missing",
        "MYHAO" => "submitted",
        _ when unit.Code.StartsWith("VANLAM-", StringComparison.Ordinal) => "submitted",
        _ => roll < 35 ? "submitted" : roll < 55 ? "draft" : "missing",
    };

    private static readonly string[] Difficulties =
    [
        "Kinh phí dành cho hoạt động KH,CN&ĐMST còn hạn chế, chủ yếu từ nguồn tài chính công đoàn.",
        "Cán bộ công đoàn kiêm nhiệm nhiều việc, ít thời gian theo dõi, tham mưu về KH,CN&ĐMST.",
        "Người lao động còn ngại đăng ký sáng kiến vì thủ tục công nhận phức tạp.",
        "Một số doanh nghiệp chưa quan tâm phối hợp với công đoàn trong phong trào Lao động sáng tạo.",
    ];

    private static readonly string[] Proposals =
    [
        "Đề nghị LĐLĐ tỉnh mở thêm lớp bồi dưỡng phương pháp nghiên cứu khoa học cho cán bộ công đoàn cơ sở.",
        "Đề nghị bố trí kinh phí hỗ trợ đăng ký bảo hộ sở hữu trí tuệ cho sáng kiến của người lao động.",
        "Đề nghị phối hợp với Sở KH&CN đặt hàng đề tài về quan hệ lao động trong các khu công nghiệp.",
        "Đề nghị tăng mức khen thưởng cho cá nhân có sáng kiến được áp dụng rộng rãi.",
    ];

    /// <summary>Demo answers to the standard narrative indicators; some units leave difficulties and proposals blank.</summary>
    private static string? Narrative(string code, UnionUnit unit, int year, Random random) => code switch
    {
        "highlights" => $"{unit.Name} tổ chức tuyên truyền, phát động phong trào Lao động sáng tạo năm {year}.",
        "difficulties" when random.Next(3) > 0 => Difficulties[random.Next(Difficulties.Length)],
        "proposals" when random.Next(2) > 0 => Proposals[random.Next(Proposals.Length)],
        _ => null,
    };

    /// <summary>Where Training knew nothing, the typed "officials trained" split between two subjects, so the breakdown adds up.</summary>
    private static void SplitBySubject(Dictionary<string, (decimal? Number, string? Text)> values, Dictionary<string, decimal> known)
    {
        const string expertise = "officials_trained_expertise", research = "officials_trained_research_methods";
        if (known.ContainsKey("officials_trained") || !values.TryGetValue("officials_trained", out var trained) || trained.Number is not { } total
            || !values.ContainsKey(expertise) || !values.ContainsKey(research)) return;
        var half = decimal.Ceiling(total / 2);
        values[expertise] = (half, null);
        values[research] = (total - half, null);
    }

    /// <summary>
    /// Where Finance knew nothing (it is seeded after the reports), the typed funding as approved, paid from union funds
    /// and settled in full, so the "Trong đó" lines add up to it.
    /// </summary>
    private static void SplitFunding(Dictionary<string, (decimal? Number, string? Text)> values, Dictionary<string, decimal> known)
    {
        if (known.ContainsKey("funding") || !values.TryGetValue("funding", out var paid) || paid.Number is null) return;
        foreach (var code in new[] { "funding_approved", "funding_union_funds", "funding_settled" })
            if (!known.ContainsKey(code) && values.ContainsKey(code)) values[code] = paid;
    }

    private async Task<Dictionary<string, (decimal?, string?)>> ValuesAsync(ReportPeriod period, UnionUnit unit, Random random, CancellationToken ct)
    {
        var upper = unit.Kind != UnitKind.Grassroots;
        var known = await prefill.ForUnitAsync(period.Indicators.Select(i => (i.Code, i.Source)), unit.Id, period.Year, ct);
        var values = new Dictionary<string, (decimal?, string?)>();
        foreach (var i in period.Indicators)
        {
            if (i.Kind == IndicatorKind.Text)
            {
                values[i.Code] = (null, Narrative(i.Code, unit, period.Year, random));
                continue;
            }
            values[i.Code] = (known.TryGetValue(i.Code, out var k) ? k : i.Code switch
            {
                "campaigns" => random.Next(1, upper ? 12 : 4),
                "people_reached" => random.Next(50, upper ? 3000 : 600),
                "courses_held" => random.Next(0, upper ? 4 : 2),
                "officials_trained" => random.Next(0, upper ? 25 : 5),
                "initiatives_submitted" => random.Next(0, upper ? 30 : 8),
                "initiatives_recognised" => random.Next(0, upper ? 12 : 4),
                "initiative_benefit" => random.Next(0, 50) * 10_000_000m,
                "topics_ordered" => random.Next(0, upper ? 3 : 1),
                "topics_accepted" => random.Next(0, upper ? 2 : 1),
                "people_honoured" => random.Next(0, upper ? 20 : 5),
                "collectives_honoured" => random.Next(0, upper ? 5 : 2),
                "funding" => random.Next(0, upper ? 40 : 10) * 5_000_000m,
                _ => 0,
            }, null);
        }
        SplitBySubject(values, known);
        SplitFunding(values, known);
        return values;
    }
}
