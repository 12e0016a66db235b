using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>Launches an emulation movement of a unit in the caller's scope, with its criteria and participating units.</summary>
public sealed record CreateMovement : MovementFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/movements";
    /// <summary>The launching unit.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateMovementValidator : AbstractValidator<CreateMovement>
{
    public CreateMovementValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddMovementRules();
    }
}

internal sealed class CreateMovementHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : Mediator.ICommandHandler<CreateMovement, Guid>
{
    public async ValueTask<Guid> Handle(CreateMovement command, CancellationToken ct)
    {
        db.Access.Demand(Permission.EmulationManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        if (command.Participants == ParticipantsMode.ChosenUnits) await mediator.EnsureBelowAsync(command.UnitId, command.ChosenUnitIds, "chosenUnitIds", ct);
        var movement = Movement.Launch(command.UnitId, command.ToDetails(), access.Actor);
        db.Movements.Add(movement);
        return movement.Id;
    }
}

internal sealed class CreateMovementEndpoint(IMediator mediator) : CreatedEndpoint<CreateMovement, MovementDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateMovement.Route);
        Policies(Permission.EmulationManage);
        Summary(s =>
        {
            s.Summary = "Launch an emulation movement with its criteria (honours Idempotency-Key; 409 movement_period, units_outside)";
            s.Response<MovementDetail>(201, "The movement.");
        });
    }

    protected override IQuery<MovementDetail> ReadBack(CreateMovement command, Guid id) => new GetMovement { Id = id };

    protected override string Location(CreateMovement command, Guid id) => GetMovement.For(id);
}
