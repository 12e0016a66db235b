using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

namespace Khcn.Finance.Features.Statements;

/// <summary>
/// The topic's funding statement as a spreadsheet (the same figures as <see cref="GetTopicFundingStatement"/>): a sheet
/// by source with the totals row, one by tranche and source. Amounts are exact decimals in the cells.
/// </summary>
public sealed record ExportTopicFundingStatementXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/finance/topics/{topicId}/funding-statement.xlsx";
    public Guid TopicId { get; init; }
}

internal sealed class ExportTopicFundingStatementXlsxHandler(IMediator mediator) : IQueryHandler<ExportTopicFundingStatementXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportTopicFundingStatementXlsx query, CancellationToken ct)
    {
        var s = await mediator.Send(new GetTopicFundingStatement { TopicId = query.TopicId }, ct);
        var bySource = s.Allocations.SelectMany(a => a.Sources.Select(r => Row(a, r))).ToList();
        bySource.Add(Row(null, new StatementSource(Guid.Empty, "Tổng cộng", FundingSourceKind.Other, s.Allocated, s.Remaining, s.Requested, s.Paid, s.Held,
            s.Spent, s.Returned)));
        var byTranche = s.Allocations.SelectMany(a => a.Tranches.SelectMany(t => t.Shares.Select(share => new Dictionary<string, object?>
        {
            ["Đơn vị"] = a.UnitName, ["Năm"] = a.Year, ["Đợt"] = Names.Tranche(t.Kind), ["Trạng thái"] = Names.Status(t.Status),
            ["Ngày đề nghị"] = t.RequestedAtUtc.AddHours(7).ToString("dd/MM/yyyy"), ["Người đề nghị"] = t.RequestedBy, ["Người duyệt"] = t.ApprovedBy,
            ["Số chứng từ"] = t.VoucherNumber, ["Ngày chi"] = t.PaidOn?.ToString("dd/MM/yyyy"), ["Nguồn"] = share.SourceName, ["Số tiền"] = share.Amount,
        }))).ToList();
        if (byTranche.Count == 0) byTranche.Add(new Dictionary<string, object?> { ["Đơn vị"] = "Chưa có đợt giải ngân nào." });
        var sheets = new Dictionary<string, object> { ["Theo nguồn"] = bySource, ["Theo đợt giải ngân"] = byTranche };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return new GeneratedFile(stream.ToArray(), $"quyet-toan-kinh-phi-de-tai-{query.TopicId.ToString()[..8]}.xlsx", GeneratedFile.Xlsx);
    }

    private static Dictionary<string, object?> Row(StatementAllocation? a, StatementSource r) => new()
    {
        ["Đơn vị"] = a?.UnitName, ["Năm"] = a?.Year, ["Khoản phân bổ"] = a?.TargetLabel, ["Nguồn"] = r.SourceName,
        ["Loại nguồn"] = a is null ? null : Names.Source(r.Kind), ["Được phân bổ"] = r.Allocated, ["Chưa đề nghị"] = r.Remaining,
        ["Đang đề nghị"] = r.Requested, ["Đã chi"] = r.Paid, ["Đã chi chưa quyết toán"] = r.Held, ["Quyết toán"] = r.Spent, ["Hoàn trả nguồn"] = r.Returned,
    };
}

internal sealed class ExportTopicFundingStatementXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportTopicFundingStatementXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportTopicFundingStatementXlsx.Route);
        Policies(Permission.FinanceRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download a research topic's funding statement as a spreadsheet");
    }

}
