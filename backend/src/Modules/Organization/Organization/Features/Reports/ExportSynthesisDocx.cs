using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>The synthesis as a Word report in the Vietnamese administrative format (Decree 30/2020/NĐ-CP).</summary>
public sealed record ExportSynthesisDocx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis.docx";
    public Guid PeriodId { get; init; }
    public Guid? Within { get; init; }
    /// <summary>Number and symbol of the report, e.g. "25/BC-LĐLĐ" (left as dots when not yet numbered).</summary>
    public string? Number { get; init; }
    /// <summary>Place in the date line (default "Hưng Yên").</summary>
    public string? Place { get; init; }
    /// <summary>Title of the signer (default "CHỦ TỊCH").</summary>
    public string? SignerTitle { get; init; }
    public string? SignerName { get; init; }
    /// <summary>"Nơi nhận", one recipient per line (default: the Confederation, the standing committee, the boards, the archive).</summary>
    public string? Recipients { get; init; }
}

internal sealed class ExportSynthesisDocxValidator : AbstractValidator<ExportSynthesisDocx>
{
    public ExportSynthesisDocxValidator()
    {
        RuleFor(x => x.Number).MaximumLength(50);
        RuleFor(x => x.Place).MaximumLength(100);
        RuleFor(x => x.SignerTitle).MaximumLength(100);
        RuleFor(x => x.SignerName).MaximumLength(100);
        RuleFor(x => x.Recipients).MaximumLength(2000)
            .Must(r => r is null || DocumentRecipients.Parse(r).Count <= 20).WithMessage("At most 20 recipients.", "Tối đa 20 nơi nhận.");
    }
}

internal sealed class ExportSynthesisDocxHandler(SynthesisBuilder builder, NarrativeReader narratives, OrganizationDbContext db, TimeProvider clock) : IQueryHandler<ExportSynthesisDocx, GeneratedFile>
{
    /// <summary>In the .docx, the first answers of each narrative indicator (upper levels first); the .xlsx has them all.</summary>
    private const int DocxAnswersPerIndicator = 10;
    private const int DocxExcerptLength = 400;

