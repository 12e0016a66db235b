using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Mediator;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Khcn.Participation.Features.Emulation;

/// <summary>The ranking of a movement's year as a spreadsheet: one sheet per cluster, then the tie rule.</summary>
public sealed record ExportRankingXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/emulation/movements/{id}/ranking.xlsx";
    public Guid Id { get; init; }
    public int Year { get; init; }
}

internal sealed class ExportRankingXlsxValidator : AbstractValidator<ExportRankingXlsx>
{
    public ExportRankingXlsxValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

internal sealed class ExportRankingXlsxHandler(RankingBuilder builder) : IQueryHandler<ExportRankingXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportRankingXlsx query, CancellationToken ct)
    {
        var ranking = await builder.BuildAsync(query.Id, query.Year, ct);
        var sheets = new Dictionary<string, object>();
        foreach (var c in ranking.Clusters)
        {
            var rows = c.Rows.Select(r =>
            {
                var row = new Dictionary<string, object?>
                {
                    ["Hạng"] = r.Rank, ["Đồng hạng"] = r.Tied ? "Có" : null, ["Đơn vị"] = r.UnitName, ["Tổng điểm"] = r.Total,
                    ["Đăng ký"] = r.Late ? "Muộn" : "Đúng hạn",
                };
                for (var n = 0; n < ranking.Criteria.Count; n++) row[$"{ranking.Criteria[n].Order}. {ranking.Criteria[n].Name}"] = r.Points[n];
                return row;
            }).ToList();
            foreach (var u in c.NotRegistered)
                rows.Add(new Dictionary<string, object?> { ["Hạng"] = null, ["Đồng hạng"] = null, ["Đơn vị"] = u.Name, ["Tổng điểm"] = null, ["Đăng ký"] = "Chưa đăng ký" });
            if (rows.Count == 0) rows.Add(new Dictionary<string, object?> { ["Hạng"] = null, ["Đơn vị"] = "Không có đơn vị nào." });
            sheets[SheetName(c.Name, sheets.Keys)] = rows;
        }
        sheets["Quy tắc xếp hạng"] = new List<Dictionary<string, object?>>
        {
            new() { ["Phong trào"] = ranking.MovementName, ["Năm"] = ranking.Year, ["Kết quả"] = ranking.Final ? "Chính thức (đã khoá sổ)" : "Tạm thời", ["Quy tắc"] = ranking.TieRule },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return new GeneratedFile(stream.ToArray(), $"xep-hang-thi-dua-{ranking.Year}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    /// <summary>A worksheet name: at most 31 characters, none of []:*?/\, unique in the workbook.</summary>
    private static string SheetName(string name, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var clean = new string(name.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'');
        if (clean.Length > 28) clean = clean[..28].TrimEnd();
        if (clean.Length == 0) clean = "Cụm";
        var candidate = clean;
        for (var n = 2; used.Contains(candidate); n++) candidate = $"{clean} {n}";
        return candidate;
    }
}

internal sealed class ExportRankingXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportRankingXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportRankingXlsx.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        Summary(s => s.Summary = "Download the ranking of a movement's year as a spreadsheet");
    }

}
