using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>A step of a proposal's lifecycle: If-Match with its ETag (428 missing, 412 stale); 409 <c>proposal_state</c> when its state does not allow it.</summary>
public abstract record ProposalStepCommand
{
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The steps share one shape (<see cref="StepEndpoint{TCommand,TView}"/>): run the step, answer the proposal as it now stands.</summary>
internal abstract class ProposalStepEndpoint<TRequest>(IMediator mediator) : StepEndpoint<TRequest, ProposalDetail>(mediator)
    where TRequest : ProposalStepCommand, Mediator.ICommand<Guid>
{
    protected override IQuery<ProposalDetail> ReadBack(TRequest command) => new GetCommendationProposal { Id = command.Id };
}
