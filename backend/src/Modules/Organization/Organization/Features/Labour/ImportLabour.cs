using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// The import form: an .xlsx file (up to 10 MB, recognised by its content) and the unit to keep new enterprises
/// under. The file is rejected whole when any row is invalid (422 listing every bad row); otherwise enterprises are
/// upserted by tax code (their data from the first row of each tax code, blank cells clearing) and figures by
/// (tax code, year) in one transaction. dryRun=true checks without writing.
/// </summary>
public sealed record UploadLabourImport
{
    public const string Route = "/api/v1/organization/labour/import";
    public IFormFile? File { get; init; }
    /// <summary>The union unit that keeps the enterprises the file adds (existing ones keep their unit).</summary>
    public Guid UnitId { get; init; }
    /// <summary>Check the file and report what would change, without writing anything (a form field; ?dryRun=true works too).</summary>
    public bool DryRun { get; init; }
}

/// <summary>What an import wrote (or, in a dry run, would write).</summary>
public sealed record LabourImportSummary(bool DryRun, int Rows, int EnterprisesCreated, int EnterprisesUpdated, int FiguresWritten);

public sealed record ImportLabour(Guid UnitId, string FileName, Stream Content, long Length, bool DryRun) : Mediator.ICommand<LabourImportSummary>;

internal sealed class ImportLabourHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<ImportLabour, LabourImportSummary>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async ValueTask<LabourImportSummary> Handle(ImportLabour command, CancellationToken ct)
    {
        await UnitAccess.DemandAsync(db, Permission.LabourManage, command.UnitId, ct);
        if (command.Length is 0 or > MaxBytes) throw FileProblem(Localized.Text("Choose an .xlsx file of up to 10 MB.", "Chọn tệp .xlsx có dung lượng tối đa 10 MB."));
        if (await FileTypes.DetectAsync(command.Content, command.FileName, ct) != LabourSheet.ContentType)
            throw FileProblem(Localized.Text($"'{command.FileName}' is not an Excel (.xlsx) file.", $"Tệp '{command.FileName}' không phải là tệp Excel (.xlsx)."));

        var (rows, errors, missing) = LabourSheet.Read(command.Content);
        if (missing.Count > 0) throw FileProblem(Localized.Text($"The sheet lacks the columns: {string.Join(", ", missing)}. Start from the import template.",
                $"Trang tính thiếu các cột: {string.Join(", ", missing)}. Hãy dùng tệp mẫu nhập liệu."));
        if (rows.Count == 0 && errors.Count == 0) throw FileProblem(Localized.Text("The sheet has no data rows.", "Trang tính không có dòng dữ liệu nào."));

        var currentYear = VietnamTime.Today(clock).Year;
        foreach (var row in rows)
        {
            Report(errors, row.Row, LabourRules.CheckEnterprise(row.Enterprise));
            if (row is { Year: { } year, Figures: { } figures }) Report(errors, row.Row, LabourRules.CheckFigures(year, figures, currentYear));
        }
        foreach (var duplicate in rows.Where(r => r.Year is not null)
                     .GroupBy(r => (TaxCode: LabourRules.NormaliseTaxCode(r.Enterprise.TaxCode), r.Year)).Where(g => g.Count() > 1))
            foreach (var row in duplicate.Skip(1))
                errors.Add(new ImportRowError(row.Row, LabourSheet.Year, "duplicate_year",
                    Localized.Text($"Row {duplicate.First().Row} already gives the figures of {duplicate.Key.TaxCode} for {duplicate.Key.Year}.",
                        $"Dòng {duplicate.First().Row} đã có số liệu năm {duplicate.Key.Year} của mã số thuế {duplicate.Key.TaxCode}.")));

        // Existing enterprises are matched across the whole database: one record per tax code.
        var taxCodes = rows.Select(r => LabourRules.NormaliseTaxCode(r.Enterprise.TaxCode)).Distinct().ToList();
        var existing = await db.Enterprises.IgnoreQueryFilters().Include(e => e.Figures).Where(e => taxCodes.Contains(e.TaxCode))
            .ToDictionaryAsync(e => e.TaxCode, ct);
        foreach (var row in rows)
            if (existing.TryGetValue(LabourRules.NormaliseTaxCode(row.Enterprise.TaxCode), out var e) && !db.Access.Can(Permission.LabourManage, e.UnitId))
                errors.Add(new ImportRowError(row.Row, LabourSheet.TaxCode, "out_of_scope",
                    Localized.Text("This tax code belongs to an enterprise kept by a union unit outside your rights; it cannot be changed from here.",
                        "Mã số thuế này thuộc doanh nghiệp do đơn vị công đoàn ngoài phạm vi quyền của bạn quản lý; không thể thay đổi từ đây.")));

        var grassroots = await ResolveGrassrootsAsync(rows, existing, command.UnitId, errors, ct);

        if (errors.Count > 0)
        {
            var ordered = errors.OrderBy(e => e.Row).ThenBy(e => Array.IndexOf(LabourSheet.Columns, e.Column)).ToList();
            throw new ApiProblemException(422, "import_rejected", Localized.Text("The file was not imported.", "Tệp chưa được nhập."),
                Localized.Text($"{ordered.Select(e => e.Row).Distinct().Count()} row(s) have errors; nothing was imported. Correct them and upload the file again.",
                    $"{ordered.Select(e => e.Row).Distinct().Count()} dòng có lỗi nên chưa nhập dòng nào. Hãy sửa các lỗi rồi tải tệp lên lại."),
                new Dictionary<string, object?>
                {
                    ["rowErrors"] = ordered,
                    ["errors"] = ordered.GroupBy(e => $"row{e.Row}").ToDictionary(g => g.Key, g => g.Select(e => $"{e.Column}: {e.Message}").ToArray()),
                });
        }

        int created = 0, updated = 0, figuresWritten = 0;
        foreach (var group in rows.GroupBy(r => LabourRules.NormaliseTaxCode(r.Enterprise.TaxCode)))
        {
            // Several rows of one enterprise (one per year): its data is taken from the first; a row is the whole record, blank cells clear.
            var first = group.First();
            var details = first.Enterprise with { GrassrootsUnitId = grassroots.TryGetValue(first.Row, out var g) ? g : null };
            if (existing.TryGetValue(group.Key, out var enterprise))
            {
                updated++;
                if (!command.DryRun) enterprise.Update(details);
            }
            else
            {
                created++;
                enterprise = Enterprise.Create(command.UnitId, details);
                if (!command.DryRun) db.Enterprises.Add(enterprise);
            }
            foreach (var row in group.Where(r => r.Year is not null))
            {
                figuresWritten++;
                if (!command.DryRun) enterprise.SetFigures(row.Year!.Value, row.Figures!, currentYear);
            }
        }
        if (command.DryRun) db.ChangeTracker.Clear();
        return new LabourImportSummary(command.DryRun, rows.Count, created, updated, figuresWritten);
    }

    /// <summary>The grassroots union of each row that names one (by unit code), checked against the enterprise's keeping unit.</summary>
    private async Task<Dictionary<int, Guid>> ResolveGrassrootsAsync(List<SheetRow> rows, Dictionary<string, Enterprise> existing, Guid importUnitId,
        List<ImportRowError> errors, CancellationToken ct)
    {
        var result = new Dictionary<int, Guid>();
        var codes = rows.Where(r => r.GrassrootsCode is not null).Select(r => r.GrassrootsCode!).Distinct().ToList();
        if (codes.Count == 0) return result;
        var units = await db.Units.IgnoreQueryFilters().Where(u => codes.Contains(u.Code)).Select(u => new { u.Id, u.Code, u.Kind, u.Path })
            .ToDictionaryAsync(u => u.Code, ct);
        var keepingIds = existing.Values.Select(e => e.UnitId).Append(importUnitId).Distinct().ToList();
        var keepingPaths = await db.Units.IgnoreQueryFilters().Where(u => keepingIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        foreach (var row in rows.Where(r => r.GrassrootsCode is not null))
        {
            var keeping = existing.TryGetValue(LabourRules.NormaliseTaxCode(row.Enterprise.TaxCode), out var e) ? e.UnitId : importUnitId;
            if (units.TryGetValue(row.GrassrootsCode!, out var unit) && unit.Kind == UnitKind.Grassroots
                && unit.Path.StartsWith(keepingPaths[keeping], StringComparison.Ordinal))
                result[row.Row] = unit.Id;
            else
                errors.Add(new ImportRowError(row.Row, LabourSheet.Grassroots, "grassroots_outside_unit",
                    Localized.Text($"'{row.GrassrootsCode}' is not the code of a grassroots union under the unit keeping this enterprise.",
                        $"'{row.GrassrootsCode}' không phải mã của một công đoàn cơ sở thuộc đơn vị quản lý doanh nghiệp này.")));
        }
        return result;
    }

    private static void Report(List<ImportRowError> errors, int row, IEnumerable<LabourRuleViolation> violations) =>
        errors.AddRange(violations.Select(v => new ImportRowError(row, LabourSheet.ColumnOfField.GetValueOrDefault(v.Field, v.Field), v.Code, v.Message)));

    private static RequestValidationException FileProblem(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });
}

