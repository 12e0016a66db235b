using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>The editable fields of an enterprise.</summary>
public abstract record EnterpriseFields
{
    public string Name { get; init; } = "";
    /// <summary>10 digits, or 10 digits + "-" + 3 digits for a branch; the 10th digit is the official check digit. Unique in the database.</summary>
    public string TaxCode { get; init; } = "";
    public Ownership Ownership { get; init; }
    /// <summary>Manufacturing, TextileGarment, Electronics, Construction, TradeServices, Agriculture, EducationHealth or Other.</summary>
    public Sector Sector { get; init; }
    /// <summary>The administrative district, town or city, e.g. "Văn Lâm".</summary>
    public string District { get; init; } = "";
    /// <summary>The industrial zone, e.g. "KCN Phố Nối A"; none outside zones.</summary>
    public string? IndustrialZone { get; init; }
    public string? Address { get; init; }
    /// <summary>The grassroots union covering the enterprise: a grassroots unit inside the keeping unit's subtree (422 otherwise).</summary>
    public Guid? GrassrootsUnitId { get; init; }

    internal EnterpriseDetails ToDetails() => new(Name, TaxCode, Ownership, Sector, District, IndustrialZone, Address, GrassrootsUnitId);
}

internal static class EnterpriseFieldRules
{
    /// <summary>The same rules as the domain and the import (<see cref="LabourRules"/>), reported per field.</summary>
    public static void AddEnterpriseRules<T>(this AbstractValidator<T> v) where T : EnterpriseFields =>
        v.RuleFor(x => x).Custom((x, ctx) =>
        {
            foreach (var violation in LabourRules.CheckEnterprise(x.ToDetails())) ctx.AddFailure(violation.Field, violation.Message);
        });
}

/// <summary>The checks creating and changing an enterprise share: the covering grassroots union and the unique tax code (scope and rights: <see cref="Khcn.Organization.Access.EnterpriseAccess"/>).</summary>
internal static class EnterpriseChecks
{
    /// <summary>The grassroots union must be a grassroots unit inside the keeping unit's subtree (422 otherwise).</summary>
    public static async Task EnsureGrassrootsFitsAsync(OrganizationDbContext db, Guid keepingUnitId, Guid? grassrootsUnitId, CancellationToken ct)
    {
        if (grassrootsUnitId is not { } id) return;
        if (!await GrassrootsFitsAsync(db, keepingUnitId, id, ct))
        {
            var choose = Localized.Text("Choose a grassroots union inside the keeping unit's subtree.",
                "Chọn một công đoàn cơ sở thuộc đơn vị quản lý doanh nghiệp.");
            throw new ApiProblemException(422, "grassroots_outside_unit",
                Localized.Text("The grassroots union does not fit.", "Công đoàn cơ sở không phù hợp."), choose,
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["grassrootsUnitId"] = [choose] } });
        }
    }

    public static async Task<bool> GrassrootsFitsAsync(OrganizationDbContext db, Guid keepingUnitId, Guid grassrootsUnitId, CancellationToken ct)
    {
        var keepingPath = await db.Units.IgnoreQueryFilters().Where(u => u.Id == keepingUnitId).Select(u => u.Path).FirstOrDefaultAsync(ct);
        return keepingPath is not null && await db.Units.IgnoreQueryFilters()
            .WhereUnder(u => u.Path, keepingPath)
            .AnyAsync(u => u.Id == grassrootsUnitId && u.Kind == UnitKind.Grassroots, ct);
    }

    /// <summary>409 when another enterprise has the tax code; it is named only when the caller may see it.</summary>
    public static async Task EnsureTaxCodeFreeAsync(OrganizationDbContext db, string taxCode, Guid? self, CancellationToken ct)
    {
        var code = LabourRules.NormaliseTaxCode(taxCode);
        var existing = await db.Enterprises.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.TaxCode == code && e.Id != self).Select(e => new { e.Id, e.Name, e.UnitId }).FirstOrDefaultAsync(ct);
        if (existing is null) return;
        var named = db.Access.CanSee(existing.UnitId) ? $"'{existing.Name}'"
            : Localized.Text("an enterprise kept by another union unit", "một doanh nghiệp do đơn vị công đoàn khác quản lý");
        throw new BusinessRuleException("tax_code_taken",
            Localized.Text($"The tax code {code} is already registered to {named}.", $"Mã số thuế {code} đã được đăng ký cho {named}."),
            new Dictionary<string, string[]> { ["taxCode"] = [Localized.Text($"Already registered to {named}.", $"Đã được đăng ký cho {named}.")] });
    }
}
