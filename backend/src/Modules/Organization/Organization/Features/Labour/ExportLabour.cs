using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>
/// The enterprises in the caller's scope as an .xlsx sheet, one row per enterprise and year (an enterprise without
/// figures gets one row with the year blank), with the columns of the import template.
/// </summary>
public sealed record ExportLabour : IQuery<SpreadsheetFile>, IEnterpriseSearch
{
    public const string Route = "/api/v1/organization/labour/export";
    /// <summary>Only this year's figures; all years when absent.</summary>
    public int? Year { get; init; }
    /// <summary>Only the enterprises kept by this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    public Ownership? Ownership { get; init; }
    public Sector? Sector { get; init; }
    public string? District { get; init; }
    public string? Zone { get; init; }
    /// <summary>Text to find in the name, tax code or address.</summary>
    public string? Q { get; init; }
}

internal sealed class ExportLabourValidator : AbstractValidator<ExportLabour>
{
    public ExportLabourValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(LabourRules.FirstYear, 2100);
        RuleFor(x => x.Q).MaximumLength(200);
    }
}

internal sealed class ExportLabourHandler(OrganizationDbContext db) : IQueryHandler<ExportLabour, SpreadsheetFile>
{
    public async ValueTask<SpreadsheetFile> Handle(ExportLabour query, CancellationToken ct)
    {
        var enterprises = await db.FindAsync(query, ct);
        var year = query.Year;
        var list = await enterprises.OrderBy(e => e.Name)
            .Select(e => new
            {
                e.TaxCode, e.Name, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.Address, e.GrassrootsUnitId,
                Figures = e.Figures.Where(f => year == null || f.Year == year).OrderBy(f => f.Year)
                    .Select(f => new YearFiguresView(f.Year, f.Workforce, f.Women, f.UnionMembers, f.AverageMonthlyIncome, f.CbaSigned, f.CbaSignedOn,
                        f.CbaExpiresOn, f.Disputes, f.Stoppages, f.Dialogues, f.Version)).ToList(),
            })
            .ToListAsync(ct);
        var grassrootsIds = list.Where(e => e.GrassrootsUnitId != null).Select(e => e.GrassrootsUnitId!.Value).Distinct().ToList();
        var codes = await db.Units.IgnoreQueryFilters().Where(u => grassrootsIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Code, ct);

        var table = LabourSheet.NewTable();
        foreach (var e in list)
        {
            var code = e.GrassrootsUnitId is { } g ? codes.GetValueOrDefault(g) : null;
            if (e.Figures.Count == 0)
                LabourSheet.AddRow(table, e.TaxCode, e.Name, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.Address, code, null);
            foreach (var f in e.Figures)
                LabourSheet.AddRow(table, e.TaxCode, e.Name, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.Address, code, f);
        }
        using var stream = new MemoryStream();
        await LabourSheet.WriteAsync(stream, table, ct);
        return new SpreadsheetFile(stream.ToArray(), year is { } y ? $"co-so-du-lieu-lao-dong-{y}.xlsx" : "co-so-du-lieu-lao-dong.xlsx");
    }
}

internal sealed class ExportLabourEndpoint(IMediator mediator) : Endpoint<ExportLabour>
{
    public override void Configure()
    {
        Get(ExportLabour.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), LabourSheet.ContentType));
        Summary(s => s.Summary = "Export the labour database to Excel (.xlsx), one row per enterprise and year");
    }

    public override async Task HandleAsync(ExportLabour req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.BytesAsync(file.Content, file.FileName, LabourSheet.ContentType, cancellation: ct);
    }
}
