using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>Decides that a submitted initiative is not recognised, with the reasons.</summary>
public sealed record RefuseInitiative : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/refuse";
    public string Reasons { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
}

internal sealed class RefuseInitiativeValidator : AbstractValidator<RefuseInitiative>
{
    public RefuseInitiativeValidator()
    {
        RuleFor(x => x.Reasons).NotEmpty().WithMessage("Say why it is not recognised.", "Hãy nêu lý do không công nhận.").MaximumLength(4000);
        RuleFor(x => x.DecisionDate).NotEmpty();
    }
}

internal sealed class RefuseInitiativeHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<RefuseInitiative, Guid>
{
    public async ValueTask<Guid> Handle(RefuseInitiative command, CancellationToken ct)
    {
        var initiative = await access.ForDecisionAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        initiative.Refuse(command.Reasons, command.DecisionDate, access.Actor, clock.GetUtcNow().UtcDateTime);
        return initiative.Id;
    }
}

internal sealed class RefuseInitiativeEndpoint(IMediator mediator) : InitiativeStepEndpoint<RefuseInitiative>(mediator)
{
    protected override string Route => RefuseInitiative.Route;
    protected override string RequiredPermission => Permission.InitiativesRecognise;
    protected override string StepSummary => "Decide that a submitted initiative is not recognised, with reasons (If-Match; 409 initiative_state)";
}