    public async ValueTask<GeneratedFile> Handle(ExportSynthesisDocx query, CancellationToken ct)
    {
        var data = await builder.BuildAsync(query.PeriodId, query.Within, ct);
        var s = data.Result;
        var c = s.Submissions;
        var body = new List<DocumentBlock>
        {
            new Heading("I. TÌNH HÌNH NỘP BÁO CÁO"),
            new Paragraph($"Thực hiện {s.PeriodTitle}, có {c.Expected} đơn vị thuộc {s.Within.Name} phải báo cáo (hạn nộp {s.Deadline:dd/MM/yyyy}). " +
                          $"Đến ngày lập báo cáo: {c.OnTime} đơn vị nộp đúng hạn, {c.Late} đơn vị nộp muộn, {c.NotSubmitted} đơn vị chưa nộp; " +
                          $"{c.Accepted} báo cáo đã được chấp nhận, {c.AwaitingReview} báo cáo đang chờ duyệt, {c.Returned} báo cáo bị trả lại để hoàn thiện."),
            new Heading("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"),
        };
        foreach (var section in s.Indicators.Where(i => i.Kind.HoldsNumber()).GroupBy(i => i.Section))
        {
            body.Add(new Paragraph($"{section.Key}:"));
            body.Add(new Table(["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
                section.Select((i, n) => (IReadOnlyList<string>)[(n + 1).ToString(CultureInfo.InvariantCulture), i.Name, i.Measure ?? "", SynthesisText.Number(i.Total)]).ToList(),
                new HashSet<int> { 3 }));
        }
        body.Add(new Heading("III. KẾT QUẢ THEO ĐƠN VỊ TRỰC THUỘC"));
        body.Add(new Table(["Đơn vị", "Phải nộp", "Đúng hạn", "Muộn", "Chưa nộp"],
            s.ByUnit.Select(g => (IReadOnlyList<string>)[g.Name, g.Submissions.Expected.ToString(CultureInfo.InvariantCulture),
                g.Submissions.OnTime.ToString(CultureInfo.InvariantCulture), g.Submissions.Late.ToString(CultureInfo.InvariantCulture),
                g.Submissions.NotSubmitted.ToString(CultureInfo.InvariantCulture)]).ToList(),
            new HashSet<int> { 1, 2, 3, 4 }));
        var narrative = await narratives.ForSynthesisAsync(data, ct);
        if (narrative.Count > 0)
        {
            body.Add(new Heading("IV. Ý KIẾN, ĐÁNH GIÁ CỦA CÁC ĐƠN VỊ"));
            foreach (var ((indicator, answers), n) in narrative.Select((x, n) => (x, n)))
            {
                body.Add(new Paragraph($"{n + 1}. {indicator.Name}:"));
                if (answers.Count == 0) body.Add(new Paragraph("Không có đơn vị nào nêu ý kiến."));
                foreach (var a in answers.Take(DocxAnswersPerIndicator))
                    body.Add(new Paragraph($"- {a.Name}: {Excerpt(a.Text)}"));
                if (answers.Count > DocxAnswersPerIndicator)
                    body.Add(new Paragraph($"Và ý kiến của {answers.Count - DocxAnswersPerIndicator} đơn vị khác (toàn văn tại bảng tổng hợp .xlsx kèm theo)."));
            }
        }
        var missing = data.Rows.Where(r => !r.Submitted).Select(r => r.Name).ToList();
        body.Add(new Heading(narrative.Count > 0 ? "V. ĐƠN VỊ CHƯA NỘP BÁO CÁO" : "IV. ĐƠN VỊ CHƯA NỘP BÁO CÁO"));
        body.Add(new Paragraph(missing.Count == 0 ? "Tất cả các đơn vị đã nộp báo cáo."
            : string.Join("; ", missing.Take(50)) + (missing.Count > 50 ? $" và {missing.Count - 50} đơn vị khác." : ".")));

        var document = new AdministrativeDocument
        {
            ParentBody = await DocumentRecipients.ParentBodyAsync(db, data.Within, ct),
            IssuingBody = data.Within.Name,
            Number = query.Number,
            Place = string.IsNullOrWhiteSpace(query.Place) ? "Hưng Yên" : query.Place.Trim(),
            Date = VietnamTime.Today(clock),
            Kind = "Báo cáo",
            Title = $"Tổng hợp kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {s.Year}",
            Body = body,
            Recipients = DocumentRecipients.OrDefault(query.Recipients),
            SigningAuthority = "TM. Ban Thường vụ",
            SignerTitle = string.IsNullOrWhiteSpace(query.SignerTitle) ? "Chủ tịch" : query.SignerTitle.Trim(),
            SignerName = query.SignerName?.Trim(),
        };
        return new GeneratedFile(document.ToDocx(), $"bao-cao-tong-hop-{s.Year}-{SynthesisText.Slug(s.Within.Code)}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= DocxExcerptLength ? flat : flat[..DocxExcerptLength].TrimEnd() + "…";
    }
}

/// <summary>"Nơi nhận" of a report: typed by whoever exports it, one per line; the usual list when left empty.</summary>
internal static class DocumentRecipients
{
    public static readonly IReadOnlyList<string> Default =
        ["Tổng Liên đoàn Lao động Việt Nam (để báo cáo)", "Thường trực LĐLĐ tỉnh", "Các ban LĐLĐ tỉnh", "Lưu: VT, CSPL"];

    public static IReadOnlyList<string> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.TrimStart('-', '+', '•', ' ').TrimEnd(';', '.', ' ')).Where(line => line.Length > 0).ToList();

    public static IReadOnlyList<string> OrDefault(string? text, IReadOnlyList<string>? usual = null) =>
        string.IsNullOrWhiteSpace(text) || Parse(text) is not { Count: > 0 } lines ? usual ?? Default : lines;

    /// <summary>
    /// The body the issuer belongs to, above its name (Decree 30/2020/NĐ-CP, Appendix I: the issuing body's name with the
    /// body directly above it): the province federation for a district, the district federation for a grassroots union,
    /// the national confederation for the province. A name, not a record: read past the reader's scope.
    /// </summary>
    public static async Task<string> ParentBodyAsync(OrganizationDbContext db, UnionUnit unit, CancellationToken ct)
    {
        if (unit.ParentId is not { } parentId) return "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM";
        var name = await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).FirstOrDefaultAsync(ct);
        return (name ?? "").ToUpper(CultureInfo.GetCultureInfo("vi-VN"));
    }
}

internal sealed class ExportSynthesisDocxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportSynthesisDocx>(mediator)
{
    public override void Configure()
    {
        Get(ExportSynthesisDocx.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Summary(s => s.Summary = "Download the synthesis of a reporting period as a Decree 30 Word report");
    }

}
