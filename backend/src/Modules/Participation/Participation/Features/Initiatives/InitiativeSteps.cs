using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Mediator;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>A step of an application's lifecycle: If-Match with its ETag; 409 <c>initiative_state</c> when its state does not allow it.</summary>
public abstract record InitiativeStepCommand
{
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The lifecycle steps share one shape (<see cref="StepEndpoint{TCommand,TView}"/>): run the step, answer the initiative as it now stands.</summary>
internal abstract class InitiativeStepEndpoint<TRequest>(IMediator mediator) : StepEndpoint<TRequest, InitiativeDetail>(mediator)
    where TRequest : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    protected override IQuery<InitiativeDetail> ReadBack(TRequest command) => new GetInitiative { Id = command.Id };
}
