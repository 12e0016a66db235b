using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Organization.Domain;

/// <summary>Who owns an enterprise (the statistical ownership groups the labour reports use).</summary>
public enum Ownership { State, Private, Fdi, Collective, Other }

/// <summary>
/// The short, fixed list of sectors the labour database groups by: Manufacturing (general), TextileGarment,
/// Electronics, Construction, TradeServices, Agriculture, EducationHealth (incl. public service units), Other.
/// </summary>
public enum Sector { Manufacturing, TextileGarment, Electronics, Construction, TradeServices, Agriculture, EducationHealth, Other }

/// <summary>
/// An enterprise of the labour and labour-relations database. <see cref="UnitId"/> is the union unit that keeps the
/// record (its scope decides who sees it); <see cref="GrassrootsUnitId"/> the grassroots union covering it, if any,
/// which must lie inside the keeping unit's subtree (checked where units are known: the handlers).
/// </summary>
internal sealed class Enterprise : Entity, IUnitOwned
{
    private Enterprise() { }

    public Guid UnitId { get; private set; }
    public UnionUnit? Unit { get; private set; }
    public Guid? GrassrootsUnitId { get; private set; }
    public string Name { get; private set; } = "";
    public string TaxCode { get; private set; } = "";
    public Ownership Ownership { get; private set; }
    public Sector Sector { get; private set; }
    /// <summary>The administrative district, town or city the enterprise sits in.</summary>
    public string District { get; private set; } = "";
    public string? IndustrialZone { get; private set; }
    public string? Address { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<EnterpriseYearFigures> Figures { get; private set; } = [];

    /// <summary>Creates an enterprise kept by <paramref name="unitId"/> (also the entry point of bulk generators: no HTTP needed).</summary>
    public static Enterprise Create(Guid unitId, EnterpriseDetails details)
    {
        var enterprise = new Enterprise { UnitId = unitId };
        enterprise.Update(details);
        return enterprise;
    }

    public void Update(EnterpriseDetails d)
    {
        LabourRules.Throw(LabourRules.CheckEnterprise(d));
        Name = d.Name.Trim();
        TaxCode = LabourRules.NormaliseTaxCode(d.TaxCode);
        Ownership = d.Ownership;
        Sector = d.Sector;
        District = d.District.Trim();
        IndustrialZone = string.IsNullOrWhiteSpace(d.IndustrialZone) ? null : d.IndustrialZone.Trim();
        Address = string.IsNullOrWhiteSpace(d.Address) ? null : d.Address.Trim();
        GrassrootsUnitId = d.GrassrootsUnitId;
        SearchText = VietnameseText.FoldAll(Name, TaxCode, Address);
    }

    /// <summary>Writes the figures of one year (creating the row or replacing its values); the rules of <see cref="LabourRules.CheckFigures"/> apply.</summary>
    public EnterpriseYearFigures SetFigures(int year, YearFigureValues values, int currentYear)
    {
        LabourRules.Throw(LabourRules.CheckFigures(year, values, currentYear));
        var row = Figures.FirstOrDefault(f => f.Year == year);
        if (row is null)
        {
            row = new EnterpriseYearFigures(Id, UnitId, year);
            Figures.Add(row);
        }
        row.Set(values);
        return row;
    }

    /// <summary>
    /// Gives the enterprise to another keeping unit from a year on (a split, issue #16): its figures of that year and later
    /// go with it; earlier years stay with the unit that kept it then, so past reports and as-of views do not change.
    /// </summary>
    public void TransferTo(Guid unitId, int fromYear)
    {
        UnitId = unitId;
        foreach (var row in Figures.Where(f => f.Year >= fromYear)) row.KeptBy(unitId);
    }
}

internal sealed record EnterpriseDetails(string Name, string TaxCode, Ownership Ownership, Sector Sector, string District,
    string? IndustrialZone, string? Address, Guid? GrassrootsUnitId);

/// <summary>The figures an enterprise reports for a year.</summary>
internal sealed record YearFigureValues(int Workforce, int Women, int UnionMembers, decimal AverageMonthlyIncome, bool CbaSigned,
    DateOnly? CbaSignedOn, DateOnly? CbaExpiresOn, int Disputes, int Stoppages, int Dialogues);

/// <summary>One year of an enterprise's labour figures; (EnterpriseId, Year) is unique.</summary>
internal sealed class EnterpriseYearFigures : Entity, IUnitOwned
{
    private EnterpriseYearFigures() { }

