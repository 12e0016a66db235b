using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// A unit in scope drafts a research topic proposal against an open call it reads: title, field, lead and members
/// (officials), objectives, expected products, duration and budget lines by source. The total may not exceed the
/// call's ceiling (409 <c>budget_over_ceiling</c>, naming <c>budgetLines</c>).
/// </summary>
public sealed record ProposeTopic : TopicFields, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route;
    public Guid CallId { get; init; }
    /// <summary>The proposing unit (it owns the topic).</summary>
    public Guid UnitId { get; init; }
}

internal sealed class ProposeTopicValidator : AbstractValidator<ProposeTopic>
{
    public ProposeTopicValidator()
    {
        RuleFor(x => x.CallId).NotEmpty();
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddTopicRules();
    }
}

internal sealed class ProposeTopicHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<ProposeTopic, Guid>
{
    public async ValueTask<Guid> Handle(ProposeTopic command, CancellationToken ct)
    {
        db.Access.Demand(Permission.TopicsPropose, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var call = await access.CallAsync(command.CallId, ct);
        var topic = ResearchTopic.Draft(command.UnitId, call, await command.ToDetailsAsync(mediator, ct), access.Actor, clock.GetUtcNow().UtcDateTime);
        db.ResearchTopics.Add(topic);
        return topic.Id;
    }
}

internal sealed class ProposeTopicEndpoint(IMediator mediator) : CreatedEndpoint<ProposeTopic, TopicDetail>(mediator)
{
    public override void Configure()
    {
        Post(ProposeTopic.Route);
        Policies(Permission.TopicsPropose);
        Summary(s =>
        {
            s.Summary = "Draft a research topic proposal against a call (honours Idempotency-Key; 409 budget_over_ceiling, topic_member_twice)";
            s.Response<TopicDetail>(201, "The draft proposal.");
        });
    }

    protected override IQuery<TopicDetail> ReadBack(ProposeTopic command, Guid id) => new GetTopic { Id = id };

    protected override string Location(ProposeTopic command, Guid id) => TopicViews.For(id);
}
