using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

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

internal sealed class ExportRankingXlsxHandler(RankingBuilder builder, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ExportRankingXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportRankingXlsx query, CancellationToken ct)
    {
        var ranking = await builder.BuildAsync(query.Id, query.Year, ct);
        // The unit that launched the movement issues its ranking (the builder has found the movement readable).
        var launcher = await access.ReadableMovements().AsNoTracking().Where(m => m.Id == query.Id).Select(m => m.UnitId).FirstAsync(ct);
        var issuer = (await mediator.UnitNamesAsync([launcher], ct)).GetValueOrDefault(launcher, "");
        var workbook = new ReportWorkbook(new ReportHeading(
            Issuer: issuer,
            Title: $"KẾT QUẢ XẾP HẠNG THI ĐUA NĂM {ranking.Year}",
            Scope: $"Phong trào: {ranking.MovementName} ({(ranking.Final ? "kết quả chính thức" : "kết quả tạm thời")})",
            ExportedAt: clock.GetUtcNow()));
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
            workbook.Add(string.IsNullOrWhiteSpace(c.Name) ? "Cụm" : c.Name, rows);
        }
        workbook.Add("Quy tắc xếp hạng", [new Dictionary<string, object?>
        {
            ["Phong trào"] = ranking.MovementName, ["Năm"] = ReportCell.Plain(ranking.Year), ["Kết quả"] = ranking.Final ? "Chính thức (đã khoá sổ)" : "Tạm thời",
            ["Quy tắc"] = ranking.TieRule,
        }]);
        return new GeneratedFile(workbook.ToXlsx(), $"xep-hang-thi-dua-{ranking.Year}.xlsx", GeneratedFile.Xlsx);
    }
}

internal sealed class ExportRankingXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportRankingXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportRankingXlsx.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download the ranking of a movement's year as a spreadsheet");
    }

}
