using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// The recognition decision of a closed council as a Word document in the format of Decree 30/2020/NĐ-CP (issuing body
/// and number, national motto, place and date, title, the grounds, the articles listing what is recognised with its
/// conditions and what is not with the reasons, recipients, signature block); for a topic council its selection or
/// acceptance result; for an emulation council the minutes of its vote (members present, each proposal's form, votes for
/// and against, the share its form needs, the outcome). 409 <c>council_open</c> before closing.
/// </summary>
public sealed record DownloadCouncilDecision : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/councils/{id}/decision.docx";
    public Guid Id { get; init; }
    /// <summary>Place in the date line (default "Hưng Yên").</summary>
    public string? Place { get; init; }
}

internal sealed class DownloadCouncilDecisionValidator : AbstractValidator<DownloadCouncilDecision>
{
    public DownloadCouncilDecisionValidator() => RuleFor(x => x.Place).MaximumLength(100);
}

internal sealed class DownloadCouncilDecisionHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator)
    : IQueryHandler<DownloadCouncilDecision, GeneratedFile>
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>
    /// What every council document shares: the issuing unit under its parent, the closing number, the place (Hưng Yên
    /// unless one is given) and the decision date (the closing day without one). Each document adds its kind, title, body
    /// and signature with <c>with</c>.
    /// </summary>
    private static AdministrativeDocument CouncilDocument(Council c, string? parentName, string unitName, string? place) => new()
    {
        ParentBody = parentName?.ToUpper(Vi),
        IssuingBody = unitName.ToUpper(Vi),
        Number = c.DecisionNumber,
        Place = string.IsNullOrWhiteSpace(place) ? "Hưng Yên" : place.Trim(),
        Date = c.DecisionDate ?? DateOnly.FromDateTime(c.ClosedAtUtc ?? DateTime.UtcNow),
        Kind = "",
        Title = "",
        SignerTitle = "",
    };

    /// <summary>The closing number (or the council's id) as a file-name part: ASCII letters and digits, the rest dashes.</summary>
    private static string Slug(Council c) =>
        new((c.DecisionNumber ?? c.Id.ToString()).Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());

    public async ValueTask<GeneratedFile> Handle(DownloadCouncilDecision query, CancellationToken ct)
    {
        var c = await access.CouncilAsync(query.Id, ct, tracked: false);
        if (c.Status != CouncilStatus.Closed)
            throw new BusinessRuleException("council_open", Localized.Text("The decision exists once the council is closed.",
                "Quyết định chỉ có sau khi Hội đồng kết thúc phiên họp."));
        if (c.ItemKind == CouncilItemKind.Commendation) return await CommendationMinutesAsync(c, query.Place, ct);
        var ids = c.Items.Select(i => i.ItemId).ToList();
        if (c.JudgesTopics) return await TopicDecisionAsync(c, ids, query.Place, ct);
        var initiatives = await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Include(i => i.Authors).Include(i => i.Conditions).AsSplitQuery()
            .Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([c.UnitId]), ct)).FirstOrDefault();
        var parent = unit?.ParentId is { } p ? (await mediator.Send(new GetUnitSummaries([p]), ct)).FirstOrDefault() : null;
        var unitName = unit?.Name ?? "";

        var recognised = c.Items.Where(i => i.Outcome == CouncilItemOutcome.Recognised).OrderBy(i => i.Order).ToList();
        var refused = c.Items.Where(i => i.Outcome == CouncilItemOutcome.NotRecognised).OrderBy(i => i.Order).ToList();
        var body = new List<DocumentBlock>
        {
            new Paragraph("Căn cứ Nghị định số 13/2012/NĐ-CP ngày 02 tháng 3 năm 2012 của Chính phủ ban hành Điều lệ Sáng kiến;"),
            new Paragraph("Căn cứ Thông tư số 18/2013/TT-BKHCN ngày 01 tháng 8 năm 2013 của Bộ trưởng Bộ Khoa học và Công nghệ hướng dẫn thi hành một số quy định của Điều lệ Sáng kiến;"),
            new Paragraph($"Căn cứ kết quả đánh giá của Hội đồng sáng kiến \"{c.Name}\" ({c.Members.Count} thành viên; quyết định được thông qua khi có ít nhất {CouncilRules.AgreementNeeded(c.Members.Count)} thành viên đồng ý, theo Điều 8 Thông tư số 18/2013/TT-BKHCN);"),
            new Heading("QUYẾT ĐỊNH:"),
        };
        string Authors(Guid id) => initiatives.TryGetValue(id, out var i)
            ? string.Join(", ", i.Authors.OrderBy(a => a.Order).Select(a => $"{a.FullName} ({a.SharePercent.ToString("0.##", Vi)}%)")) : "";
        if (recognised.Count > 0)
        {
            body.Add(new Paragraph($"Điều 1. Công nhận sáng kiến đối với {recognised.Count} giải pháp sau đây, đã đáp ứng đủ các điều kiện tại khoản 1 Điều 3 Điều lệ Sáng kiến:"));
            body.Add(new Table(["STT", "Tên sáng kiến", "Tác giả (tỷ lệ đóng góp)", "Số giấy chứng nhận", "Ý kiến đồng ý"],
                recognised.Select((i, n) => (IReadOnlyList<string>)[(n + 1).ToString(Vi), i.Title, Authors(i.ItemId),
                    initiatives.GetValueOrDefault(i.ItemId)?.CertificateNumber ?? "", $"{i.Agree}/{c.Members.Count}"]).ToList(),
                new HashSet<int> { 0 }));
            foreach (var i in recognised)
            {
                body.Add(new Paragraph($"Kết quả đánh giá các điều kiện của sáng kiến \"{i.Title}\":"));
                body.Add(ConditionsTable(c, i, initiatives.GetValueOrDefault(i.ItemId)));
            }
        }
        var article = recognised.Count > 0 ? 2 : 1;
        if (refused.Count > 0)
        {
            body.Add(new Paragraph($"Điều {article}. Không công nhận sáng kiến đối với các giải pháp sau đây:"));
            body.Add(new Table(["STT", "Tên giải pháp", "Tác giả", "Lý do"],
                refused.Select((i, n) => (IReadOnlyList<string>)[(n + 1).ToString(Vi), i.Title, Authors(i.ItemId),
                    initiatives.GetValueOrDefault(i.ItemId)?.RefusalReasons ?? ""]).ToList(), new HashSet<int> { 0 }));
            article++;
        }
        if (recognised.Count > 0)
            body.Add(new Paragraph($"Điều {article++}. Tác giả sáng kiến và người tham gia tổ chức áp dụng sáng kiến lần đầu được hưởng thù lao theo Điều 10 Điều lệ Sáng kiến; tác giả được cấp Giấy chứng nhận sáng kiến theo số nêu tại Điều 1."));
        body.Add(new Paragraph($"Điều {article}. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng, các tác giả có tên tại Quyết định này và các bộ phận liên quan chịu trách nhiệm thi hành Quyết định này./."));

        var document = CouncilDocument(c, parent?.Name, unitName, query.Place) with
        {
            Kind = "Quyết định",
            Title = recognised.Count > 0 ? "Về việc công nhận sáng kiến" : "Về việc không công nhận sáng kiến",
            Body = body,
            Recipients = ["Như Điều " + article, "Các thành viên Hội đồng sáng kiến", "Lưu: VT"],
            SigningAuthority = "TM. Ban Chấp hành",
            SignerTitle = "Chủ tịch",
            SignerName = c.UnitHeadName,
        };
        var slug = Slug(c);
        return new GeneratedFile(document.ToDocx(), $"quyet-dinh-cong-nhan-sang-kien-{slug}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /// <summary>
    /// A topic council's decision: the selection result (each topic, its average weighted score against the call's
    /// threshold) or the acceptance result (each topic's rating band). The score rules are a house rule (TopicRules).
    /// </summary>
    private async Task<GeneratedFile> TopicDecisionAsync(Council c, List<Guid> ids, string? place, CancellationToken ct)
    {
        var topics = await db.ResearchTopics.IgnoreQueryFilters().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var judging = await CouncilItems.JudgingAsync(db, c, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([c.UnitId]), ct)).FirstOrDefault();
        var parent = unit?.ParentId is { } p ? (await mediator.Send(new GetUnitSummaries([p]), ct)).FirstOrDefault() : null;
        var selection = c.ItemKind == CouncilItemKind.TopicSelection;
        string Score(CouncilItem i) => i.AverageScore?.ToString("0.00", Vi) ?? "";
        var items = c.Items.OrderBy(i => i.Order).ToList();
        var body = new List<DocumentBlock>
        {
            new Paragraph($"Căn cứ kết quả đánh giá của Hội đồng {(selection ? "tuyển chọn" : "nghiệm thu")} đề tài \"{c.Name}\" ({c.Members.Count} thành viên; " +
                $"điểm trung bình có trọng số theo bộ tiêu chí {judging!.Rules.Code} — {TopicRules.HouseRuleBasis});"),
            new Heading("QUYẾT ĐỊNH:"),
            selection
                ? new Paragraph($"Điều 1. Phê duyệt kết quả tuyển chọn đề tài (ngưỡng {judging.PassMark.ToString("0.##", Vi)} điểm) như sau:")
                : new Paragraph("Điều 1. Công nhận kết quả nghiệm thu đề tài như sau:"),
            new Table(["STT", "Tên đề tài", "Chủ nhiệm", "Điểm trung bình", "Kết quả"],
                items.Select((i, n) => (IReadOnlyList<string>)[(n + 1).ToString(Vi), i.Title, topics.GetValueOrDefault(i.ItemId)?.LeadName ?? "", Score(i),
                    selection ? (i.Outcome == CouncilItemOutcome.Recognised ? "Được tuyển chọn" : "Không được tuyển chọn")
                        : TopicRules.RatingName(judging.Rules.RatingOf(i.AverageScore ?? 0))]).ToList(), new HashSet<int> { 0 }),
            new Paragraph("Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng, các chủ nhiệm đề tài có tên tại Quyết định này và các bộ phận liên quan chịu trách nhiệm thi hành Quyết định này./."),
        };
        var document = CouncilDocument(c, parent?.Name, unit?.Name ?? "", place) with
        {
            Kind = "Quyết định",
            Title = selection ? "Về việc phê duyệt kết quả tuyển chọn đề tài khoa học, công nghệ và đổi mới sáng tạo"
                : "Về việc công nhận kết quả nghiệm thu đề tài khoa học, công nghệ và đổi mới sáng tạo",
            Body = body,
            Recipients = ["Như Điều 2", "Các thành viên Hội đồng", "Lưu: VT"],
            SigningAuthority = "TM. Ban Thường vụ",
            SignerTitle = "Chủ tịch",
            SignerName = c.UnitHeadName,
        };
        var slug = Slug(c);
        return new GeneratedFile(document.ToDocx(), $"quyet-dinh-{(selection ? "tuyen-chon" : "nghiem-thu")}-de-tai-{slug}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /// <summary>
    /// An emulation council's document: the minutes of its vote (Biên bản họp Hội đồng Thi đua – Khen thưởng) in the same
    /// Decree 30/2020 layout, numbered with the number the secretary gave at closing. It decides nothing itself — the
    /// deciding unit's head decides each passed proposal (Law 06/2022/QH15 art. 90: the council advises) — so it records
    /// the members present, and per proposal its form, the votes for and against, the share its form needs of ALL seated
    /// members, and whether it passed.
    /// </summary>
    private async Task<GeneratedFile> CommendationMinutesAsync(Council c, string? place, CancellationToken ct)
    {
        var ids = c.Items.Select(i => i.ItemId).ToList();
        var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Nominees)
            .Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([c.UnitId]), ct)).FirstOrDefault();
        var parent = unit?.ParentId is { } p ? (await mediator.Send(new GetUnitSummaries([p]), ct)).FirstOrDefault() : null;
        var members = c.Members.OrderBy(m => m.Order).ToList();
        // Present: a member who cast a vote or declared a conflict on some proposal (the council records no attendance of its own).
        bool Present(CouncilMember m) => c.Scores.Any(s => s.MemberId == m.Id) || c.Conflicts.Any(x => x.MemberId == m.Id);
        var present = members.Where(Present).ToList();
        var items = c.Items.OrderBy(i => i.Order).ToList();
        var passed = items.Count(i => i.Outcome == CouncilItemOutcome.Recognised);
        string Share(CouncilItem i) => proposals.TryGetValue(i.ItemId, out var pr) ? CommendationRules.Form(pr.FormCode).Share.Name : VoteShare.SimpleMajority.Name;
        var body = new List<DocumentBlock>
        {
            new Paragraph($"Hội đồng Thi đua – Khen thưởng \"{c.Name}\" do {unit?.Name} thành lập ({members.Count} thành viên; Hội đồng là cơ quan tham mưu theo Điều 90 Luật Thi đua, khen thưởng số 06/2022/QH15) đã họp xét các đề nghị khen thưởng dưới đây."),
            new Heading($"I. THÀNH VIÊN DỰ HỌP: {present.Count}/{members.Count} thành viên"),
            new Table(["STT", "Họ và tên", "Chức vụ", "Nhiệm vụ trong Hội đồng", "Dự họp"],
                members.Select((m, n) => (IReadOnlyList<string>)[(n + 1).ToString(Vi), m.FullName, m.Position ?? "", FormCouncilHandler.RoleName(m.Role), Present(m) ? "Có mặt" : "Vắng"]).ToList(),
                new HashSet<int> { 0 }),
            new Heading("II. KẾT QUẢ BIỂU QUYẾT"),
            new Paragraph("Mỗi đề nghị đạt khi số thành viên đồng ý đạt tỷ lệ mà hình thức khen thưởng yêu cầu trên TỔNG SỐ thành viên Hội đồng; thành viên là người được đề nghị không biểu quyết đề nghị của mình."),
            new Table(["STT", "Đề nghị", "Hình thức khen thưởng", "Đồng ý", "Không đồng ý", "Tỷ lệ cần đạt", "Kết quả"],
                items.Select((i, n) =>
                {
                    var form = proposals.TryGetValue(i.ItemId, out var pr) ? CommendationRules.Form(pr.FormCode).Name : "";
                    var agree = i.Agree ?? 0;
                    return (IReadOnlyList<string>)[(n + 1).ToString(Vi), i.Title, form, agree.ToString(Vi), ((i.Votes ?? 0) - agree).ToString(Vi),
                        $"{Share(i)} (ít nhất {i.Needed}/{members.Count})", i.Outcome == CouncilItemOutcome.Recognised ? "Đạt" : "Không đạt"];
                }).ToList(), new HashSet<int> { 0, 3, 4 }),
            new Heading("III. KẾT LUẬN"),
            new Paragraph(passed > 0
                ? $"Hội đồng thống nhất đề nghị cấp có thẩm quyền quyết định khen thưởng đối với {passed}/{items.Count} đề nghị đạt tỷ lệ biểu quyết; {items.Count - passed} đề nghị không đạt."
                : $"Không đề nghị nào đạt tỷ lệ biểu quyết ({items.Count} đề nghị không đạt)."),
            new Paragraph("Cuộc họp kết thúc cùng ngày. Biên bản được lập thành văn bản, thông qua trước Hội đồng./."),
        };
        var chair = members.FirstOrDefault(m => m.Role == CouncilRole.Chair);
        var document = CouncilDocument(c, parent?.Name, unit?.Name ?? "", place) with
        {
            Kind = "Biên bản",
            Title = "Họp Hội đồng Thi đua – Khen thưởng xét đề nghị khen thưởng",
            Body = body,
            Recipients = ["Chủ tịch (để quyết định)", "Các thành viên Hội đồng", "Các đơn vị có đề nghị", "Lưu: VT"],
            SigningAuthority = "TM. Hội đồng Thi đua – Khen thưởng",
            SignerTitle = "Chủ tịch Hội đồng",
            SignerName = chair?.FullName,
        };
        var slug = Slug(c);
        return new GeneratedFile(document.ToDocx(), $"bien-ban-hoi-dong-thi-dua-khen-thuong-{slug}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private static Table ConditionsTable(Council c, CouncilItem item, Initiative? initiative) =>
        new(["Điều kiện", "Căn cứ", "Kết quả"],
            Enum.GetValues<RecognitionCondition>().Select(cond =>
            {
                var check = initiative?.Conditions.FirstOrDefault(x => x.Condition == cond);
                return (IReadOnlyList<string>)[ConditionName(cond), InitiativeViews.LegalBasisOf(cond),
                    check is null ? "" : $"{(check.Met ? "Đạt" : "Không đạt")} — {check.Note}"];
            }).ToList());

    public static string ConditionName(RecognitionCondition c) => c switch
    {
        RecognitionCondition.NewWithinUnit => "Có tính mới trong phạm vi cơ sở",
        RecognitionCondition.AppliedInUnit => "Đã được áp dụng hoặc áp dụng thử tại cơ sở",
        RecognitionCondition.BringsBenefit => "Có khả năng mang lại lợi ích thiết thực",
        _ => "Không thuộc đối tượng bị loại trừ",
    };
}

internal sealed class DownloadCouncilDecisionEndpoint(IMediator mediator) : GeneratedFileEndpoint<DownloadCouncilDecision>(mediator)
{
    public override void Configure()
    {
        Get(DownloadCouncilDecision.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Summary(s => s.Summary = "Download the decision of a closed council (an emulation council: the minutes of its vote) as a Decree 30 Word document (409 council_open)");
    }

}
