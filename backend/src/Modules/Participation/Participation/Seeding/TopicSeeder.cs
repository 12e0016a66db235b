using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// The province's 2024 order of research topics (đặt hàng) with six proposals from its units; a five-member selection
/// council (the demo council member hoidong@hungyen.demo is an expert on it) selected three and did not select two —
/// the sixth is still submitted. Two selected topics are contracted and under way with milestones (Điện tử Như Quỳnh's on
/// time, UBND huyện's with a milestone past due: late), and Lạc Hồng's was accepted "Khá" by an acceptance council and
/// is applied. Scores follow rule set DT-2024.1 (a house rule). Milestone dates of the running topics are set from the
/// injected clock so that "late" stays true whatever day the demo is opened. No funding commitment is published for
/// the demo contracts (Finance's demo obligations stay as they are).
/// </summary>
internal sealed class TopicSeeder(ParticipationDbContext db, IMediator mediator, TimeProvider clock) : IModuleSeeder
{
    public int Order => 33;

    private sealed record Proposal(string UnitCode, string Title, string Field, string Objectives, string Products, int Months, decimal Union, decimal State,
        decimal Sponsor, int[] Points);

    private static readonly Proposal[] Proposals =
    [
        new("VANLAM-DETMAYLACHONG", "Giải pháp giảm tai nạn lao động trên dây chuyền may công nghiệp tại doanh nghiệp dệt may", "An toàn, vệ sinh lao động",
            "Xác định nguyên nhân tai nạn thường gặp; đề xuất bộ giải pháp kỹ thuật và tổ chức giảm tai nạn", "Báo cáo khảo sát; bộ giải pháp; quy trình an toàn cho tổ may", 12,
            60_000_000m, 40_000_000m, 20_000_000m, [8, 8, 7, 7]),
        new("VANLAM-DIENTUNHUQUYNH", "Ứng dụng cảm biến IoT giám sát vi khí hậu nơi làm việc tại phân xưởng điện tử", "Chuyển đổi số",
            "Giám sát nhiệt độ, độ ẩm, bụi theo thời gian thực; cảnh báo sớm cho công đoàn và người sử dụng lao động", "Hệ thống thử nghiệm; báo cáo đánh giá hiệu quả", 30,
            50_000_000m, 80_000_000m, 0m, [9, 8, 8, 8]),
        new("VANLAM-UBNDHUYEN", "Số hóa hồ sơ đoàn viên và quy trình kết nạp tại công đoàn cơ sở khối hành chính", "Chuyển đổi số",
            "Chuẩn hóa dữ liệu đoàn viên; rút ngắn thời gian kết nạp, chuyển sinh hoạt", "Cơ sở dữ liệu mẫu; quy trình số hóa; hướng dẫn sử dụng", 30,
            70_000_000m, 30_000_000m, 0m, [7, 8, 7, 7]),
        new("MYHAO", "Mô hình tư vấn pháp luật lưu động cho công nhân khu công nghiệp", "Chính sách, pháp luật",
            "Đưa tư vấn pháp luật đến nơi ở của công nhân", "Mô hình thí điểm; tài liệu tư vấn", 12, 40_000_000m, 0m, 10_000_000m, [6, 6, 7, 6]),
        new("TPHY", "Khảo sát đời sống, việc làm của lao động nữ trong doanh nghiệp may", "Đời sống, việc làm",
            "Đánh giá thu nhập, thời giờ làm việc, nhà ở của lao động nữ", "Báo cáo khảo sát; kiến nghị chính sách", 9, 35_000_000m, 0m, 0m, [6, 5, 6, 6]),
        new("YENMY", "Giải pháp tiết kiệm năng lượng trong dây chuyền chế biến thực phẩm", "Tiết kiệm năng lượng",
            "Giảm điện năng tiêu thụ của dây chuyền sấy", "Báo cáo giải pháp; số liệu tiết kiệm", 12, 45_000_000m, 0m, 30_000_000m, []),
    ];

