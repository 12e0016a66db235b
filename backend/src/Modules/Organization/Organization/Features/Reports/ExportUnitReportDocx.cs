using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Reports;

/// <summary>
/// One unit's submitted (or accepted) annual report as a Word document in the administrative format of Decree
/// 30/2020/NĐ-CP — the same builder as the synthesis: the unit is the issuing body, the body above it heads it, the
/// indicators come section by section, a yes/no question reads "Có"/"Không" (never "1 = có").
/// </summary>
public sealed record ExportUnitReportDocx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/units/{unitId}/report.docx";
    public static string For(Guid periodId, Guid unitId) => $"/api/v1/organization/reports/periods/{periodId}/units/{unitId}/report.docx";
    public Guid PeriodId { get; init; }
    public Guid UnitId { get; init; }
    /// <summary>Number and symbol, e.g. "12/BC-LĐLĐ" (left as dots when not yet numbered).</summary>
    public string? Number { get; init; }
    /// <summary>Place in the date line (default "Hưng Yên").</summary>
    public string? Place { get; init; }
    /// <summary>Title of the signer (default "CHỦ TỊCH").</summary>
    public string? SignerTitle { get; init; }
    public string? SignerName { get; init; }
    /// <summary>"Nơi nhận", one per line (default: the unit above, for its report; the archive).</summary>
    public string? Recipients { get; init; }
}

internal sealed class ExportUnitReportDocxValidator : AbstractValidator<ExportUnitReportDocx>
{
    public ExportUnitReportDocxValidator()
    {
        RuleFor(x => x.Number).MaximumLength(50);
        RuleFor(x => x.Place).MaximumLength(100);
        RuleFor(x => x.SignerTitle).MaximumLength(100);
        RuleFor(x => x.SignerName).MaximumLength(100);
        RuleFor(x => x.Recipients).MaximumLength(2000)
            .Must(r => r is null || DocumentRecipients.Parse(r).Count <= 20).WithMessage("At most 20 recipients.", "Tối đa 20 nơi nhận.");
    }
}

internal sealed class ExportUnitReportDocxHandler(OrganizationDbContext db, TimeProvider clock) : IQueryHandler<ExportUnitReportDocx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportUnitReportDocx query, CancellationToken ct)
    {
        var (period, unit) = await ReportAccess.ReportingUnitAsync(db, query.PeriodId, query.UnitId, ct);
        var report = await ReportAccess.ReportOfAsync(db, period.Id, unit.Id, ct);
        if (report is null || report.Status is not (ReportStatus.Submitted or ReportStatus.Accepted))
            throw new BusinessRuleException("report_not_submitted", Localized.Text(
                "Only a submitted or accepted report is printed; submit it first.",
                "Chỉ in được báo cáo đã nộp hoặc đã được chấp nhận; hãy nộp báo cáo trước."));

        var body = new List<DocumentBlock>
        {
            new Paragraph($"Thực hiện {period.Title}, {unit.Name} báo cáo kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {period.Year} như sau:"),
        };
        var sections = period.Indicators.OrderBy(i => i.Position).GroupBy(i => i.Section).ToList();
        foreach (var (section, n) in sections.Select((g, n) => (g, n)))
        {
            body.Add(new Heading($"{Roman(n + 1)}. {section.Key.ToUpper(SynthesisText.Vi)}"));
            var numbers = section.Where(i => i.Kind.HoldsNumber()).ToList();
            if (numbers.Count > 0)
                body.Add(new Table(["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"],
                    numbers.Select((i, k) => (IReadOnlyList<string>)[(k + 1).ToString(CultureInfo.InvariantCulture), i.Name,
                        i.Kind == IndicatorKind.YesNo ? "" : i.Measure ?? "", Value(i, report)]).ToList(),
                    new HashSet<int> { 3 }));
            foreach (var text in section.Where(i => i.Kind == IndicatorKind.Text))
            {
                body.Add(new Paragraph($"{text.Name}:"));
                var answer = report.Values.FirstOrDefault(v => v.IndicatorCode == text.Code)?.Text;
                foreach (var line in (answer ?? "Không có.").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    body.Add(new Paragraph(line));
            }
        }

        var parentName = unit.ParentId is { } parentId
            ? await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => u.Id == parentId).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null;
        var document = new AdministrativeDocument
        {
            ParentBody = await DocumentRecipients.ParentBodyAsync(db, unit, ct),
            IssuingBody = unit.Name,
            Number = query.Number,
            Place = string.IsNullOrWhiteSpace(query.Place) ? "Hưng Yên" : query.Place.Trim(),
            Date = VietnamTime.Today(clock),
            Kind = "Báo cáo",
            Title = $"Kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {period.Year}",
            Body = body,
            Recipients = DocumentRecipients.OrDefault(query.Recipients,
                parentName is null ? ["Lưu: VT"] : [$"{parentName} (để báo cáo)", "Lưu: VT"]),
            SigningAuthority = "TM. Ban Thường vụ",
            SignerTitle = string.IsNullOrWhiteSpace(query.SignerTitle) ? "Chủ tịch" : query.SignerTitle.Trim(),
            SignerName = query.SignerName?.Trim(),
        };
        return new GeneratedFile(document.ToDocx(), $"bao-cao-{period.Year}-{SynthesisText.Slug(unit.Code)}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    private static string Value(ReportIndicator indicator, AnnualReport report)
    {
        var number = report.Values.FirstOrDefault(v => v.IndicatorCode == indicator.Code)?.Number;
        if (number is null) return "";
        return indicator.Kind == IndicatorKind.YesNo ? (number == 1m ? "Có" : "Không") : SynthesisText.Number(number.Value);
    }

    private static string Roman(int n) => n switch
    {
        1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", 10 => "X",
        _ => n.ToString(CultureInfo.InvariantCulture),
    };
}

internal sealed class ExportUnitReportDocxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportUnitReportDocx>(mediator)
{
    public override void Configure()
    {
        Get(ExportUnitReportDocx.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Summary(s => s.Summary = "Download one unit's submitted annual report as a Decree 30 Word document");
    }

}