internal sealed class UploadLabourImportEndpoint(IMediator mediator) : Endpoint<UploadLabourImport, LabourImportSummary>
{
    public override void Configure()
    {
        Post(UploadLabourImport.Route);
        AllowFileUploads();
        Policies(Permission.LabourManage);
        Summary(s =>
        {
            s.Summary = "Import enterprises and yearly figures from Excel (multipart/form-data: file, unitId; all rows or none)";
            s.Response<LabourImportSummary>(200, "Every row was valid: what was written (or, with dryRun, what would be).");
            s.Response(422, "Some rows are invalid and nothing was written: rowErrors lists each one (row as in Excel, column, code, message).");
        });
    }

    public override async Task HandleAsync(UploadLabourImport req, CancellationToken ct)
    {
        if (req.File is null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Choose an .xlsx file to import.", "Chọn tệp .xlsx để nhập.")] });
        await using var upload = req.File.OpenReadStream();
        // The reader needs to seek (zip); the handler refuses anything over 10 MB before reading it.
        using var content = new MemoryStream();
        if (req.File.Length <= ImportLabourHandler.MaxBytes) await upload.CopyToAsync(content, ct);
        content.Position = 0;
        await Send.OkAsync(await mediator.Send(new ImportLabour(req.UnitId, req.File.FileName, content, req.File.Length, req.DryRun), ct), ct);
    }
}
