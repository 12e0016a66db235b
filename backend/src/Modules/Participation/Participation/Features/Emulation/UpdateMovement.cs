using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>Changes a movement (If-Match). Its criteria are fixed once a unit has registered (409 <c>movement_criteria_fixed</c>).</summary>
public sealed record UpdateMovement : MovementFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/movements/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateMovementValidator : AbstractValidator<UpdateMovement>
{
    public UpdateMovementValidator() => this.AddMovementRules();
}

internal sealed class UpdateMovementHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : Mediator.ICommandHandler<UpdateMovement, Guid>
{
    public async ValueTask<Guid> Handle(UpdateMovement command, CancellationToken ct)
    {
        var movement = await access.MovementAsync(command.Id, ct);
        if (!access.MayManageEmulation(movement.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, movement, command.IfMatch);
        if (command.Participants == ParticipantsMode.ChosenUnits) await mediator.EnsureBelowAsync(movement.UnitId, command.ChosenUnitIds, "chosenUnitIds", ct);
        var registered = await db.Registrations.IgnoreQueryFilters().AnyAsync(r => r.MovementId == movement.Id, ct);
        movement.Revise(command.ToDetails(), registered);
        db.Entry(movement).State = EntityState.Modified;
        return movement.Id;
    }
}

internal sealed class UpdateMovementEndpoint(IMediator mediator) : ChangedEndpoint<UpdateMovement, MovementDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateMovement.Route);
        Policies(Permission.EmulationManage);
        Summary(s => s.Summary = "Update a movement (If-Match; 412 when stale; 409 movement_criteria_fixed once units registered)");
    }

    protected override IQuery<MovementDetail> ReadBack(UpdateMovement command) => new GetMovement { Id = command.Id };
}
