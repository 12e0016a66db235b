using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>The proposing unit withdraws a draft or submitted proposal, with a reason.</summary>
public sealed record WithdrawTopic : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/withdraw";
    public string Reason { get; init; } = "";
}

internal sealed class WithdrawTopicValidator : AbstractValidator<WithdrawTopic>
{
    public WithdrawTopicValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class WithdrawTopicHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<WithdrawTopic, Guid>
{
    public async ValueTask<Guid> Handle(WithdrawTopic command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.Withdraw(command.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class WithdrawTopicEndpoint(IMediator mediator) : TopicStepEndpoint<WithdrawTopic>(mediator)
{
    protected override string Route => WithdrawTopic.Route;
    protected override string RequiredPermission => Permission.TopicsPropose;
    protected override string StepSummary => "Withdraw a draft or submitted research topic proposal (If-Match; 409 topic_state)";
}
