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

/// <summary>The lifecycle steps share one shape: run the step, answer the initiative as it now stands.</summary>
internal abstract class InitiativeStepEndpoint<TRequest>(IMediator mediator) : ChangedEndpoint<TRequest, InitiativeDetail>(mediator)
    where TRequest : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    protected abstract string Route { get; }
    protected abstract string RequiredPermission { get; }
    protected abstract string StepSummary { get; }
    protected virtual bool IsPut => false;

    public override void Configure()
    {
        if (IsPut) Put(Route); else Post(Route);
        Policies(RequiredPermission);
        Summary(s => s.Summary = StepSummary);
    }

    protected override IQuery<InitiativeDetail> ReadBack(TRequest command) => new GetInitiative { Id = command.Id };
}
