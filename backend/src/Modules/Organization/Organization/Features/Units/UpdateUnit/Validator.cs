using FluentValidation;

namespace Khcn.Organization.Features.Units.UpdateUnit;

internal sealed class Validator : AbstractValidator<UpdateUnit>
{
    public Validator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Phone).MaximumLength(50);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}
