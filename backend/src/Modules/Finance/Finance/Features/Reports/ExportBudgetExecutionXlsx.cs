using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using MiniExcelLibs;

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

internal sealed class ExportBudgetExecutionXlsxHandler(IMediator mediator) : IQueryHandler<ExportBudgetExecutionXlsx, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(ExportBudgetExecutionXlsx q, CancellationToken ct)
    {
        var report = await mediator.Send(new GetBudgetExecution
        {
            UnitId = q.UnitId, Subtree = q.Subtree, Year = q.Year, Purpose = q.Purpose, SourceKind = q.SourceKind,
        }, ct);
        var rows = report.Rows.Select(r => new Dictionary<string, object?>
        {
            ["Đơn vị"] = r.UnitName, ["Năm"] = r.Year, ["Mục đích"] = Names.Purpose(r.Purpose), ["Nguồn"] = r.SourceName, ["Loại nguồn"] = Names.Source(r.SourceKind),
            ["Dự toán duyệt"] = r.Approved, ["Đã phân bổ"] = r.Allocated, ["Đã chi"] = r.Paid, ["Đã quyết toán"] = r.Spent, ["Chưa phân bổ"] = r.Unallocated,
        }).ToList();
        rows.Add(new Dictionary<string, object?>
        {
            ["Đơn vị"] = "Tổng cộng", ["Năm"] = null, ["Mục đích"] = null, ["Nguồn"] = null, ["Loại nguồn"] = null,
            ["Dự toán duyệt"] = report.Total.Approved, ["Đã phân bổ"] = report.Total.Allocated, ["Đã chi"] = report.Total.Paid,
            ["Đã quyết toán"] = report.Total.Spent, ["Chưa phân bổ"] = report.Total.Unallocated,
        });
        var sheets = new Dictionary<string, object>
        {
            ["Thực hiện dự toán"] = rows,
            ["Theo loại nguồn"] = report.BySourceKind.Select(t => Total("Loại nguồn", Names.Source(Enum.Parse<FundingSourceKind>(t.Key)), t)).ToList(),
            ["Theo mục đích"] = report.ByPurpose.Select(t => Total("Mục đích", Names.Purpose(Enum.Parse<BudgetPurpose>(t.Key)), t)).ToList(),
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheets, excelType: ExcelType.XLSX, cancellationToken: ct);
        return new GeneratedFile(stream.ToArray(), $"thuc-hien-du-toan{(q.Year is { } y ? $"-{y}" : "")}.xlsx", GeneratedFile.Xlsx);
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
