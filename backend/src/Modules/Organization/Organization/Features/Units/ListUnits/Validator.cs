using FluentValidation;
using Khcn.BuildingBlocks.Http;

namespace Khcn.Organization.Features.Units.ListUnits;

internal sealed class Validator : AbstractValidator<ListUnits>
{
    public Validator() => this.AddPagingRules("name", "code", "kind", "depth");
}
