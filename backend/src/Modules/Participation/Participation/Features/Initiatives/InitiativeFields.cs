using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.Participation.Domain;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>An author and their contribution share.</summary>
public sealed record AuthorInput
{
    public string FullName { get; init; } = "";
    /// <summary>The author's e-mail: with it, the author reads the initiative among "my initiatives".</summary>
    public string? Email { get; init; }
    /// <summary>Job or position at the unit.</summary>
    public string? Position { get; init; }
    /// <summary>Contribution share in percent (up to two decimals); the shares of all authors total exactly 100.</summary>
    public decimal SharePercent { get; init; }
}

/// <summary>The content of an application for recognition of an initiative (đơn yêu cầu công nhận sáng kiến).</summary>
public abstract record InitiativeFields
{
    /// <summary>The initiative's name.</summary>
    public string Title { get; init; } = "";
    /// <summary>The field it applies to (lĩnh vực áp dụng).</summary>
    public string Field { get; init; } = "";
    public InitiativeKind Kind { get; init; }
    /// <summary>The problem it solves.</summary>
    public string Problem { get; init; } = "";
    /// <summary>How things were done before it (tình trạng đã biết).</summary>
    public string CurrentState { get; init; } = "";
    /// <summary>The solution: what is new and how it works.</summary>
    public string Solution { get; init; } = "";
    /// <summary>Where it is applied or trial-applied.</summary>
    public string AppliedAt { get; init; } = "";
    /// <summary>Since when it is applied (the first year of application starts that day).</summary>
    public DateOnly AppliedSince { get; init; }
    /// <summary>True while only trial-applied.</summary>
    public bool TrialApplication { get; init; }
    /// <summary>The benefit it brings per year, in VND (exact, never negative).</summary>
    public decimal YearlyBenefit { get; init; }
    /// <summary>The social benefit, in words.</summary>
    public string? SocialBenefit { get; init; }
    /// <summary>Who took part in organising its first application.</summary>
    public string? FirstApplicationParticipants { get; init; }
    /// <summary>The authors' declaration that the solution is new within the unit; needed before submitting.</summary>
    public bool NoveltyDeclared { get; init; }
    /// <summary>One or more authors whose shares total exactly 100%.</summary>
    public IReadOnlyList<AuthorInput> Authors { get; init; } = [];

    internal InitiativeDetails ToDetails() => new(Title, Field, Kind, Problem, CurrentState, Solution, AppliedAt, AppliedSince, TrialApplication,
        YearlyBenefit, SocialBenefit, FirstApplicationParticipants, NoveltyDeclared,
        Authors.Select(a => new AuthorShare(a.FullName, a.Email, a.Position, a.SharePercent)).ToList());
}

internal static class InitiativeFieldRules
{
    public static void AddInitiativeRules<T>(this AbstractValidator<T> v) where T : InitiativeFields
    {
        v.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Field).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.Problem).NotEmpty().MaximumLength(4000);
        v.RuleFor(x => x.CurrentState).NotEmpty().MaximumLength(4000);
        v.RuleFor(x => x.Solution).NotEmpty().MaximumLength(8000);
        v.RuleFor(x => x.AppliedAt).NotEmpty().MaximumLength(500);
        v.RuleFor(x => x.AppliedSince).NotEmpty();
        v.RuleFor(x => x.YearlyBenefit).GreaterThanOrEqualTo(0)
            .WithMessage("The yearly benefit is never negative.", "Số tiền làm lợi hằng năm không được âm.")
            .PrecisionScale(18, 2, true);
        v.RuleFor(x => x.SocialBenefit).MaximumLength(4000);
        v.RuleFor(x => x.FirstApplicationParticipants).MaximumLength(2000);
        v.RuleFor(x => x.Authors).NotEmpty().WithMessage("Name at least one author.", "Cần ít nhất một tác giả.")
            .Must(a => a.Count <= 50).WithMessage("At most 50 authors.", "Tối đa 50 tác giả.");
        v.RuleFor(x => x.Authors)
            .Must(a => a.Sum(x => x.SharePercent) == 100m).When(x => x.Authors.Count > 0)
            .WithMessage("The authors' contribution shares must total exactly 100%.", "Tổng tỷ lệ đóng góp của các tác giả phải đúng bằng 100%.");
        v.RuleForEach(x => x.Authors).ChildRules(a =>
        {
            a.RuleFor(x => x.FullName).NotEmpty().MaximumLength(200);
            a.RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
            a.RuleFor(x => x.Position).MaximumLength(200);
            a.RuleFor(x => x.SharePercent).GreaterThan(0).LessThanOrEqualTo(100).PrecisionScale(5, 2, true);
        });
    }
}
