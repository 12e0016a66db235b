using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Policies;

public sealed record PolicyListItem(Guid Id, string Number, string Title, string Issuer, DateOnly IssuedOn, DateOnly EffectiveFrom,
    DateOnly? EffectiveTo, int AttachmentCount);

public sealed record PolicyAttachmentView(Guid Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

public sealed record PolicyDetail(Guid Id, Guid UnitId, string Number, string Title, string Issuer, DateOnly IssuedOn,
    DateOnly EffectiveFrom, DateOnly? EffectiveTo, string? Scope, string? Summary, IReadOnlyList<PolicyAttachmentView> Attachments,
    long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>The editable fields of a policy document.</summary>
public abstract record PolicyFields
{
    /// <summary>Number and symbol, e.g. "112/QĐ-LĐLĐ".</summary>
    public string Number { get; init; } = "";
    public string Title { get; init; } = "";
    /// <summary>The issuing body, e.g. "LĐLĐ tỉnh Hưng Yên" or "UBND tỉnh Hưng Yên".</summary>
    public string Issuer { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public DateOnly EffectiveFrom { get; init; }
    /// <summary>Last day in force; none while it has no end.</summary>
    public DateOnly? EffectiveTo { get; init; }
    /// <summary>Whom it applies to, e.g. "CNVCLĐ toàn tỉnh".</summary>
    public string? Scope { get; init; }
    public string? Summary { get; init; }

    internal PolicyDetails ToDetails() => new(Number, Title, Issuer, IssuedOn, EffectiveFrom, EffectiveTo, Scope, Summary);
}

internal static class PolicyFieldRules
{
    public static void AddPolicyRules<T>(this AbstractValidator<T> v) where T : PolicyFields
    {
        v.RuleFor(x => x.Number).NotEmpty().MaximumLength(100);
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(500);
        v.RuleFor(x => x.Issuer).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.IssuedOn).NotEmpty();
        v.RuleFor(x => x.EffectiveFrom).NotEmpty();
        v.RuleFor(x => x.EffectiveTo).GreaterThanOrEqualTo(x => x.EffectiveFrom).When(x => x.EffectiveTo is not null)
            .WithMessage("The effective-to date must be on or after the effective-from date.", "Ngày hết hiệu lực phải từ ngày có hiệu lực trở đi.");
        v.RuleFor(x => x.Scope).MaximumLength(300);
        v.RuleFor(x => x.Summary).MaximumLength(4000);
    }
}
