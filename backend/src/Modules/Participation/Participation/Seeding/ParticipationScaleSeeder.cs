using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Participation.Seeding;

/// <summary>
/// Participation's part of the province-scale benchmark dataset (<c>Seed:Scale=true</c>, `make seed-scale`): about
/// <c>Seed:ScaleInitiatives</c> (20,000) workers' initiatives spread over the grassroots unions of the hierarchy, in
/// every state a recognising officer leaves them (drafts, submitted — some with conditions checked —, withdrawn,
/// recognised with their yearly benefit and rule set, not recognised), applied or trial-applied over the last three
/// years; and about <c>Seed:ScaleTopics</c> (2,000) research topics under six provincial calls (an order and an open
/// call for each of the last three years), from proposals to selection, contract, milestones, acceptance and
/// application. The selection and acceptance decisions are recorded on the topics only (no council records: the
/// benchmarks read lists and figures). Everything goes through the domain (shares total 100, exact VND, folded search
/// text); deterministic (fixed random seeds); each part skipped when already there; saved in batches with the change
/// tracker cleared between them.
/// </summary>
internal sealed class ParticipationScaleSeeder(ParticipationDbContext db, IMediator mediator, TimeProvider clock, ILogger<ParticipationScaleSeeder> log)
    : IModuleSeeder
{
    private const int Batch = 500;
    private const string ScaleMail = "@scale.demo";
    private static readonly Actor Seed = new(null, "Scale seed");

    private static readonly string[] Surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Trịnh", "Lương"];
    private static readonly string[] Middles = ["Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Xuân"];
    private static readonly string[] Givens = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn"];

    private static readonly string[] Actions = ["Cải tiến", "Tự động hóa", "Chuẩn hóa", "Số hóa", "Thiết kế lại", "Tận dụng", "Giảm hao hụt ở", "Rút ngắn thời gian", "Nâng cao độ bền", "Lắp thêm cảm biến cho"];
    private static readonly string[] Objects = ["đồ gá hàn", "băng tải", "máy dệt", "khuôn ép nhựa", "dây chuyền may", "lò sấy", "quy trình bàn giao ca", "kho vật tư", "hệ thống chiếu sáng", "máy nén khí", "bàn cắt vải", "phiếu kiểm tra chất lượng"];
    private static readonly string[] Places = ["phân xưởng 1", "phân xưởng 2", "tổ cắt", "tổ bảo trì", "dây chuyền lắp ráp", "bộ phận QC", "kho thành phẩm", "xưởng sơn", "nhà ăn ca", "văn phòng công đoàn"];
    private static readonly string[] Fields = ["Dệt may", "Điện tử", "Cơ khí", "Năng lượng", "Quản lý sản xuất", "Quản lý chất lượng", "An toàn lao động", "Hành chính", "Chuyển đổi số", "Logistics"];

    private static readonly string[] TopicFields = ["An toàn, vệ sinh lao động", "Chuyển đổi số", "Đời sống, việc làm", "Chính sách, pháp luật", "Tiết kiệm năng lượng", "Phát triển đoàn viên"];
    private static readonly string[] TopicSubjects =
    [
        "Giải pháp giảm tai nạn lao động", "Mô hình tư vấn pháp luật cho công nhân", "Ứng dụng công nghệ số trong quản lý đoàn viên", "Khảo sát đời sống lao động nữ",
        "Giải pháp nhà ở cho công nhân", "Nâng cao chất lượng thương lượng tập thể", "Tiết kiệm điện năng trong sản xuất", "Phát triển đoàn viên trong doanh nghiệp ngoài nhà nước",
    ];
    private static readonly string[] TopicScopes = ["khu công nghiệp", "doanh nghiệp dệt may", "doanh nghiệp điện tử", "khối hành chính sự nghiệp", "doanh nghiệp FDI", "làng nghề"];

    public int Order => 70;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || !options.Scale) return;
        var seedInitiatives = options.ScaleInitiatives > 0
            && !await db.Initiatives.IgnoreQueryFilters().AnyAsync(i => i.FiledByEmail != null && i.FiledByEmail.EndsWith(ScaleMail), ct);
        var seedTopics = options.ScaleTopics > 0 && !await db.ResearchCalls.IgnoreQueryFilters().AnyAsync(c => c.PublishedBy == Seed.Name, ct);
        if (!seedInitiatives && !seedTopics) return;

        var root = await mediator.Send(new GetRootUnit(), ct) ?? throw new InvalidOperationException("No root unit to seed initiatives for.");
        var ids = (await mediator.Send(new GetSubtreeUnitIds(root.Id), ct)).Select(u => u.UnitId).ToList();
        var units = (await mediator.Send(new GetUnitSummaries(ids), ct)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var grassroots = units.Where(u => u.Kind == UnitKind.Grassroots).Select(u => u.Id).ToList();
        if (grassroots.Count == 0) return;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        if (seedInitiatives) await InitiativesAsync(options.ScaleInitiatives, grassroots, ct);
        if (seedTopics) await TopicsAsync(options.ScaleTopics, root.Id, units.Where(u => u.ParentId != null).Select(u => u.Id).ToList(), ct);
    }

    /// <summary>The initiatives: about 12% drafts, 15% submitted (a third of them with the conditions half checked), 5% withdrawn, 10% not recognised, the rest recognised.</summary>
    private async Task InitiativesAsync(int count, IReadOnlyList<Guid> grassroots, CancellationToken ct)
    {
        var random = new Random(1312);
        var today = VietnamTime.Today(clock);
        var kinds = Enum.GetValues<InitiativeKind>();
        var all = Enum.GetValues<RecognitionCondition>();
        for (var n = 1; n <= count; n++)
        {
            var authors = Authors(random);
            var kind = kinds[random.Next(kinds.Length)];
            var place = Places[random.Next(Places.Length)];
            var since = today.AddMonths(-random.Next(2, 40)).AddDays(-random.Next(0, 28));
            var benefit = kind == InitiativeKind.Management && random.Next(4) == 0 ? 0m : random.Next(5, 600) * 500_000m;
            var filer = authors[0];
            var initiative = Initiative.Draft(grassroots[random.Next(grassroots.Count)], new InitiativeDetails(
                $"{Actions[random.Next(Actions.Length)]} {Objects[random.Next(Objects.Length)]} tại {place}", Fields[random.Next(Fields.Length)], kind,
                "Năng suất thấp, sai sót và hao hụt vật tư ở công đoạn hiện tại", "Làm thủ công theo cách cũ",
                "Giải pháp do tập thể tác giả đề xuất, đã thử nghiệm và áp dụng tại đơn vị", $"Công đoàn cơ sở, {place}", since,
                since > today.AddMonths(-6) && random.Next(3) == 0, benefit,
                benefit == 0 ? "Giảm thời gian đi lại, cải thiện điều kiện làm việc" : "Cải thiện điều kiện làm việc, giảm sai sót",
                "Tổ trưởng và tổ kỹ thuật của bộ phận áp dụng", true, authors),
                new Actor(null, filer.FullName), $"tacgia{n:00000}{ScaleMail}");
            db.Initiatives.Add(initiative);

            var roll = random.Next(100);
            if (roll >= 12)
            {
                var submittedOn = Min(since.AddDays(random.Next(20, 120)), today);
                initiative.Submit(At(submittedOn, 2));
                var decidedOn = Min(submittedOn.AddDays(random.Next(15, 75)), today);
                var decidedAt = At(decidedOn, 3);
                if (roll < 27)
                {
                    if (roll < 17)
                        initiative.RecordConditions([(RecognitionCondition.NewWithinUnit, true, "Chưa có giải pháp tương tự tại đơn vị"),
                            (RecognitionCondition.NotExcluded, true, null)], Seed, decidedAt);
                }
                else if (roll < 32)
                    initiative.Withdraw("Tác giả bổ sung số liệu hiệu quả, sẽ nộp lại");
                else if (roll < 42)
                {
                    initiative.RecordConditions([.. all.Select(c => (c, c != RecognitionCondition.NewWithinUnit, c == RecognitionCondition.NewWithinUnit
                        ? "Giải pháp đã được áp dụng tại đơn vị từ trước" : (string?)null))], Seed, decidedAt);
                    initiative.Refuse("Không đáp ứng điều kiện tính mới trong phạm vi cơ sở (Điều 3 Nghị định 13/2012/NĐ-CP).", decidedOn, Seed, decidedAt);
                }
                else
                {
                    initiative.RecordConditions([.. all.Select(c => (c, true, (string?)"Hội đồng sáng kiến xác nhận đạt"))], Seed, decidedAt);
                    initiative.Recognise($"{n:00000}/{decidedOn.Year}/CN-QM", decidedOn, Seed, decidedAt);
                }
            }
            if (n % Batch == 0) await SaveAsync(ct);
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Count} initiatives added", count);
    }

    /// <summary>One to four authors with shares totalling exactly 100 (some in hundredths).</summary>
    private static List<AuthorShare> Authors(Random random)
    {
        decimal[][] splits = [[100m], [60m, 40m], [50m, 50m], [70m, 30m], [50m, 30m, 20m], [33.34m, 33.33m, 33.33m], [40m, 20m, 20m, 20m], [25m, 25m, 25m, 25m]];
        var split = splits[random.Next(splits.Length)];
        var names = new HashSet<string>();
        while (names.Count < split.Length) names.Add(Name(random));
        return [.. names.Zip(split, (name, share) => new AuthorShare(name, null, random.Next(3) == 0 ? "Tổ trưởng" : null, share))];
    }

    /// <summary>
    /// Six calls of the province (an order and an open call for each of the last three years) and the topics proposed
    /// against them by the units below; how far a topic went depends on its call's year and its contract period.
    /// </summary>
    private async Task TopicsAsync(int count, Guid provinceId, IReadOnlyList<Guid> proposers, CancellationToken ct)
    {
        var random = new Random(2033);
        var today = VietnamTime.Today(clock);
        var calls = new List<ResearchCall>();
        for (var year = today.Year - 2; year <= today.Year; year++)
            foreach (var kind in Enum.GetValues<ResearchCallKind>())
            {
                var rules = TopicRules.InForceOn(new DateOnly(year, 1, 1));
                calls.Add(ResearchCall.Publish(provinceId, new ResearchCallDetails(kind, year,
                    $"{(kind == ResearchCallKind.Order ? "Đặt hàng" : "Thông báo tuyển chọn")} đề tài KH,CN&ĐMST năm {year} (quy mô)",
                    string.Join(", ", TopicFields), "An toàn lao động, chuyển đổi số, đời sống công nhân", new DateOnly(year, 3, 31), 300_000_000m,
                    rules.DefaultSelectionThreshold), Seed));
            }
        db.ResearchCalls.AddRange(calls);
        await SaveAsync(ct);

        for (var n = 1; n <= count; n++)
        {
            var call = calls[random.Next(calls.Count)];
            var year = call.Year;
            var people = new HashSet<string>();
            while (people.Count < 1 + random.Next(2, 5)) people.Add(Name(random));
            var persons = people.Select(p => new TopicPerson(NextGuid(random), p, null, random.Next(2) == 0 ? "Cán bộ công đoàn" : "Chuyên viên")).ToList();
            var union = random.Next(4, 30) * 5_000_000m;
            var budget = new List<TopicBudget> { new(TopicFundingSource.UnionFunds, "Khảo sát, hội thảo, báo cáo", union) };
            if (random.Next(3) == 0) budget.Add(new TopicBudget(TopicFundingSource.StateBudget, "Thiết bị, thử nghiệm", random.Next(2, 20) * 5_000_000m));
            if (random.Next(4) == 0) budget.Add(new TopicBudget(TopicFundingSource.Sponsor, "Đối ứng của doanh nghiệp", random.Next(1, 10) * 5_000_000m));
            var months = random.Next(6, 25);
            var draftedOn = new DateOnly(year, 2, 1).AddDays(random.Next(0, 28));
            var topic = ResearchTopic.Draft(proposers[random.Next(proposers.Count)], call, new TopicDetails(
                $"{TopicSubjects[random.Next(TopicSubjects.Length)]} tại {TopicScopes[random.Next(TopicScopes.Length)]} ({n:0000})",
                TopicFields[random.Next(TopicFields.Length)], persons[0], persons[1..], "Đánh giá thực trạng; đề xuất giải pháp và thử nghiệm tại đơn vị",
                "Báo cáo khảo sát; bộ giải pháp; báo cáo tổng kết", months, budget), Seed, At(draftedOn, 9));
            db.ResearchTopics.Add(topic);
            Advance(topic, call, random, today);
            if (n % Batch == 0) await SaveAsync(ct);
        }
        await SaveAsync(ct);
        log.LogInformation("Scale seed: {Calls} research calls, {Count} research topics added", calls.Count, count);
    }

    /// <summary>Moves a drafted topic along: about 8% stay drafts, 6% withdrawn, 8% submitted, 5% before the selection council, 25% not selected, the rest selected and on.</summary>
    private static void Advance(ResearchTopic topic, ResearchCall call, Random random, DateOnly today)
    {
        var roll = random.Next(100);
        if (roll < 8) return;
        var submittedOn = new DateOnly(call.Year, 3, 1).AddDays(random.Next(0, 30));
        topic.Submit(call, submittedOn, Seed, At(submittedOn, 9));
        if (roll < 14)
        {
            topic.Withdraw("Đơn vị đề xuất rút để hoàn thiện thuyết minh", Seed, At(submittedOn.AddDays(3), 9));
            return;
        }
        if (roll < 22) return;
        var formedOn = new DateOnly(call.Year, 4, 5);
        var council = new Actor(null, $"Hội đồng tuyển chọn đề tài năm {call.Year} (quy mô)");
        topic.SendToCouncil(CouncilItemKind.TopicSelection, Seed, At(formedOn, 9));
        if (roll < 27) return;
        var selectedOn = new DateOnly(call.Year, 4, 20);
        var rules = TopicRules.InForceOn(selectedOn);
        var selected = roll >= 52;
        var score = selected ? call.PassThreshold + random.Next(0, 250) / 100m : call.PassThreshold - random.Next(1, 300) / 100m;
        topic.DecideSelection(selected, score, rules, $"{call.Year % 100:00}/QĐ-LĐLĐ", selectedOn, council, At(selectedOn, 15));
        if (!selected || random.Next(10) == 0) return;

        var start = new DateOnly(call.Year, 6, 1);
        var end = start.AddMonths(topic.DurationMonths).AddDays(-1);
        var span = end.DayNumber - start.DayNumber;
        var milestones = new[] { 1, 2, 3 }.Select(k => new MilestonePlan($"Giai đoạn {k}", $"Sản phẩm giai đoạn {k}", start.AddDays(span * k / 3))).ToList();
        topic.Contract($"{call.Year % 100:00}-{random.Next(1, 999):000}/HĐ-LĐLĐ", new DateOnly(call.Year, 5, 10), start, end, milestones, Seed, At(new DateOnly(call.Year, 5, 10), 9));
        var lead = new Actor(null, topic.LeadName);
        var late = random.Next(5) == 0;
        foreach (var m in topic.Milestones.OrderBy(m => m.Order).ToList())
        {
            if (m.DueDate > today || (late && m.DueDate > today.AddMonths(-3))) break;
            var done = m.DueDate.AddDays(-random.Next(0, 10));
            topic.ReportMilestone(m.Id, done, $"Đã hoàn thành: {m.Deliverable}", lead, At(done, 9));
        }
        if (topic.Milestones.Any(m => m.CompletedOn is null) || end.AddDays(30) > today) return;

        var acceptanceOn = end.AddDays(random.Next(10, 30));
        topic.SendToCouncil(CouncilItemKind.TopicAcceptance, Seed, At(acceptanceOn, 9));
        if (random.Next(10) == 0) return;
        var acceptanceRules = TopicRules.InForceOn(acceptanceOn);
        var average = random.Next(10) == 0 ? random.Next(300, 500) / 100m : random.Next(500, 960) / 100m;
        topic.DecideAcceptance(average, acceptanceRules, $"{acceptanceOn.Year % 100:00}/QĐ-NT", acceptanceOn,
            new Actor(null, $"Hội đồng nghiệm thu năm {acceptanceOn.Year} (quy mô)"), At(acceptanceOn, 15));
        if (topic.Status != TopicStatus.Accepted || random.Next(2) == 0) return;
        var appliedOn = acceptanceOn.AddDays(random.Next(10, 60));
        if (appliedOn > today) return;
        topic.RecordApplication("Các công đoàn cơ sở trong phạm vi đề tài", appliedOn, "Kết quả được áp dụng, giảm sự cố và tăng số đoàn viên", lead, At(appliedOn, 9));
    }

    private static string Name(Random random) =>
        $"{Surnames[random.Next(Surnames.Length)]} {Middles[random.Next(Middles.Length)]} {Givens[random.Next(Givens.Length)]}";

    private static Guid NextGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>A Vietnam date and hour as UTC.</summary>
    private static DateTime At(DateOnly day, int hour) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(hour, 0)) - VietnamTime.Offset, DateTimeKind.Utc);

    private async Task SaveAsync(CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
