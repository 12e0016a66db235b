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

/// <summary>The lifecycle steps share one shape: run the step, answer the topic as it now stands.</summary>
internal abstract class TopicStepEndpoint<TRequest>(IMediator mediator) : ChangedEndpoint<TRequest, TopicDetail>(mediator)
    where TRequest : TopicStepCommand, Mediator.ICommand<Guid>
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

    protected override IQuery<TopicDetail> ReadBack(TRequest command) => new GetTopic { Id = command.Id };
}