    public EnterpriseYearFigures(Guid enterpriseId, Guid unitId, int year)
    {
        EnterpriseId = enterpriseId;
        UnitId = unitId;
        Year = year;
    }

    public Guid EnterpriseId { get; private set; }
    public Enterprise? Enterprise { get; private set; }
    /// <summary>The enterprise's keeping unit, copied so the scope filter and the audit trail apply to the row itself.</summary>
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public int Workforce { get; private set; }
    public int Women { get; private set; }
    public int UnionMembers { get; private set; }
    /// <summary>Average monthly income per worker, whole VND.</summary>
    public decimal AverageMonthlyIncome { get; private set; }
    public bool CbaSigned { get; private set; }
    public DateOnly? CbaSignedOn { get; private set; }
    public DateOnly? CbaExpiresOn { get; private set; }
    public int Disputes { get; private set; }
    public int Stoppages { get; private set; }
    public int Dialogues { get; private set; }

    public void KeptBy(Guid unitId) => UnitId = unitId;

    public void Set(YearFigureValues v)
    {
        Workforce = v.Workforce;
        Women = v.Women;
        UnionMembers = v.UnionMembers;
        AverageMonthlyIncome = v.AverageMonthlyIncome;
        CbaSigned = v.CbaSigned;
        CbaSignedOn = v.CbaSigned ? v.CbaSignedOn : null;
        CbaExpiresOn = v.CbaSigned ? v.CbaExpiresOn : null;
        Disputes = v.Disputes;
        Stoppages = v.Stoppages;
        Dialogues = v.Dialogues;
    }

    public YearFigureValues Values() =>
        new(Workforce, Women, UnionMembers, AverageMonthlyIncome, CbaSigned, CbaSignedOn, CbaExpiresOn, Disputes, Stoppages, Dialogues);
}

/// <summary>A rule an enterprise or its figures broke: the field (camelCase, as in the API) and a code the SPA can translate.</summary>
internal sealed record LabourRuleViolation(string Field, string Code, string Message);

/// <summary>
/// The rules of the labour database, in one place: the API validators, the Excel import (row by row) and the domain
/// methods all ask here, so a rule cannot differ between the form and the spreadsheet.
/// </summary>
internal static class LabourRules
{
    public const int FirstYear = 2000;
    public static string NormaliseTaxCode(string? taxCode) => Khcn.BuildingBlocks.Text.TaxCodes.Normalise(taxCode);

    /// <summary>The one tax-code rule (check digit included): <see cref="Khcn.BuildingBlocks.Text.TaxCodes"/>.</summary>
    public static bool IsValidTaxCode(string? taxCode) => Khcn.BuildingBlocks.Text.TaxCodes.IsValid(taxCode);

    /// <summary>The check digit the first nine digits call for, or null when no code can start with them.</summary>
    public static int? TaxCodeCheckDigit(string nineDigits) => Khcn.BuildingBlocks.Text.TaxCodes.CheckDigit(nineDigits);

