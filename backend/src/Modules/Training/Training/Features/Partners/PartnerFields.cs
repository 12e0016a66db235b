using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Partners;

/// <summary>The editable fields of a partner agency.</summary>
public abstract record PartnerFields
{
    public string Name { get; init; } = "";
    public PartnerKind Kind { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    /// <summary>The cooperation agreement's number, e.g. "12/TTHT-LĐLĐ".</summary>
    public string? AgreementNumber { get; init; }
    public DateOnly? AgreementSignedOn { get; init; }
    public DateOnly? AgreementValidUntil { get; init; }

    internal PartnerDetails ToDetails() => new(Name, Kind, ContactName, ContactEmail, ContactPhone, AgreementNumber, AgreementSignedOn, AgreementValidUntil);
}

internal static class PartnerFieldRules
{
    public static void AddPartnerRules<T>(this AbstractValidator<T> v) where T : PartnerFields
    {
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.ContactName).MaximumLength(200);
        v.RuleFor(x => x.ContactEmail).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
        v.RuleFor(x => x.ContactPhone).MaximumLength(30);
        v.RuleFor(x => x.AgreementNumber).MaximumLength(100);
        v.RuleFor(x => x.AgreementValidUntil).GreaterThanOrEqualTo(x => x.AgreementSignedOn)
            .When(x => x.AgreementValidUntil is not null && x.AgreementSignedOn is not null)
            .WithMessage("The agreement cannot end before it is signed.", "Thỏa thuận không thể hết hạn trước ngày ký.");
    }
}
