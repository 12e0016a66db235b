using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Finance.Features.Reports;

/// <summary>
/// Budget execution as a spreadsheet, the same figures and filters as <see cref="GetBudgetExecution"/>: the rows with a
/// totals row, then the sums by source kind and by purpose. Amounts are exact decimals in the cells.
/// </summary>
public sealed record ExportBudgetExecutionXlsx : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/finance/budget-execution.xlsx";
    public Guid? UnitId { get; init; }
    public bool Subtree { get; init; }
    public int? Year { get; init; }
    public BudgetPurpose? Purpose { get; init; }
    public FundingSourceKind? SourceKind { get; init; }
}

internal sealed class ExportBudgetExecutionXlsxValidator : AbstractValidator<ExportBudgetExecutionXlsx>
{
    public ExportBudgetExecutionXlsxValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Purpose).IsInEnum();
        RuleFor(x => x.SourceKind).IsInEnum();
    }
}

internal sealed class ExportBudgetExecutionXlsxHandler(IMediator mediator, TimeProvider clock) : IQueryHandler<ExportBudgetExecutionXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportBudgetExecutionXlsx q, CancellationToken ct)
    {
        var report = await mediator.Send(new GetBudgetExecution
        {
            UnitId = q.UnitId, Subtree = q.Subtree, Year = q.Year, Purpose = q.Purpose, SourceKind = q.SourceKind,
        }, ct);
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["Đơn vị"] = r.UnitName, ["Năm"] = ReportCell.Plain(r.Year), ["Mục đích"] = Names.Purpose(r.Purpose), ["Nguồn"] = r.SourceName, ["Loại nguồn"] = Names.Source(r.SourceKind),
            ["Dự toán duyệt"] = r.Approved, ["Đã phân bổ"] = r.Allocated, ["Đã chi"] = r.Paid, ["Đã quyết toán"] = r.Spent, ["Chưa phân bổ"] = r.Unallocated,
        }).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            ["Đơn vị"] = "Tổng cộng", ["Năm"] = null, ["Mục đích"] = null, ["Nguồn"] = null, ["Loại nguồn"] = null,
            ["Dự toán duyệt"] = report.Total.Approved, ["Đã phân bổ"] = report.Total.Allocated, ["Đã chi"] = report.Total.Paid,
            ["Đã quyết toán"] = report.Total.Spent, ["Chưa phân bổ"] = report.Total.Unallocated,
        });
        var workbook = new ReportWorkbook(await HeadingAsync(q, ct))
            .Add("Thực hiện dự toán", rows)
            .Add("Theo loại nguồn", report.BySourceKind.Select(t => Total("Loại nguồn", Names.Source(Enum.Parse<FundingSourceKind>(t.Key)), t)).ToList())
            .Add("Theo mục đích", report.ByPurpose.Select(t => Total("Mục đích", Names.Purpose(Enum.Parse<BudgetPurpose>(t.Key)), t)).ToList());
        return new GeneratedFile(workbook.ToXlsx(), $"thuc-hien-du-toan{(q.Year is { } y ? $"-{y}" : "")}.xlsx", GeneratedFile.Xlsx);
    }

    /// <summary>The chosen unit issues the sheet (the federation when none is chosen); the scope line repeats the filters.</summary>
    private async Task<ReportHeading> HeadingAsync(ExportBudgetExecutionXlsx q, CancellationToken ct)
    {
        var unit = q.UnitId is { } id ? (await mediator.NamesAsync([id], ct)).GetValueOrDefault(id) : null;
        var issuer = unit ?? (await mediator.Send(new GetRootUnit(), ct))?.Name ?? "";
        var scope = unit is null ? "Phạm vi: các đơn vị được phép xem" : $"Phạm vi: {unit}{(q.Subtree ? " và các đơn vị trực thuộc" : "")}";
        if (q.Purpose is { } purpose) scope += $"; mục đích: {Names.Purpose(purpose)}";
        if (q.SourceKind is { } kind) scope += $"; loại nguồn: {Names.Source(kind)}";
        return new ReportHeading(issuer, $"THỰC HIỆN DỰ TOÁN KINH PHÍ KH,CN&ĐMST{(q.Year is { } y ? $" NĂM {y}" : "")}", scope, clock.GetUtcNow());
    }

    private static Dictionary<string, object?> Total(string label, string name, BudgetExecutionTotal t) => new()
    {
        [label] = name, ["Dự toán duyệt"] = t.Approved, ["Đã phân bổ"] = t.Allocated, ["Đã chi"] = t.Paid, ["Đã quyết toán"] = t.Spent, ["Chưa phân bổ"] = t.Unallocated,
    };
}

internal sealed class ExportBudgetExecutionXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportBudgetExecutionXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportBudgetExecutionXlsx.Route);
        Policies(Permission.FinanceRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download budget execution per unit (or subtree), year, purpose and source as a spreadsheet");
    }

}