    /// <summary>Each member's offset on "applicability", so that scores differ but the averages stay as planned.</summary>
    private static readonly int[] Spread = [0, 1, -1, 0, 0];

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.ResearchTopics.IgnoreQueryFilters().AnyAsync(ct)) return;
        string[] codes = ["HY", "VANLAM-DETMAYLACHONG", "VANLAM-DIENTUNHUQUYNH", "VANLAM-UBNDHUYEN", "MYHAO", "TPHY", "YENMY", "CDVC", "CDN-GD", "CDN-YT"];
        var units = new Dictionary<string, Guid>();
        foreach (var code in codes)
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units[code] = unit.Id;
        if (units.Count < codes.Length) return;
        var officials = (await mediator.Send(new GetOfficialsOfUnits([.. units.Values]), ct)).ToList();
        var expert = officials.FirstOrDefault(o => o.Email == "hoidong@hungyen.demo");
        List<OfficialForNomination> Of(string code) => officials.Where(o => o.UnitId == units[code]).OrderBy(o => o.FullName, StringComparer.Ordinal).ToList();
        if (expert is null || Proposals.Any(p => Of(p.UnitCode).Count < 2) || Of("CDVC").Count < 2 || Of("CDN-GD").Count < 1 || Of("CDN-YT").Count < 1) return;

        var today = VietnamTime.Today(clock);
        DateTime At(DateOnly d, int hour = 9) => d.ToDateTime(new TimeOnly(hour, 0)).AddHours(-7);
        var province = new Actor(null, "Nguyễn Văn Chính sách");
        var call = ResearchCall.Publish(units["HY"], new ResearchCallDetails(ResearchCallKind.Order, 2024,
            "Đặt hàng đề tài KH,CN&ĐMST năm 2024 của LĐLĐ tỉnh Hưng Yên", "An toàn lao động, chuyển đổi số, đời sống công nhân",
            "Giảm tai nạn lao động; chuyển đổi số trong hoạt động công đoàn; chăm lo đời sống, việc làm của đoàn viên", new DateOnly(2024, 3, 31),
            150_000_000m, TopicRules.InForceOn(new DateOnly(2024, 1, 1)).DefaultSelectionThreshold), province);
        db.ResearchCalls.Add(call);

        TopicPerson Person(OfficialForNomination o) => new(o.Id, o.FullName, o.Email, o.Position);
        var topics = new List<ResearchTopic>();
        for (var n = 0; n < Proposals.Length; n++)
        {
            var p = Proposals[n];
            var people = Of(p.UnitCode);
            var by = new Actor(null, people[0].FullName);
            var budget = new List<TopicBudget> { new(TopicFundingSource.UnionFunds, "Khảo sát, hội thảo, báo cáo", p.Union) };
            if (p.State > 0) budget.Add(new TopicBudget(TopicFundingSource.StateBudget, "Thiết bị, thử nghiệm", p.State));
            if (p.Sponsor > 0) budget.Add(new TopicBudget(TopicFundingSource.Sponsor, "Đối ứng của doanh nghiệp", p.Sponsor));
            var topic = ResearchTopic.Draft(units[p.UnitCode], call, new TopicDetails(p.Title, p.Field, Person(people[1]), [Person(people[0])], p.Objectives,
                p.Products, p.Months, budget), by, At(new DateOnly(2024, 3, 1 + n)));
            topic.Submit(call, new DateOnly(2024, 3, 15 + n), by, At(new DateOnly(2024, 3, 15 + n)));
            topics.Add(topic);
            db.ResearchTopics.Add(topic);
        }

        // The selection council of the province: five members, none of them a lead or member of a topic before it.
        var seatNo = 0;
        CouncilSeat Seat(OfficialForNomination o, CouncilRole role) => new(o.Id, o.FullName, o.Email ?? $"hddt{++seatNo}.tinh@hungyen.demo", o.Position, role);
        CouncilSeat[] seats =
        [
            Seat(Of("CDVC")[0], CouncilRole.Chair), Seat(Of("CDVC")[1], CouncilRole.ViceChair), Seat(Of("CDN-GD")[0], CouncilRole.Secretary),
            Seat(expert, CouncilRole.Expert), Seat(Of("CDN-YT")[0], CouncilRole.Expert),
        ];
        var judged = topics.Take(5).ToList();
        var formedOn = new DateOnly(2024, 4, 5);
        var selection = Council.Form(units["HY"], "Hội đồng tuyển chọn đề tài KH,CN&ĐMST đặt hàng năm 2024", CouncilItemKind.TopicSelection,
            [.. judged.Select(t => new CouncilItemCandidate(CouncilItemKind.TopicSelection, t.Id, t.Title, t.People))], seats, null, province.Name, At(formedOn));
        var selectionJudging = TopicJudging.For(CouncilItemKind.TopicSelection, formedOn, call);
        foreach (var t in judged) t.SendToCouncil(CouncilItemKind.TopicSelection, province, At(formedOn));
        ScoreAll(selection, judged, n => Proposals[n].Points, selectionJudging, new DateOnly(2024, 4, 10));
        var selectedOn = new DateOnly(2024, 4, 20);
        selection.Close("25/QĐ-LĐLĐ", selectedOn, seats[2].FullName, At(selectedOn, 15), selectionJudging);
        var byCouncil = new Actor(null, $"Hội đồng tuyển chọn \"{selection.Name}\"");
        foreach (var item in selection.Items)
            judged.Single(t => t.Id == item.ItemId).DecideSelection(item.Outcome == CouncilItemOutcome.Recognised, item.AverageScore!.Value, selectionJudging.Rules,
                "25/QĐ-LĐLĐ", selectedOn, byCouncil, At(selectedOn, 15));
        db.Councils.Add(selection);

        // Lạc Hồng's topic: contracted, done, accepted "Khá" and applied.
        var (accepted, onTime, late) = (topics[0], topics[1], topics[2]);
        var start = new DateOnly(2024, 6, 1);
        accepted.Contract("12/HĐ-LĐLĐ", new DateOnly(2024, 5, 10), start, new DateOnly(2025, 5, 31),
        [
            new("Khảo sát thực trạng tai nạn lao động", "Báo cáo khảo sát 5 tổ may", new DateOnly(2024, 9, 30)),
            new("Xây dựng bộ giải pháp", "Bộ giải pháp kỹ thuật và tổ chức", new DateOnly(2025, 2, 28)),
            new("Thử nghiệm và báo cáo tổng kết", "Báo cáo tổng kết", new DateOnly(2025, 5, 15)),
        ], province, At(new DateOnly(2024, 5, 10)));
        var lead = new Actor(null, accepted.LeadName);
        var done = new[] { new DateOnly(2024, 9, 25), new DateOnly(2025, 2, 20), new DateOnly(2025, 5, 10) };
        foreach (var (m, d) in accepted.Milestones.OrderBy(m => m.Order).Zip(done))
            accepted.ReportMilestone(m.Id, d, $"Đã hoàn thành: {m.Deliverable}", lead, At(d));
        var acceptanceFormed = new DateOnly(2025, 6, 2);
        var acceptance = Council.Form(units["HY"], "Hội đồng nghiệm thu đề tài \"Giải pháp giảm tai nạn lao động trên dây chuyền may\"", CouncilItemKind.TopicAcceptance,
            [new CouncilItemCandidate(CouncilItemKind.TopicAcceptance, accepted.Id, accepted.Title, accepted.People)], seats, null, province.Name, At(acceptanceFormed));
        var acceptanceJudging = TopicJudging.For(CouncilItemKind.TopicAcceptance, acceptanceFormed, call);
        accepted.SendToCouncil(CouncilItemKind.TopicAcceptance, province, At(acceptanceFormed));
        ScoreAll(acceptance, [accepted], _ => [7, 8, 7, 7], acceptanceJudging, new DateOnly(2025, 6, 10));
        var acceptedOn = new DateOnly(2025, 6, 16);
        acceptance.Close("41/QĐ-LĐLĐ", acceptedOn, seats[2].FullName, At(acceptedOn, 15), acceptanceJudging);
        accepted.DecideAcceptance(acceptance.Items[0].AverageScore!.Value, acceptanceJudging.Rules, "41/QĐ-LĐLĐ", acceptedOn,
            new Actor(null, $"Hội đồng nghiệm thu \"{acceptance.Name}\""), At(acceptedOn, 15));
        accepted.RecordApplication("Xưởng may 1 và 2, Công ty TNHH Dệt may Lạc Hồng", new DateOnly(2025, 7, 1),
            "Số vụ tai nạn lao động 6 tháng cuối năm 2025 giảm từ 7 xuống 2 vụ", lead, At(new DateOnly(2025, 7, 1)));
        db.Councils.Add(acceptance);

        // Two topics under way, dated from today: Như Quỳnh's on time, UBND huyện's with a milestone past due (late).
        var running = Min(start, today.AddMonths(-12));
        Contracted(onTime, "13/HĐ-LĐLĐ", running, today.AddMonths(8),
            [("Lắp đặt cảm biến thí điểm", today.AddMonths(-9), true), ("Vận hành và thu thập số liệu", today.AddMonths(2), false), ("Báo cáo đánh giá hiệu quả", today.AddMonths(7), false)],
            province);
        Contracted(late, "14/HĐ-LĐLĐ", running, today.AddMonths(6),
            [("Chuẩn hóa dữ liệu đoàn viên", today.AddMonths(-8), true), ("Triển khai phần mềm thử nghiệm", today.AddDays(-20), false), ("Hướng dẫn và tổng kết", today.AddMonths(5), false)],
            province);

        await db.SaveChangesAsync(ct);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static void Contracted(ResearchTopic topic, string number, DateOnly start, DateOnly end, (string Title, DateOnly Due, bool Done)[] milestones, Actor province)
    {
        DateTime At(DateOnly d) => d.ToDateTime(new TimeOnly(9, 0)).AddHours(-7);
        topic.Contract(number, start.AddDays(-20), start, end, [.. milestones.Select(m => new MilestonePlan(m.Title, $"Sản phẩm: {m.Title.ToLowerInvariant()}", m.Due))],
            province, At(start.AddDays(-20)));
        var lead = new Actor(null, topic.LeadName);
        foreach (var (m, plan) in topic.Milestones.OrderBy(m => m.Order).Zip(milestones))
            if (plan.Done) topic.ReportMilestone(m.Id, plan.Due.AddDays(-5), "Đã hoàn thành đúng hạn", lead, At(plan.Due.AddDays(-5)));
    }

    /// <summary>Every member scores every topic: the planned points, with <see cref="Spread"/> on applicability.</summary>
    private static void ScoreAll(Council council, IReadOnlyList<ResearchTopic> topics, Func<int, int[]> points, TopicJudging judging, DateOnly on)
    {
        var members = council.Members.OrderBy(m => m.Order).ToList();
        for (var n = 0; n < topics.Count; n++)
        {
            var item = council.Items.Single(i => i.ItemId == topics[n].Id);
            var planned = points(n);
            for (var m = 0; m < members.Count; m++)
            {
                var p = (int[])planned.Clone();
                p[1] = Math.Clamp(p[1] + Spread[m], TopicPoints.Min, TopicPoints.Max);
                council.Score(members[m], item, topics[n].People,
                    [.. Enum.GetValues<TopicCriterion>().Select((c, i) => new Finding(c.ToString(), true, null, p[i]))],
                    false, m == 3 ? "Đề tài có tính thực tiễn, cần làm rõ phương pháp đánh giá hiệu quả" : null,
                    on.ToDateTime(new TimeOnly(9 + m, 0)).AddHours(-7), judging);
            }
        }
    }
}
