using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// The commendation decision (Quyết định khen thưởng) of an approved proposal as a Word document in the format of
/// Decree 30/2020/NĐ-CP, built by the same <see cref="AdministrativeDocument"/> as the synthesis report and the council
/// decision: the deciding unit (and the body above it) with the decision number, the national motto, place and date,
/// "QUYẾT ĐỊNH", the grounds (the rule set's law and decree), the articles (the form, the number of honourees, the
/// prize money and its basis), recipients, the signature block (the issuer recorded with the decision as the signer's
/// title, the officer who recorded it as the name), and the list of honourees with their prizes as an annex.
/// 409 <c>proposal_not_decided</c> before approval. Officers in scope read it; a member only as an honouree (else 404).
/// </summary>
public sealed record DownloadCommendationDecision : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/commendations/proposals/{id}/decision.docx";
    public static string For(Guid id) => $"/api/v1/participation/commendations/proposals/{id}/decision.docx";
    public Guid Id { get; init; }
    /// <summary>Place in the date line (default "Hưng Yên").</summary>
    public string? Place { get; init; }
}

internal sealed class DownloadCommendationDecisionValidator : AbstractValidator<DownloadCommendationDecision>
{
    public DownloadCommendationDecisionValidator() => RuleFor(x => x.Place).MaximumLength(100);
}

