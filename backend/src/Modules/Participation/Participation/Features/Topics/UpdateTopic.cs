using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>Changes a draft proposal (If-Match); 409 <c>topic_locked</c> once submitted.</summary>
public sealed record UpdateTopic : TopicFields, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}";
    public Guid Id { get; init; }
    [FastEndpoints.FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateTopicValidator : AbstractValidator<UpdateTopic>
{
    public UpdateTopicValidator() => this.AddTopicRules();
}

internal sealed class UpdateTopicHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : Mediator.ICommandHandler<UpdateTopic, Guid>
{
    public async ValueTask<Guid> Handle(UpdateTopic command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.Revise(await command.ToDetailsAsync(mediator, ct), await access.CallOfAsync(topic, ct));
        return topic.Id;
    }
}

internal sealed class UpdateTopicEndpoint(IMediator mediator) : ChangedEndpoint<UpdateTopic, TopicDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateTopic.Route);
        Policies(Permission.TopicsPropose);
        Summary(s => s.Summary = "Change a draft research topic proposal (If-Match; 409 topic_locked, budget_over_ceiling)");
    }

    protected override IQuery<TopicDetail> ReadBack(UpdateTopic command) => new GetTopic { Id = command.Id };
}
