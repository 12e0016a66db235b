using FastEndpoints;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http;

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

internal sealed class ExportTopicFundingStatementXlsxHandler(IMediator mediator, TimeProvider clock) : IQueryHandler<ExportTopicFundingStatementXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportTopicFundingStatementXlsx query, CancellationToken ct)
    {
        var s = await mediator.Send(new GetTopicFundingStatement { TopicId = query.TopicId }, ct);
        var bySource = s.Allocations.SelectMany(a => a.Sources.Select(r => Row(a, r))).ToList();
        bySource.Add(Row(null, new StatementSource(Guid.Empty, "Tổng cộng", FundingSourceKind.Other, s.Allocated, s.Remaining, s.Requested, s.Paid, s.Held,
            s.Spent, s.Returned, s.Corrected)));
        var byTranche = s.Allocations.SelectMany(a => a.Tranches.SelectMany(t => t.Shares.Select(share => new Dictionary<string, object?>
        {
            ["Đơn vị"] = a.UnitName, ["Năm"] = ReportCell.Plain(a.Year), ["Đợt"] = Names.Tranche(t.Kind), ["Trạng thái"] = Names.Status(t.Status),
            ["Ngày đề nghị"] = DateOnly.FromDateTime(VietnamTime.ToLocal(t.RequestedAtUtc)), ["Người đề nghị"] = t.RequestedBy, ["Người duyệt"] = t.ApprovedBy,
            ["Số chứng từ"] = t.VoucherNumber, ["Ngày chi"] = t.PaidOn, ["Nguồn"] = share.SourceName, ["Số tiền"] = share.Amount,
        }))).ToList();
        if (byTranche.Count == 0) byTranche.Add(new Dictionary<string, object?> { ["Đơn vị"] = "Chưa có đợt giải ngân nào." });
        // The unit that funds the topic issues the statement; the federation when several units do.
        var funders = s.Allocations.Select(a => a.UnitName).Distinct().ToList();
        var issuer = funders.Count == 1 ? funders[0] : (await mediator.Send(new GetRootUnit(), ct))?.Name ?? "";
        var workbook = new ReportWorkbook(new ReportHeading(issuer, "BẢNG QUYẾT TOÁN KINH PHÍ ĐỀ TÀI", $"Đề tài: {s.Title}", clock.GetUtcNow()))
            .Add("Theo nguồn", bySource)
            .Add("Theo đợt giải ngân", byTranche);
        return new GeneratedFile(workbook.ToXlsx(), $"quyet-toan-kinh-phi-de-tai-{query.TopicId.ToString()[..8]}.xlsx", GeneratedFile.Xlsx);
    }

    private static Dictionary<string, object?> Row(StatementAllocation? a, StatementSource r) => new()
    {
        ["Đơn vị"] = a?.UnitName, ["Năm"] = ReportCell.Plain(a?.Year), ["Khoản phân bổ"] = a?.TargetLabel, ["Nguồn"] = r.SourceName,
        ["Loại nguồn"] = a is null ? null : Names.Source(r.Kind), ["Được phân bổ"] = r.Allocated, ["Chưa đề nghị"] = r.Remaining,
        ["Đang đề nghị"] = r.Requested, ["Đã chi"] = r.Paid, ["Đã chi chưa quyết toán"] = r.Held, ["Quyết toán"] = r.Spent, ["Hoàn trả nguồn"] = r.Returned, ["Điều chỉnh năm sau"] = r.Corrected,
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
