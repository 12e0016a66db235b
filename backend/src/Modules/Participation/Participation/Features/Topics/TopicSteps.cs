using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>A step of a topic's lifecycle: If-Match with its ETag; 409 <c>topic_state</c> when its state does not allow it.</summary>
public abstract record TopicStepCommand
{
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

/// <summary>The lifecycle steps share one shape (<see cref="StepEndpoint{TCommand,TView}"/>): run the step, answer the topic as it now stands.</summary>
internal abstract class TopicStepEndpoint<TRequest>(IMediator mediator) : StepEndpoint<TRequest, TopicDetail>(mediator)
    where TRequest : TopicStepCommand, Mediator.ICommand<Guid>
{
    protected override IQuery<TopicDetail> ReadBack(TRequest command) => new GetTopic { Id = command.Id };
}
