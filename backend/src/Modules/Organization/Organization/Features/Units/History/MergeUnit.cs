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

public sealed record MergeUnit : UnitChange
{
    public const string Route = "/api/v1/organization/units/{id}/merge";
    /// <summary>The unit this one is merged into.</summary>
    public Guid SuccessorId { get; init; }
}

internal sealed class MergeUnitValidator : AbstractValidator<MergeUnit>
{
    public MergeUnitValidator() => RuleFor(x => x.SuccessorId).NotEmpty();
}

internal sealed class MergeUnitHandler(OrganizationDbContext db, TimeProvider clock) : Mediator.ICommandHandler<MergeUnit, Guid>
{
    public async ValueTask<Guid> Handle(MergeUnit command, CancellationToken ct)
    {
        var (unit, on) = await UnitChanges.LoadAsync(db, clock, command, ct);
        var successor = await UnitChanges.TargetAsync(db, command.SuccessorId, ct);
        unit.MergeInto(successor, on, await UnitChanges.DescendantsAsync(db, unit, ct));
        return unit.Id;
    }
}

internal sealed class MergeUnitEndpoint(IMediator m) : UnitChangeEndpoint<MergeUnit>(m, MergeUnit.Route, "Merge a unit into another from a given day (its sub-units and records roll up to the successor)");
