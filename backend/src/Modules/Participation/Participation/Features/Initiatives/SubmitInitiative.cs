using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>Submits a draft application to the recognising unit; the authors must have declared it new.</summary>
public sealed record SubmitInitiative : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/submit";
}

internal sealed class SubmitInitiativeHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<SubmitInitiative, Guid>
{
    public async ValueTask<Guid> Handle(SubmitInitiative command, CancellationToken ct)
    {
        var initiative = await access.ForFilingAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        initiative.Submit(clock.GetUtcNow().UtcDateTime);
        return initiative.Id;
    }
}

internal sealed class SubmitInitiativeEndpoint(IMediator mediator) : InitiativeStepEndpoint<SubmitInitiative>(mediator)
{
    protected override string Route => SubmitInitiative.Route;
    protected override string RequiredPermission => Permission.InitiativesSubmit;
    protected override string StepSummary => "Submit a draft application for recognition (If-Match; 409 initiative_state, novelty_not_declared)";
}
