using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Khcn.Organization.Features.Reports;

public sealed record ExportedFile(byte[] Content, string FileName, string ContentType);

/// <summary>The synthesis as a spreadsheet: totals, the breakdown by the units directly below, and every unit's submission with its numbers.</summary>
public sealed record ExportSynthesisXlsx : IQuery<ExportedFile>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis.xlsx";
    public Guid PeriodId { get; init; }
    /// <summary>The unit whose subtree to synthesise (default: the period's unit, or the caller's own).</summary>
    public Guid? Within { get; init; }
}

/// <summary>The synthesis as a Word report in the Vietnamese administrative format (Decree 30/2020/NĐ-CP).</summary>
public sealed record ExportSynthesisDocx : IQuery<ExportedFile>
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
}

internal sealed class ExportSynthesisDocxValidator : AbstractValidator<ExportSynthesisDocx>
{
    public ExportSynthesisDocxValidator()
    {
        RuleFor(x => x.Number).MaximumLength(50);
        RuleFor(x => x.Place).MaximumLength(100);
        RuleFor(x => x.SignerTitle).MaximumLength(100);
        RuleFor(x => x.SignerName).MaximumLength(100);
    }
}

internal static class SynthesisText
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Number(decimal n) => n.ToString(n == decimal.Truncate(n) ? "#,0" : "#,0.##", Vi);

    public static string State(SubmissionRow r) => r.State switch
    {
        SubmissionState.NotStarted => "Chưa nộp",
        SubmissionState.Draft => "Đang soạn (chưa nộp)",
        SubmissionState.Submitted => r.Late ? "Đã nộp (muộn), chờ duyệt" : "Đã nộp, chờ duyệt",
        SubmissionState.Returned => "Bị trả lại",
        _ => r.Late ? "Đã chấp nhận (nộp muộn)" : "Đã chấp nhận",
    };

    public static string Kind(UnitKind kind) => kind switch
    {
        UnitKind.ProvincialFederation => "LĐLĐ tỉnh",
        UnitKind.DistrictFederation => "LĐLĐ huyện/thị xã/thành phố",
        UnitKind.SectoralUnion => "Công đoàn ngành",
        UnitKind.CivilServantsUnion => "Công đoàn Viên chức",
        UnitKind.IndustrialZoneUnion => "Công đoàn các KCN",
        _ => "Công đoàn cơ sở",
    };
}

