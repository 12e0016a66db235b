using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

public sealed record RenameUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/rename";
    public string Name { get; init; } = "";
}

internal sealed class RenameUnitValidator : AbstractValidator<RenameUnit>
{
    public RenameUnitValidator() => RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
}

internal sealed class RenameUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<RenameUnit, Guid>
{
    public async ValueTask<Guid> Handle(RenameUnit command, CancellationToken ct)
    {
        var (unit, on) = await UnitChanges.LoadAsync(db, clock, command, ct);
        unit.Rename(command.Name, on);
        return unit.Id;
    }
}

internal sealed class RenameUnitEndpoint(IMediator m) : UnitChangeEndpoint<RenameUnit>(m, RenameUnit.Route, "Rename a unit from a given day");
