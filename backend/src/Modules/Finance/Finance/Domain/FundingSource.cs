using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Finance.Domain;

/// <summary>Where money comes from (plan 405 section II.4).</summary>
public enum FundingSourceKind
{
    /// <summary>Kinh phí công đoàn of the unit.</summary>
    UnionFunds,
    /// <summary>State budget through the provincial Department of Science and Technology (Sở KH&amp;CN), under a programme or contract.</summary>
    StateBudget,
    /// <summary>A socialised (non-state) sponsor: an enterprise or organisation with its tax code.</summary>
    Sponsor,
    Other,
}

/// <summary>A funding source of a unit. A state-budget source names its programme or contract; a sponsor its name and tax code.</summary>
internal sealed class FundingSource : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public FundingSourceKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>State budget: the Sở KH&amp;CN programme or contract reference.</summary>
    public string? ProgrammeReference { get; private set; }
    /// <summary>Sponsor: its registered name and tax code (check digit verified).</summary>
    public string? SponsorName { get; private set; }
    public string? SponsorTaxCode { get; private set; }
    public string? Note { get; private set; }

    private FundingSource() { }

    public static FundingSource Create(Guid unitId, FundingSourceKind kind, string name, string? programmeReference, string? sponsorName,
        string? sponsorTaxCode, string? note)
    {
        var violations = FundingSourceRules.Check(kind, name, programmeReference, sponsorName, sponsorTaxCode).ToList();
        if (violations.Count > 0)
            throw new RequestValidationException(violations.GroupBy(v => v.Field).ToDictionary(g => g.Key, g => g.Select(v => v.Message).ToArray()));
        return new FundingSource
        {
            UnitId = unitId, Kind = kind, Name = name.Trim(),
            ProgrammeReference = kind == FundingSourceKind.StateBudget ? programmeReference!.Trim() : null,
            SponsorName = kind == FundingSourceKind.Sponsor ? sponsorName!.Trim() : null,
            SponsorTaxCode = kind == FundingSourceKind.Sponsor ? TaxCodes.Normalise(sponsorTaxCode) : null,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
    }
}

internal static class FundingSourceRules
{
    public static IEnumerable<(string Field, string Message)> Check(FundingSourceKind kind, string? name, string? programmeReference,
        string? sponsorName, string? sponsorTaxCode)
    {
        if (string.IsNullOrWhiteSpace(name)) yield return ("name", Localized.Text("Name the source.", "Nhập tên nguồn kinh phí."));
        if (kind == FundingSourceKind.StateBudget && string.IsNullOrWhiteSpace(programmeReference))
            yield return ("programmeReference", Localized.Text("State budget through the Department of Science and Technology needs its programme or contract reference.",
                "Nguồn ngân sách qua Sở KH&CN phải có số chương trình hoặc hợp đồng."));
        if (kind == FundingSourceKind.Sponsor)
        {
            if (string.IsNullOrWhiteSpace(sponsorName))
                yield return ("sponsorName", Localized.Text("Name the sponsor.", "Nhập tên nhà tài trợ."));
            if (!TaxCodes.IsValid(sponsorTaxCode))
                yield return ("sponsorTaxCode", Localized.Text(
                    "The sponsor's tax code must be 10 digits (or 10 digits, '-', 3 digits for a branch) with a valid check digit (Circular 105/2020/TT-BTC art. 5).",
                    "Mã số thuế nhà tài trợ gồm 10 chữ số (chi nhánh: 10 chữ số, dấu '-', 3 chữ số) với chữ số kiểm tra hợp lệ (Thông tư 105/2020/TT-BTC Điều 5)."));
        }
    }
}
