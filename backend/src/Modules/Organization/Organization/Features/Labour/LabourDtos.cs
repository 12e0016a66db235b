using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Labour;

/// <summary>One year of an enterprise's labour figures. Income is the average monthly income per worker in whole VND.</summary>
public sealed record YearFiguresView(int Year, int Workforce, int Women, int UnionMembers, decimal AverageMonthlyIncome, bool CbaSigned,
    DateOnly? CbaSignedOn, DateOnly? CbaExpiresOn, int Disputes, int Stoppages, int Dialogues, long Version);

/// <summary>An enterprise in the list, with the figures of the year asked for (none when not asked or not reported).</summary>
public sealed record EnterpriseListItem(Guid Id, string Name, string TaxCode, Ownership Ownership, Sector Sector, string District,
    string? IndustrialZone, Guid UnitId, string UnitName, Guid? GrassrootsUnitId, YearFiguresView? Figures);

public sealed record EnterpriseDetail(Guid Id, Guid UnitId, string UnitName, Guid? GrassrootsUnitId, string? GrassrootsUnitName,
    string Name, string TaxCode, Ownership Ownership, Sector Sector, string District, string? IndustrialZone, string? Address,
    IReadOnlyList<YearFiguresView> Figures, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

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