internal sealed class ExportSynthesisHandler(SynthesisBuilder builder, NarrativeReader narratives, TimeProvider clock) :
    IQueryHandler<ExportSynthesisXlsx, ExportedFile>, IQueryHandler<ExportSynthesisDocx, ExportedFile>
{
    public async ValueTask<ExportedFile> Handle(ExportSynthesisXlsx query, CancellationToken ct)
    {
        var data = await builder.BuildAsync(query.PeriodId, query.Within, ct);
        var s = data.Result;
        var numberIndicators = s.Indicators.Where(i => i.Kind == IndicatorKind.Number).ToList();

        var totals = s.Indicators.Where(i => i.Kind == IndicatorKind.Number).Select((i, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1, ["Mã"] = i.Code, ["Nhóm"] = i.Section, ["Chỉ tiêu"] = i.Name, ["Đơn vị tính"] = i.Measure, ["Tổng"] = i.Total, ["Số báo cáo"] = i.Reports,
        }).ToList();
        var byUnit = s.ByUnit.Select(g =>
        {
            var row = new Dictionary<string, object?>
            {
                ["Mã đơn vị"] = g.Key, ["Đơn vị"] = g.Name, ["Phải nộp"] = g.Submissions.Expected, ["Đúng hạn"] = g.Submissions.OnTime,
                ["Muộn"] = g.Submissions.Late, ["Chưa nộp"] = g.Submissions.NotSubmitted, ["Đã chấp nhận"] = g.Submissions.Accepted,
            };
            foreach (var i in numberIndicators) row[i.Name] = g.Totals.GetValueOrDefault(i.Code);
            return row;
        }).ToList();
        var units = data.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                ["Mã đơn vị"] = r.Code, ["Đơn vị"] = r.Name, ["Loại"] = SynthesisText.Kind(r.Kind), ["Trực thuộc"] = data.ParentNames.GetValueOrDefault(r.UnitId),
                ["Tình trạng"] = SynthesisText.State(r), ["Ngày nộp"] = r.SubmittedAt is { } at ? VietnamTime.ToLocal(at).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) : null,
            };
            var values = data.ValuesByUnit.GetValueOrDefault(r.UnitId);
            foreach (var i in numberIndicators) row[i.Name] = values is not null && values.TryGetValue(i.Code, out var v) ? v : null;
            return row;
        }).ToList();

        using var stream = new MemoryStream();
        var sheets = new Dictionary<string, object>
        {
            ["Tổng hợp"] = totals,
            ["Theo đơn vị trực thuộc"] = byUnit,
            ["Tình hình nộp báo cáo"] = units,
        };
        var rowsById = data.Rows.ToDictionary(r => r.UnitId);
        foreach (var (indicator, answers) in await AnswersAsync(data, ct))
        {
            var sheet = answers.Select((a, n) => new Dictionary<string, object?>
            {
                ["STT"] = n + 1, ["Mã đơn vị"] = a.Code, ["Đơn vị"] = a.Name, ["Trực thuộc"] = data.ParentNames.GetValueOrDefault(a.UnitId),
                ["Tình trạng"] = rowsById.TryGetValue(a.UnitId, out var row) ? SynthesisText.State(row) : null, ["Nội dung"] = a.Text,
            }).ToList();
            if (sheet.Count == 0)
                sheet.Add(new Dictionary<string, object?> { ["STT"] = null, ["Mã đơn vị"] = null, ["Đơn vị"] = null, ["Trực thuộc"] = null, ["Tình trạng"] = null, ["Nội dung"] = "Không có đơn vị nào trả lời." });
            sheets[SheetName(indicator, sheets.Keys)] = sheet;
        }
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return new ExportedFile(stream.ToArray(), $"tong-hop-bao-cao-{s.Year}-{Slug(s.Within.Code)}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    public async ValueTask<ExportedFile> Handle(ExportSynthesisDocx query, CancellationToken ct)
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
        foreach (var section in s.Indicators.Where(i => i.Kind == IndicatorKind.Number).GroupBy(i => i.Section))
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
        var narrative = await AnswersAsync(data, ct);
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
            ParentBody = data.Within.ParentId is null ? "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" : null,
            IssuingBody = data.Within.Name,
            Number = query.Number,
            Place = string.IsNullOrWhiteSpace(query.Place) ? "Hưng Yên" : query.Place.Trim(),
            Date = VietnamTime.Today(clock),
            Kind = "Báo cáo",
            Title = $"Tổng hợp kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {s.Year}",
            Body = body,
            Recipients = ["Tổng Liên đoàn Lao động Việt Nam (để báo cáo)", "Thường trực LĐLĐ tỉnh", "Các ban LĐLĐ tỉnh", "Lưu: VT, CSPL"],
            SigningAuthority = "TM. Ban Thường vụ",
            SignerTitle = string.IsNullOrWhiteSpace(query.SignerTitle) ? "Chủ tịch" : query.SignerTitle.Trim(),
            SignerName = query.SignerName?.Trim(),
        };
        return new ExportedFile(document.ToDocx(), $"bao-cao-tong-hop-{s.Year}-{Slug(s.Within.Code)}.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    /// <summary>In the .docx, the first answers of each narrative indicator (upper levels first); the .xlsx has them all.</summary>
    private const int DocxAnswersPerIndicator = 10;
    private const int DocxExcerptLength = 400;

    /// <summary>Each narrative indicator of the template, in order, with the answers of the counted reports.</summary>
    private async Task<List<(IndicatorTotal Indicator, List<NarrativeRow> Answers)>> AnswersAsync(SynthesisData data, CancellationToken ct)
    {
        var texts = data.Result.Indicators.Where(i => i.Kind == IndicatorKind.Text).ToList();
        if (texts.Count == 0) return [];
        var rows = await narratives.ReadAsync(data.Period, data.Within, texts.Select(i => i.Code).ToList(), ct);
        return texts.Select(i => (i, rows.Where(r => r.IndicatorCode == i.Code).ToList())).ToList();
    }

    private static string Excerpt(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= DocxExcerptLength ? flat : flat[..DocxExcerptLength].TrimEnd() + "…";
    }

    /// <summary>A worksheet name from the indicator's name: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static string SheetName(IndicatorTotal indicator, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        static string Clean(string s) => new string(s.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        var name = Clean(indicator.Name);
        if (name.Length > 31) name = name[..31].TrimEnd();
        if (name.Length == 0 || used.Contains(name))
        {
            var suffix = $" ({indicator.Code})";
            name = Clean(indicator.Name)[..Math.Min(Clean(indicator.Name).Length, Math.Max(0, 31 - suffix.Length))].TrimEnd() + suffix;
            if (name.Length > 31) name = name[^31..];
        }
        return name;
    }

    private static string Slug(string code) => VietnameseText.Fold(code).Replace(' ', '-');
}

internal sealed class ExportSynthesisXlsxEndpoint(IMediator mediator) : Endpoint<ExportSynthesisXlsx>
{
    public override void Configure()
    {
        Get(ExportSynthesisXlsx.Route);
        Policies(Permission.UnitsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Summary(s => s.Summary = "Download the synthesis of a reporting period as a spreadsheet");
    }

    public override async Task HandleAsync(ExportSynthesisXlsx req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.BytesAsync(file.Content, file.FileName, file.ContentType, cancellation: ct);
    }
}

internal sealed class ExportSynthesisDocxEndpoint(IMediator mediator) : Endpoint<ExportSynthesisDocx>
{
    public override void Configure()
    {
        Get(ExportSynthesisDocx.Route);
        Policies(Permission.UnitsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Summary(s => s.Summary = "Download the synthesis of a reporting period as a Decree 30 Word report");
    }

    public override async Task HandleAsync(ExportSynthesisDocx req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.BytesAsync(file.Content, file.FileName, file.ContentType, cancellation: ct);
    }
}
