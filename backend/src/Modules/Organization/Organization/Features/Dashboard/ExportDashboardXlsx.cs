using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Features.Reports;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>The dashboard as a spreadsheet: the indicators with their targets, the trend by year, and each figure by the units directly below.</summary>
public sealed record ExportDashboardXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/dashboard.xlsx";
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
}

internal sealed class ExportDashboardXlsxHandler(IMediator mediator, DashboardFigures figures, TimeProvider clock) : IQueryHandler<ExportDashboardXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportDashboardXlsx query, CancellationToken ct)
    {
        var d = await mediator.Send(new GetDashboard { UnitId = query.UnitId, Year = query.Year, Fresh = true }, ct);
        var indicators = d.Indicators.Select((i, n) => new Dictionary<string, object?>
        {
            ["STT"] = n + 1, ["Nhóm"] = i.Section, ["Chỉ tiêu"] = i.Name, ["Đơn vị tính"] = i.Measure, [$"Năm {d.Year}"] = i.Value,
            ["Lũy kế kế hoạch"] = i.Target?.Achieved, ["Mục tiêu kế hoạch"] = i.Target?.Target, ["Tỷ lệ đạt"] = ReportCell.Percent(i.Target?.Progress), ["Mã nguồn"] = i.Key,
        }).ToList();
        var trend = d.Indicators.Select(i =>
        {
            var row = new Dictionary<string, object?> { ["Chỉ tiêu"] = i.Name, ["Đơn vị tính"] = i.Measure };
            foreach (var f in i.Trend) row[$"Năm {f.Year}"] = f.Value;
            return row;
        }).ToList();

        var subtree = await figures.SubtreeAsync(d.Unit.Id, ct);
        var byUnit = new List<Dictionary<string, object?>>();
        var columns = new List<(string Name, IReadOnlyDictionary<Guid, decimal> ByBranch)>();
        foreach (var i in d.Indicators)
        {
            var values = await figures.ValuesAsync(figures.Source(i.Key), subtree, d.Year, ct);
            columns.Add((i.Name, DashboardFigures.ByBranch(subtree, values)));
        }
        var parts = new[] { (Id: Guid.Empty, d.Unit.Code, Name: d.Unit.Name + " (bản thân đơn vị)") }
            .Concat(subtree.Children.Select(c => (c.Id, c.Code, c.Name)));
        foreach (var part in parts)
        {
            var row = new Dictionary<string, object?> { ["Mã đơn vị"] = part.Code, ["Đơn vị"] = part.Name };
            foreach (var (name, byBranch) in columns) row[name] = byBranch.GetValueOrDefault(part.Id);
            byUnit.Add(row);
        }

        var workbook = new ReportWorkbook(new ReportHeading(
            Issuer: d.Unit.Name,
            Title: $"BẢNG CHỈ TIÊU KH,CN&ĐMST NĂM {d.Year}",
            Scope: $"Phạm vi: {d.Unit.Name} và các đơn vị trực thuộc",
            ExportedAt: clock.GetUtcNow()))
            .Add("Chỉ tiêu", indicators)
            .Add("Theo năm", trend)
            .Add("Theo đơn vị trực thuộc", byUnit);
        return new GeneratedFile(workbook.ToXlsx(), $"bang-chi-tieu-{d.Year}-{SynthesisText.Slug(d.Unit.Code)}.xlsx", GeneratedFile.Xlsx);
    }
}

internal sealed class ExportDashboardXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportDashboardXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportDashboardXlsx.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download the plan dashboard as a spreadsheet");
    }

}
