using System.Globalization;
using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Khcn.Organization.Features.Reports;

/// <summary>The synthesis as a spreadsheet: totals, the breakdown by the units directly below, and every unit's submission with its numbers.</summary>
public sealed record ExportSynthesisXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis.xlsx";
    public Guid PeriodId { get; init; }
    /// <summary>The unit whose subtree to synthesise (default: the period's unit, or the caller's own).</summary>
    public Guid? Within { get; init; }
}

internal sealed class ExportSynthesisXlsxHandler(SynthesisBuilder builder, NarrativeReader narratives) : IQueryHandler<ExportSynthesisXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportSynthesisXlsx query, CancellationToken ct)
    {
        var data = await builder.BuildAsync(query.PeriodId, query.Within, ct);
        var s = data.Result;
        var numberIndicators = s.Indicators.Where(i => i.Kind.HoldsNumber()).ToList();

        var totals = s.Indicators.Where(i => i.Kind.HoldsNumber()).Select((i, n) => new Dictionary<string, object?>
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
        foreach (var (indicator, answers) in await narratives.ForSynthesisAsync(data, ct))
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
        return new GeneratedFile(stream.ToArray(), $"tong-hop-bao-cao-{s.Year}-{SynthesisText.Slug(s.Within.Code)}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
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
}

internal sealed class ExportSynthesisXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportSynthesisXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportSynthesisXlsx.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Summary(s => s.Summary = "Download the synthesis of a reporting period as a spreadsheet");
    }

}
