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

public sealed record MoveUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/move";
    public Guid ParentId { get; init; }
}

internal sealed class MoveUnitValidator : AbstractValidator<MoveUnit>
{
    public MoveUnitValidator() => RuleFor(x => x.ParentId).NotEmpty();
}

internal sealed class MoveUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<MoveUnit, Guid>
{
    public async ValueTask<Guid> Handle(MoveUnit command, CancellationToken ct)
    {
        var (unit, on) = await UnitChanges.LoadAsync(db, clock, command, ct);
        var parent = await UnitChanges.TargetAsync(db, command.ParentId, ct);
        unit.MoveTo(parent, on, await UnitChanges.DescendantsAsync(db, unit, ct));
        return unit.Id;
    }
}

internal sealed class MoveUnitEndpoint(IMediator m) : UnitChangeEndpoint<MoveUnit>(m, MoveUnit.Route, "Move a unit (and its sub-units) under another parent from a given day");
