using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>Submits a draft proposal to the ordering unit, up to the call's deadline (409 <c>call_closed</c>) and within its ceiling.</summary>
public sealed record SubmitTopic : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/submit";
}

internal sealed class SubmitTopicHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<SubmitTopic, Guid>
{
    public async ValueTask<Guid> Handle(SubmitTopic command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.Submit(await access.CallOfAsync(topic, ct), VietnamTime.Today(clock), access.Actor, clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class SubmitTopicEndpoint(IMediator mediator) : TopicStepEndpoint<SubmitTopic>(mediator)
{
    protected override string Route => SubmitTopic.Route;
    protected override string RequiredPermission => Permission.TopicsPropose;
    protected override string StepSummary => "Submit a draft research topic proposal (If-Match; 409 topic_state, call_closed, budget_over_ceiling)";
}