internal sealed class DownloadCommendationDecisionHandler(ParticipationAccess access, IMediator mediator) : IQueryHandler<DownloadCommendationDecision, GeneratedFile>
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public async ValueTask<GeneratedFile> Handle(DownloadCommendationDecision query, CancellationToken ct)
    {
        var p = await access.ProposalForReaderAsync(query.Id, ct);
        if (p.Status != ProposalStatus.Approved || p.DecisionDate is not { } date)
            throw new BusinessRuleException("proposal_not_decided", Localized.Text("The decision exists once the proposal is approved.",
                "Quyết định khen thưởng chỉ có sau khi đề nghị được phê duyệt."));
        var units = (await mediator.Send(new GetUnitSummaries([p.UnitId, p.DecidingUnitId!.Value]), ct)).ToDictionary(u => u.Id);
        var proposing = units.GetValueOrDefault(p.UnitId);
        var deciding = units.GetValueOrDefault(p.DecidingUnitId.Value);
        var above = deciding?.ParentId is { } parentId ? (await mediator.Send(new GetUnitSummaries([parentId]), ct)).FirstOrDefault()?.Name : null;
        var form = CommendationRules.Form(p.FormCode);
        var set = CommendationRules.Versions.First(v => v.Code == p.RuleSetCode);
        var salary = CommendationRules.BaseSalaryOn(date);
        var nominees = p.Nominees.OrderBy(n => n.Order).ToList();
        var people = nominees.Count(n => n.Kind == NomineeKind.Person);
        var collectives = nominees.Count - people;
        var whom = string.Join(" và ", new[] { people > 0 ? $"{people} cá nhân" : null, collectives > 0 ? $"{collectives} tập thể" : null }.Where(x => x is not null));
        var verb = form.IsTitle ? "Công nhận" : "Tặng";
        var formName = form.Name.Replace("Danh hiệu", "danh hiệu", StringComparison.Ordinal);
        string Money(decimal amount) => amount.ToString("#,##0", Vi) + " đồng";

        var body = new List<DocumentBlock>
        {
            new Paragraph($"Căn cứ {set.LegalBasis.Replace("; ", " và ", StringComparison.Ordinal)};"),
            new Paragraph("Căn cứ Điều lệ Công đoàn Việt Nam và quy chế thi đua, khen thưởng của tổ chức Công đoàn;"),
            new Paragraph($"Xét đề nghị của {proposing?.Name ?? ""} về việc đề nghị {formName} năm {p.Year}"
                          + (string.IsNullOrWhiteSpace(p.Achievements) ? ";" : $" (thành tích: {p.Achievements.TrimEnd('.')});")),
            new Heading("QUYẾT ĐỊNH:"),
            new Paragraph($"Điều 1. {verb} {formName} năm {p.Year} cho {whom} có tên trong danh sách kèm theo Quyết định này, đã đạt tiêu chuẩn theo {set.LegalBasis}."),
            p.PrizeTotal > 0
                ? new Paragraph($"Điều 2. Mỗi cá nhân, tập thể được khen thưởng kèm theo tiền thưởng theo {set.For(p.FormCode).PrizeBasis} (mức lương cơ sở {Money(salary.Amount)} theo {salary.Basis}); "
                                + $"tổng số tiền thưởng là {Money(p.PrizeTotal)}, chi từ quỹ thi đua, khen thưởng của {deciding?.Name ?? ""}.")
                : new Paragraph($"Điều 2. Tiền thưởng: {set.For(p.FormCode).PrizeBasis}."),
            new Paragraph($"Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Văn phòng, {proposing?.Name ?? ""}, các cá nhân, tập thể có tên tại Điều 1 và các bộ phận liên quan chịu trách nhiệm thi hành Quyết định này./."),
        };
        var annex = new DocumentAnnex(["DANH SÁCH", $"{(people > 0 && collectives == 0 ? "Cá nhân" : collectives > 0 && people == 0 ? "Tập thể" : "Cá nhân, tập thể")} được {verb.ToLower(Vi)} {formName} năm {p.Year}"],
        [
            new Table(["STT", people > 0 && collectives == 0 ? "Họ và tên" : "Tên cá nhân, tập thể", "Hình thức", "Tiền thưởng (đồng)"],
                nominees.Select((n, i) => (IReadOnlyList<string>)[(i + 1).ToString(Vi), n.Name, form.Name, (n.Prize ?? 0m).ToString("#,##0", Vi)])
                    .Append(["", "Tổng cộng", $"{nominees.Count} đối tượng", p.PrizeTotal.ToString("#,##0", Vi)]).ToList(),
                new HashSet<int> { 0, 3 }),
        ]);

        var document = new AdministrativeDocument
        {
            ParentBody = (above ?? "Tổng Liên đoàn Lao động Việt Nam").ToUpper(Vi),
            IssuingBody = (deciding?.Name ?? "").ToUpper(Vi),
            Number = p.DecisionNumber,
            Place = string.IsNullOrWhiteSpace(query.Place) ? "Hưng Yên" : query.Place.Trim(),
            Date = date,
            Kind = "Quyết định",
            Title = $"Về việc {verb.ToLower(Vi)} {formName} năm {p.Year}",
            Body = body,
            Recipients = ["Như Điều 3", proposing?.Name ?? "Đơn vị đề nghị", "Lưu: VT, TĐKT"],
            SigningAuthority = "TM. Ban Thường vụ",
            SignerTitle = SignerTitle(p.Issuer),
            SignerName = p.DecidedBy,
            Annex = annex,
        };
        var slug = new string((p.DecisionNumber ?? p.Id.ToString()).Select(ch => char.IsAsciiLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '-').ToArray());
        return new GeneratedFile(document.ToDocx(), $"quyet-dinh-khen-thuong-{slug}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /// <summary>The signer's title from the issuer recorded with the decision ("Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên" → "Chủ tịch"; "Phó Chủ tịch …" → "Phó Chủ tịch").</summary>
    public static string SignerTitle(string? issuer)
    {
        var text = issuer?.Trim() ?? "";
        foreach (var title in new[] { "Phó Chủ tịch", "Chủ tịch" })
            if (text.StartsWith(title, StringComparison.OrdinalIgnoreCase)) return title;
        return string.IsNullOrEmpty(text) ? "Chủ tịch" : text;
    }
}

internal sealed class DownloadCommendationDecisionEndpoint(IMediator mediator) : GeneratedFileEndpoint<DownloadCommendationDecision>(mediator)
{
    public override void Configure()
    {
        Get(DownloadCommendationDecision.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Summary(s => s.Summary = "Download the commendation decision of an approved proposal as a Decree 30 Word document with the honourees as an annex (409 proposal_not_decided)");
    }

}
