using FluentValidation;

namespace Khcn.Training.Features.Partners;

public abstract record InstructorFields
{
    public string FullName { get; init; } = "";
    public string? Email { get; init; }
    /// <summary>What they teach, e.g. "Phương pháp nghiên cứu khoa học".</summary>
    public string? Expertise { get; init; }
}

internal static class InstructorFieldRules
{
    public static void AddInstructorRules<T>(this AbstractValidator<T> v) where T : InstructorFields
    {
        v.RuleFor(x => x.FullName).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Email).MaximumLength(256).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        v.RuleFor(x => x.Expertise).MaximumLength(300);
    }
}
