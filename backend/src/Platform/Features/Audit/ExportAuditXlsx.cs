using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Platform.Features.Audit;

/// <summary>
/// The audit browser's filters as a spreadsheet (.xlsx, Vietnamese headers): the same entries as <see cref="ListAudit"/>
/// in the caller's scope, in the same order, at most <see cref="MaxRows"/> of them (the heading says when it is cut).
/// </summary>
public sealed class ExportAuditXlsx : AuditFilter, IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/audit.xlsx";
    public const int MaxRows = 10_000;
}

internal sealed class ExportAuditXlsxValidator : AbstractValidator<ExportAuditXlsx>
{
    public ExportAuditXlsxValidator()
    {
        this.AddAuditFilterRules();
        RuleFor(x => x.Sort).Must(s => s is null or "occurredAt" or "-occurredAt")
            .WithMessage("Sort by occurredAt or -occurredAt.", "Chỉ sắp xếp theo occurredAt hoặc -occurredAt.");
    }
}

internal sealed class ExportAuditXlsxHandler(IEnumerable<IModuleDbContext> modules, AccessContext access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ExportAuditXlsx, GeneratedFile>
{
    private static readonly Dictionary<string, string> ModuleNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["platform"] = "Nền tảng", ["organization"] = "Tổ chức & chính sách", ["training"] = "Tuyên truyền & đào tạo",
        ["participation"] = "Tham gia & thi đua", ["finance"] = "Tài chính",
    };

    private static readonly Dictionary<string, string> Actions = new() { ["Created"] = "Thêm mới", ["Updated"] = "Sửa", ["Deleted"] = "Xoá" };

    public async ValueTask<GeneratedFile> Handle(ExportAuditXlsx q, CancellationToken ct)
    {
        var (items, total) = await AuditTrail.ReadAsync(modules, access, q, 0, ExportAuditXlsx.MaxRows, ct);
        var rows = items.Select(e => new Dictionary<string, object?>
        {
            ["Thời điểm"] = VietnamTime.ToLocal(e.OccurredAt),
            ["Người thực hiện"] = e.UserEmail,
            ["Phân hệ"] = ModuleNames.GetValueOrDefault(e.Module, e.Module),
            ["Loại bản ghi"] = e.EntityType,
            ["Mã bản ghi"] = e.EntityId,
            ["Thao tác"] = Actions.GetValueOrDefault(e.Action, e.Action),
            ["Nội dung thay đổi (cũ → mới)"] = string.Join("; ", e.Changes.Select(c => $"{c.Field}: {c.Old ?? "∅"} → {c.New ?? "∅"}")),
        }).ToList();
        var issuer = (await mediator.Send(new GetRootUnit(), ct))?.Name ?? "";
        var heading = new ReportHeading(issuer, "NHẬT KÝ THAY ĐỔI DỮ LIỆU", Scope(q, items.Count, total), clock.GetUtcNow());
        return new GeneratedFile(new ReportWorkbook(heading).Add("Nhật ký", rows).ToXlsx(), "nhat-ky-thay-doi.xlsx", GeneratedFile.Xlsx);
    }

    /// <summary>The scope line repeats the filters, and says when the sheet holds only the first entries.</summary>
    private static string Scope(ExportAuditXlsx q, int shown, int total)
    {
        var parts = new List<string> { "Phạm vi: các đơn vị được phép xem" };
        if (!string.IsNullOrWhiteSpace(q.Module)) parts.Add($"phân hệ: {ModuleNames.GetValueOrDefault(q.Module, q.Module)}");
        if (!string.IsNullOrWhiteSpace(q.Actor)) parts.Add($"người thực hiện: {q.Actor.Trim()}");
        if (!string.IsNullOrWhiteSpace(q.EntityType)) parts.Add($"loại bản ghi: {q.EntityType}");
        if (!string.IsNullOrWhiteSpace(q.EntityId)) parts.Add($"mã bản ghi: {q.EntityId}");
        if (q.From is { } from) parts.Add($"từ {VietnamTime.ToLocal(from.ToUniversalTime()):dd/MM/yyyy HH:mm}");
        if (q.To is { } to) parts.Add($"trước {VietnamTime.ToLocal(to.ToUniversalTime()):dd/MM/yyyy HH:mm}");
        if (shown < total) parts.Add($"{shown:N0} / {total:N0} mục đầu tiên");
        return string.Join("; ", parts);
    }
}

internal sealed class ExportAuditXlsxEndpoint(IMediator mediator) : GeneratedFileEndpoint<ExportAuditXlsx>(mediator)
{
    public override void Configure()
    {
        Get(ExportAuditXlsx.Route);
        Policies(Permission.AuditRead);
        Description(d => d.Produces(200, typeof(Stream), GeneratedFile.Xlsx));
        Summary(s => s.Summary = "Download the audit trail with the audit browser's filters, in the caller's scope, as a spreadsheet");
    }
}