    internal static IEnumerable<LabourRuleViolation> CheckEnterprise(EnterpriseDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) yield return new("name", "required", Localized.Text("Enter the enterprise's name.", "Nhập tên doanh nghiệp."));
        else if (d.Name.Trim().Length > 300) yield return new("name", "too_long", Localized.Text("The name is at most 300 characters.", "Tên tối đa 300 ký tự."));
        if (string.IsNullOrWhiteSpace(d.TaxCode)) yield return new("taxCode", "required", Localized.Text("Enter the tax code.", "Nhập mã số thuế."));
        else if (!IsValidTaxCode(d.TaxCode))
            yield return new("taxCode", "tax_code_invalid", Localized.Text(
                "The tax code must be 10 digits (or 10 digits, '-', 3 digits for a branch) with a valid check digit.",
                "Mã số thuế gồm 10 chữ số (chi nhánh: 10 chữ số, dấu '-', 3 chữ số) với chữ số kiểm tra hợp lệ."));
        if (!Enum.IsDefined(d.Ownership)) yield return new("ownership", "invalid", Localized.Text("Choose an ownership type.", "Chọn loại hình sở hữu."));
        if (!Enum.IsDefined(d.Sector)) yield return new("sector", "invalid", Localized.Text("Choose a sector.", "Chọn ngành nghề."));
        if (string.IsNullOrWhiteSpace(d.District)) yield return new("district", "required", Localized.Text("Enter the district, town or city.", "Nhập huyện, thị xã hoặc thành phố."));
        else if (d.District.Trim().Length > 100) yield return new("district", "too_long", Localized.Text("The district is at most 100 characters.", "Tên huyện tối đa 100 ký tự."));
        if (d.IndustrialZone?.Trim().Length > 200) yield return new("industrialZone", "too_long", Localized.Text("The industrial zone is at most 200 characters.", "Tên khu công nghiệp tối đa 200 ký tự."));
        if (d.Address?.Trim().Length > 500) yield return new("address", "too_long", Localized.Text("The address is at most 500 characters.", "Địa chỉ tối đa 500 ký tự."));
    }

    public static IEnumerable<LabourRuleViolation> CheckFigures(int year, YearFigureValues v, int currentYear)
    {
        if (year < FirstYear || year > currentYear + 1)
            yield return new("year", "year_out_of_range",
                Localized.Text($"The year must be between {FirstYear} and {currentYear + 1}.", $"Năm phải trong khoảng từ {FirstYear} đến {currentYear + 1}."));
        foreach (var (field, value) in new[] { ("workforce", v.Workforce), ("women", v.Women), ("unionMembers", v.UnionMembers),
                     ("disputes", v.Disputes), ("stoppages", v.Stoppages), ("dialogues", v.Dialogues) })
            if (value < 0) yield return new(field, "negative", Localized.Text("The number cannot be negative.", "Số liệu không được âm."));
        if (v.Women > v.Workforce) yield return new("women", "women_above_workforce", Localized.Text("Women cannot outnumber the workforce.", "Số lao động nữ không thể lớn hơn tổng số lao động."));
        if (v.UnionMembers > v.Workforce) yield return new("unionMembers", "members_above_workforce", Localized.Text("Union members cannot outnumber the workforce.", "Số đoàn viên không thể lớn hơn tổng số lao động."));
        if (v.AverageMonthlyIncome < 0) yield return new("averageMonthlyIncome", "negative", Localized.Text("The income cannot be negative.", "Thu nhập không được âm."));
        else if (v.AverageMonthlyIncome != decimal.Truncate(v.AverageMonthlyIncome))
            yield return new("averageMonthlyIncome", "whole_dong", Localized.Text("Give the income in whole dong.", "Nhập thu nhập theo số đồng chẵn (không có phần lẻ)."));
        else if (v.AverageMonthlyIncome > 10_000_000_000m)
            yield return new("averageMonthlyIncome", "too_large", Localized.Text("The income is at most 10,000,000,000 VND a month.", "Thu nhập tối đa 10.000.000.000 đồng/tháng."));
        if (!v.CbaSigned)
        {
            if (v.CbaSignedOn is not null || v.CbaExpiresOn is not null)
                yield return new("cbaSignedOn", "cba_dates_without_agreement", Localized.Text("Agreement dates are given only when an agreement is signed.", "Chỉ nhập ngày ký, ngày hết hạn khi đã ký thỏa ước lao động tập thể."));
        }
        else if (v.CbaSignedOn is { } signed && v.CbaExpiresOn is { } expires && expires <= signed)
            yield return new("cbaExpiresOn", "cba_expiry_before_signing", Localized.Text("The agreement must expire after the day it was signed.", "Ngày hết hạn của thỏa ước phải sau ngày ký."));
        else if (v.CbaSignedOn is null && v.CbaExpiresOn is not null)
            yield return new("cbaSignedOn", "required", Localized.Text("Give the signing date when an expiry date is given.", "Đã nhập ngày hết hạn thì phải nhập ngày ký."));
    }

    internal static void Throw(IEnumerable<LabourRuleViolation> violations)
    {
        var list = violations.ToList();
        if (list.Count > 0)
            throw new RequestValidationException(list.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()));
    }
}
