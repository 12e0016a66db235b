using Khcn.BuildingBlocks.Application;
using Khcn.Organization.Contracts;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// Commendations of the demo: for 2024 (closed and ranked), Văn Lâm's proposals decided by the province — "Tập thể lao
/// động xuất sắc" for Lạc Hồng (first of its cluster), "Tập thể lao động tiên tiến" for Như Quỳnh and the provincial
/// federation's Giấy khen for a Lạc Hồng official — each through the same rules, decision and prize path as the API
/// (the prize published to Finance), and "Lao động tiên tiến" for the demo member (registered for the movement in 2024
/// and 2025 here) — each passed first by the province's emulation council (<see cref="DecideAsync"/>); for 2025, Mỹ Hào's
/// Giấy khen proposal for Minh Đức waiting for the province (no council yet).
/// </summary>
internal sealed class CommendationSeeder(ParticipationDbContext db, CommendationFacts facts, IMediator mediator) : IModuleSeeder
{
    public int Order => 34;

    /// <summary>The demo member (doanvien@hungyen.demo), an official of Lạc Hồng.</summary>
    public const string MemberEmail = "doanvien@hungyen.demo";

    private static readonly Actor Officer = new(null, "Cán bộ thi đua – khen thưởng");
    private static readonly Actor Province = new(null, "Ban Chính sách – Pháp luật LĐLĐ tỉnh");

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.CommendationProposals.IgnoreQueryFilters().AnyAsync(ct)) return;
        async Task<Guid?> Unit(string code) => (await mediator.Send(new FindUnitByCode(code), ct))?.Id;
        if (await Unit("HY") is not { } root || await Unit("VANLAM") is not { } vanLam || await Unit("VANLAM-DETMAYLACHONG") is not { } lacHong
            || await Unit("VANLAM-DIENTUNHUQUYNH") is not { } nhuQuynh || await Unit("MYHAO") is not { } myHao || await Unit("MYHAO-COKHIMINHDUC") is not { } minhDuc) return;
        var lacHongOfficials = await mediator.Send(new GetOfficialsOfUnits([lacHong]), ct);
        var official = lacHongOfficials.OrderBy(o => o.FullName).FirstOrDefault();

        // The demo member (a Lạc Hồng official) is in Lạc Hồng's registrations of the workers' movement for 2024 and 2025,
        // so she holds "Lao động tiên tiến" 2024 ("Khen thưởng của tôi" is not empty) and may be proposed for 2025.
        var member = lacHongOfficials.FirstOrDefault(o => string.Equals(o.Email, MemberEmail, StringComparison.OrdinalIgnoreCase));
        if (member is not null)
        {
            var registrations = await db.Registrations.IgnoreQueryFilters().Include(r => r.People)
                .Where(r => r.UnitId == lacHong && (r.Year == 2024 || r.Year == 2025)).ToListAsync(ct);
            foreach (var r in registrations.Where(r => r.People.All(x => x.OfficialId != member.Id)))
                r.People.Add(new RegisteredPerson { RegistrationId = r.Id, OfficialId = member.Id, FullName = member.FullName, AimedTitle = "Lao động tiên tiến" });
            await db.SaveChangesAsync(ct);
            await ProposeAsync(vanLam, 2024, CommendationRules.Ldtt, "Hoàn thành tốt nhiệm vụ năm 2024; tích cực tham gia phong trào \"Lao động giỏi – Lao động sáng tạo\".",
                [new NomineeInput { OfficialId = member.Id }], (root, "24/QĐ-LĐLĐ", new DateOnly(2025, 1, 15)), ct);
        }

        await ProposeAsync(vanLam, 2024, CommendationRules.Ttldxs, "Xếp thứ nhất cụm thi đua các công đoàn cơ sở huyện Văn Lâm năm 2024; 3 sáng kiến được công nhận.",
            [new NomineeInput { UnitId = lacHong }], (root, "25/QĐ-LĐLĐ", new DateOnly(2025, 1, 15)), ct);
        await ProposeAsync(vanLam, 2024, CommendationRules.Ttldtt, "Hoàn thành tốt nhiệm vụ năm 2024, kết quả thi đua được LĐLĐ tỉnh thẩm định.",
            [new NomineeInput { UnitId = nhuQuynh }], (root, "26/QĐ-LĐLĐ", new DateOnly(2025, 1, 15)), ct);
        if (official is not null)
            await ProposeAsync(vanLam, 2024, CommendationRules.GiayKhen, "Tích cực tuyên truyền, vận động đoàn viên tham gia phong trào sáng kiến.",
                [new NomineeInput { OfficialId = official.Id }], (root, "27/QĐ-LĐLĐ", new DateOnly(2025, 1, 15)), ct);
        await ProposeAsync(myHao, 2025, CommendationRules.GiayKhen, "Dẫn đầu phong trào \"Lao động giỏi – Lao động sáng tạo\" năm 2025 của công đoàn thị xã Mỹ Hào.",
            [new NomineeInput { UnitId = minhDuc }], null, ct);
        await DecideAsync(root, ct);
        await db.SaveChangesAsync(ct);
    }

    private readonly List<(CommendationProposal Proposal, Guid Decider, string Number, DateOnly Date)> toDecide = [];

    private async Task ProposeAsync(Guid unitId, int year, string formCode, string achievements, IReadOnlyList<NomineeInput> nominees,
        (Guid Decider, string Number, DateOnly Date)? decision, CancellationToken ct)
    {
        var details = await facts.ResolveAsync(unitId, formCode, nominees, ct);
        var p = CommendationProposal.Draft(unitId, year, formCode, achievements, details, Officer, null);
        var set = CommendationRules.ForYear(year);
        var gathered = await facts.GatherAsync(unitId, year, formCode, details, p.Id, ct);
        var checks = p.Nominees.OrderBy(n => n.Order).Select((n, i) => (n.Id, Results: CommendationRules.Check(set, formCode, gathered[i])))
            .ToDictionary(x => x.Id, x => x.Results);
        // Demo data must stay consistent: a proposal the rules refuse is left out rather than forced.
        if (checks.Values.Any(r => r.Any(c => !c.Passed))) return;
        var submittedAt = new DateTime(year + 1, 1, 5, 2, 0, 0, DateTimeKind.Utc);
        p.Submit(set.Code, checks, null, submittedAt);
        if (decision is { } d) toDecide.Add((p, d.Decider, d.Number, d.Date));
        db.CommendationProposals.Add(p);
    }

    /// <summary>
    /// The province's emulation council (Hội đồng Thi đua – Khen thưởng) votes on the 2024 proposals it decides — every
    /// member agrees — and closes on 10/01/2025; each proposal is then approved through the same rule as the API (a passed
    /// vote), with its prize published to Finance. Members are province officials, the demo council member among them.
    /// </summary>
    private async Task DecideAsync(Guid root, CancellationToken ct)
    {
        if (toDecide.Count == 0) return;
        var units = new List<Guid> { root };
        foreach (var code in new[] { "CDVC", "CDN-GD", "CDN-YT" })
            if ((await mediator.Send(new FindUnitByCode(code), ct))?.Id is { } id) units.Add(id);
        var officials = (await mediator.Send(new GetOfficialsOfUnits([.. units]), ct)).OrderBy(o => o.FullName, StringComparer.Ordinal).ToList();
        var expert = officials.FirstOrDefault(o => string.Equals(o.Email, "hoidong@hungyen.demo", StringComparison.OrdinalIgnoreCase));
        var others = officials.Where(o => o.Id != expert?.Id).Take(expert is null ? 5 : 4).ToList();
        if (others.Count + (expert is null ? 0 : 1) < 5) return;
        var seatNo = 0;
        CouncilSeat Seat(OfficialForNomination o, CouncilRole role) => new(o.Id, o.FullName, o.Email ?? $"hdtdkt{++seatNo}.tinh@hungyen.demo", o.Position, role);
        CouncilSeat[] seats =
        [
            Seat(others[0], CouncilRole.Chair), Seat(others[1], CouncilRole.ViceChair), Seat(others[2], CouncilRole.Secretary),
            Seat(others[3], CouncilRole.Expert), Seat(expert ?? others[4], CouncilRole.Expert),
        ];
        var formedAt = new DateTime(2025, 1, 8, 2, 0, 0, DateTimeKind.Utc);
        var candidates = toDecide.Select(x => new CouncilItemCandidate(CouncilItemKind.Commendation, x.Proposal.Id,
            $"{CommendationRules.Form(x.Proposal.FormCode).Name} năm {x.Proposal.Year}: {string.Join(", ", x.Proposal.Nominees.Select(n => n.Name))}",
            x.Proposal.Nominees.Where(n => n.Kind == NomineeKind.Person).Select(n => new ItemAuthor(n.Name, n.Email, n.OfficialId)).ToList(),
            CommendationRules.Form(x.Proposal.FormCode).Share)).ToList();
        var council = Council.Form(root, "Hội đồng Thi đua – Khen thưởng LĐLĐ tỉnh: xét khen thưởng năm 2024", CouncilItemKind.Commendation,
            candidates, seats, null, Province.Name, formedAt);
        foreach (var item in council.Items)
            foreach (var (m, n) in council.Members.Select((m, n) => (m, n)))
                council.Vote(m, item, [], true, null, formedAt.AddDays(1).AddMinutes(n));
        council.Close("01/BB-HĐTĐKT", new DateOnly(2025, 1, 10), seats[2].FullName, formedAt.AddDays(2));
        db.Councils.Add(council);
        foreach (var (p, decider, number, date) in toDecide)
        {
            var item = council.Items.First(i => i.ItemId == p.Id);
            var verdict = new CouncilVerdict(council.Id, council.Name, council.Status, item.Outcome, council.Members.Count, item.Votes ?? 0, item.Agree ?? 0,
                item.Needed ?? 0, council.DecisionNumber, council.DecisionDate);
            var set = CommendationRules.ForYear(p.Year);
            var form = CommendationRules.Form(p.FormCode);
            var decidedAt = p.SubmittedAtUtc!.Value.AddDays(10);
            p.Approve(decider, number, date, "Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên", null, verdict, form.Share,
                n => CommendationRules.Prize(set, p.FormCode, n.Kind, date), Province, decidedAt);
            db.Publish(new CommendationAwarded(Guid.CreateVersion7(), decidedAt, p.Id, p.UnitId, decider, p.Year, p.FormCode, form.Name, number, date,
                p.Issuer!, set.Code, set.For(p.FormCode).PrizeBasis, p.PrizeTotal,
                p.Nominees.Select(n => new AwardedHonouree(n.Kind.ToString(), n.OfficialId, n.NomineeUnitId, n.Name, n.Email, n.Prize ?? 0m)).ToList()));
        }
    }
}
