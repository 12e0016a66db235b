using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Reports;

/// <summary>The synthesis as a spreadsheet: totals, the breakdown by the units directly below, and every unit's submission with its numbers.</summary>
public sealed record ExportSynthesisXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/organization/reports/periods/{periodId}/synthesis.xlsx";
    public Guid PeriodId { get; init; }
    /// <summary>The unit whose subtree to synthesise (default: the period's unit, or the caller's own).</summary>
    public Guid? Within { get; init; }
}

internal sealed class ExportSynthesisXlsxHandler(SynthesisBuilder builder, NarrativeReader narratives, TimeProvider clock) : IQueryHandler<ExportSynthesisXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportSynthesisXlsx query, CancellationToken ct)
    {
        var data = await builder.BuildAsync(query.PeriodId, query.Within, ct);
        var s = data.Result;
        var numberIndicators = s.Indicators.Where(i => i.Kind.HoldsNumber()).ToList();

        // The indicator's code is the template's key, not a word a reader knows: it comes last, after the Vietnamese name.
        var totals = numberIndicators.Select((i, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1, ["Nhóm"] = i.Section, ["Chỉ tiêu"] = i.Name, ["Đơn vị tính"] = i.Measure, ["Tổng"] = i.Total, ["Số báo cáo"] = i.Reports,
            ["Mã chỉ tiêu"] = i.Code,
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
                ["Tình trạng"] = SynthesisText.State(r), ["Ngày nộp"] = r.SubmittedAt is { } at ? VietnamTime.ToLocal(at) : null,
            };
            var values = data.ValuesByUnit.GetValueOrDefault(r.UnitId);
            foreach (var i in numberIndicators) row[i.Name] = values is not null && values.TryGetValue(i.Code, out var v) ? v : null;
            return row;
        }).ToList();

        var workbook = new ReportWorkbook(new ReportHeading(
            Issuer: s.Within.Name,
            Title: $"TỔNG HỢP BÁO CÁO KH,CN&ĐMST NĂM {s.Year}",
            Scope: $"Phạm vi: {s.Within.Name} và các đơn vị trực thuộc",
            ExportedAt: clock.GetUtcNow()))
            .Add("Tổng hợp", totals)
            .Add("Theo đơn vị trực thuộc", byUnit)
            .Add("Tình hình nộp báo cáo", units);
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
            workbook.Add(indicator.Name, sheet, tag: indicator.Code);
        }
        return new GeneratedFile(workbook.ToXlsx(), $"tong-hop-bao-cao-{s.Year}-{SynthesisText.Slug(s.Within.Code)}.xlsx", GeneratedFile.Xlsx);
    }
}

internal sealed class ExportSynthesisXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportSynthesisXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportSynthesisXlsx.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download the synthesis of a reporting period as a spreadsheet");
    }

}
