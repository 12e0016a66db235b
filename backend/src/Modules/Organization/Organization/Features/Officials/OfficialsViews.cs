using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Officials;

public sealed record OfficialListItem(Guid Id, Guid UnitId, string? UnitName, string FullName, string Position, string? Phone, string? Email, bool IsFocalOfficial);

public sealed record OfficialDetail(
    Guid Id, Guid UnitId, string? UnitName, string FullName, string Position, string? Phone, string? Email,
    string? Expertise, PoliticalTheoryLevel PoliticalTheory, string? ForeignLanguage, bool ResearchMethodsTrained,
    bool IsFocalOfficial, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>The editable fields of an official, shared by create and update.</summary>
public abstract record OfficialFields
{
    public string FullName { get; init; } = "";
    /// <summary>Position in the unit, e.g. "Phó Chủ tịch".</summary>
    public string Position { get; init; } = "";
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>Professional expertise (chuyên môn).</summary>
    public string? Expertise { get; init; }
    public PoliticalTheoryLevel PoliticalTheory { get; init; }
    public string? ForeignLanguage { get; init; }
    /// <summary>Trained in research methods.</summary>
    public bool ResearchMethodsTrained { get; init; }

    internal OfficialDetails ToDetails() =>
        new(FullName, Position, Phone, Email, Expertise, PoliticalTheory, ForeignLanguage, ResearchMethodsTrained);
}

internal static class OfficialFieldRules
{
    public static void AddOfficialRules<T>(this AbstractValidator<T> v) where T : OfficialFields
    {
        v.RuleFor(x => x.FullName).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Position).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Phone).MaximumLength(50);
        v.RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
        v.RuleFor(x => x.Expertise).MaximumLength(300);
        v.RuleFor(x => x.ForeignLanguage).MaximumLength(200);
        v.RuleFor(x => x.PoliticalTheory).IsInEnum();
    }
}
