using FluentValidation;
using Khcn.BuildingBlocks.Application;

namespace Khcn.Organization.Features.Units.CreateUnit;

internal sealed class Validator : AbstractValidator<CreateUnit>
{
    public Validator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(50).Matches("^[A-Za-z0-9_-]+$")
            .WithMessage("Use letters, digits, '-' or '_' only.", "Chỉ dùng chữ cái, chữ số, '-' hoặc '_'.");
        RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Address).MaximumLength(500);
        RuleFor(x => x.Phone).MaximumLength(50);
        RuleFor(x => x.Email).EmailAddress().MaximumLength(256).When(x => !string.IsNullOrWhiteSpace(x.Email));
    }
}
