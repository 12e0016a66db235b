using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Seeding;

/// <summary>
/// Two evaluation councils among the demo initiatives of Văn Lâm: one in progress for Lạc Hồng's "Móc treo bán thành
/// phẩm…" (two of five members have scored; the demo council member hoidong@hungyen.demo has not), and one closed for
/// Như Quỳnh's "Quy trình bàn giao ca bằng mã QR", recognised with 4 of 5 members agreeing. Members are real officials
/// of Văn Lâm; those without an e-mail get a demo address so that the council can be formed.
/// </summary>
internal sealed class CouncilSeeder(ParticipationDbContext db, IMediator mediator, TimeProvider clock) : IModuleSeeder
{
    public int Order => 31;

    public async Task SeedAsync(SeedOptions options, CancellationToken ct)
    {
        if (!options.Demo || await db.Councils.IgnoreQueryFilters().AnyAsync(ct)) return;
        var codes = new[] { "HY", "VANLAM", "VANLAM-DETMAYLACHONG", "VANLAM-DIENTUNHUQUYNH", "VANLAM-UBNDHUYEN" };
        var units = new Dictionary<string, Guid>();
        foreach (var code in codes)
            if (await mediator.Send(new FindUnitByCode(code), ct) is { } unit) units[code] = unit.Id;
        if (units.Count < codes.Length) return;
        var officials = (await mediator.Send(new GetOfficialsOfUnits([.. units.Values]), ct)).ToList();
        var expert = officials.FirstOrDefault(o => o.Email == "hoidong@hungyen.demo");
        var inProgress = await InitiativeAsync("Móc treo bán thành phẩm dùng lại từ ống sợi", ct);
        var closed = await InitiativeAsync("Quy trình bàn giao ca bằng mã QR", ct);
        if (expert is null || inProgress is null || closed is null) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var officer = "Vũ Thị Văn Lâm";
        var n = 0;
        CouncilSeat Seat(OfficialForNomination o, CouncilRole role) =>
            new(o.Id, o.FullName, o.Email ?? $"thanhvien{++n}.vanlam@hungyen.demo", o.Position, role);
        OfficialForNomination Of(string unit, int index) => officials.Where(o => o.UnitId == units[unit]).OrderBy(o => o.FullName, StringComparer.Ordinal).ElementAt(index);
        OfficialForNomination Named(string unit, string name) => officials.FirstOrDefault(o => o.UnitId == units[unit] && o.FullName == name) ?? Of(unit, 0);

        // In progress: Lạc Hồng's council, the demo council member not yet scored.
        var first = Council.Form(inProgress.UnitId, "Hội đồng sáng kiến CĐCS Dệt may Lạc Hồng đợt 1/2025", CouncilItemKind.Initiative,
            [Candidate(inProgress)],
            [Seat(Of("VANLAM", 0), CouncilRole.Chair), Seat(Of("VANLAM", 1), CouncilRole.ViceChair), Seat(Of("VANLAM-UBNDHUYEN", 0), CouncilRole.Secretary),
                Seat(Named("VANLAM-DETMAYLACHONG", "Phan Văn Kỹ thuật"), CouncilRole.UnionRepresentative), Seat(expert, CouncilRole.Expert)],
            null, officer, now.AddDays(-5));
        inProgress.SendToCouncil();
        Vote(first, 0, inProgress, true, now.AddDays(-3));
        Vote(first, 4, inProgress, true, now.AddDays(-2)); // the union representative; the expert (the demo account, seat 3) has not scored
        db.Councils.Add(first);

        // Closed: Như Quỳnh's council recognised its QR hand-over with 4 of 5.
        var second = Council.Form(closed.UnitId, "Hội đồng sáng kiến CĐCS Điện tử Như Quỳnh đợt 1/2025", CouncilItemKind.Initiative,
            [Candidate(closed)],
            [Seat(Of("VANLAM", 0), CouncilRole.Chair), Seat(Of("VANLAM", 1), CouncilRole.ViceChair), Seat(Of("VANLAM-UBNDHUYEN", 1), CouncilRole.Secretary),
                Seat(Named("VANLAM-DIENTUNHUQUYNH", "Trịnh Quốc Cải tiến"), CouncilRole.UnionRepresentative), Seat(expert, CouncilRole.Expert)],
            null, officer, now.AddDays(-20));
        closed.SendToCouncil();
        for (var m = 0; m < 5; m++) Vote(second, m, closed, m != 2, now.AddDays(-18 + m));
        var decisionDate = VietnamTime.Today(clock).AddDays(-10);
        var closedAt = now.AddDays(-10);
        second.Close("07/QĐ-CĐĐTNQ", decisionDate, "Tạ Văn Hành chính", closedAt);
        var item = second.Items[0];
        var council = new Actor(null, $"Hội đồng sáng kiến \"{second.Name}\"");
        closed.RecordCouncilFindings([.. second.Findings(item).Select(f => (Enum.Parse<RecognitionCondition>(f.Criterion), f.Met >= item.Needed,
            (string?)$"{f.Met}/5 thành viên đánh giá đạt"))], council, closedAt);
        closed.Recognise("07/QĐ-CĐĐTNQ", decisionDate, council, closedAt, byCouncil: true);
        db.Councils.Add(second);
        await db.SaveChangesAsync(ct);
    }

    private Task<Initiative?> InitiativeAsync(string title, CancellationToken ct) =>
        db.Initiatives.IgnoreQueryFilters().Include(i => i.Authors).Include(i => i.Conditions)
            .FirstOrDefaultAsync(i => i.Title == title && i.Status == InitiativeStatus.Submitted, ct);

    private static CouncilItemCandidate Candidate(Initiative i) =>
        new(CouncilItemKind.Initiative, i.Id, i.Title, i.Authors.Select(a => new ItemAuthor(a.FullName, a.Email)).ToList());

    private static void Vote(Council c, int member, Initiative i, bool agree, DateTime at)
    {
        var seat = c.Members.OrderBy(m => m.Order).ElementAt(member);
        c.Score(seat, c.Items[0], i.Authors.Select(a => new ItemAuthor(a.FullName, a.Email)).ToList(),
            Council.Criteria(c.ItemKind).Select(k => new Finding(k, agree || k != nameof(RecognitionCondition.BringsBenefit),
                agree ? "Đạt" : k == nameof(RecognitionCondition.BringsBenefit) ? "Chưa có số liệu làm lợi đủ tin cậy" : "Đạt")).ToList(),
            agree, agree ? "Đề nghị công nhận" : "Cần bổ sung số liệu hiệu quả", at);
    }
}
