using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// The ordering unit cancels a selected, contracted or running topic with a reason (400 naming <c>reason</c> without
/// one; 409 <c>topic_state</c> once before its acceptance council or after it). The lead (chủ nhiệm) is notified
/// through the outbox. Finance is not told yet: no integration event withdraws a <c>TopicFundingCommitted</c> (left out).
/// </summary>
public sealed record CancelTopic : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/cancel";
    public string Reason { get; init; } = "";
}

internal sealed class CancelTopicValidator : AbstractValidator<CancelTopic>
{
    public CancelTopicValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Say why the topic is cancelled.", "Nêu lý do hủy đề tài.").MaximumLength(2000);
}

internal sealed class CancelTopicHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<CancelTopic, Guid>
{
    public async ValueTask<Guid> Handle(CancelTopic command, CancellationToken ct)
    {
        var (topic, _) = await access.TopicForManagerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.Cancel(command.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        if (topic.LeadEmail is { } lead)
            db.Notify(NoticeTarget.Person(lead), new Notice($"topic:{topic.Id}:cancelled:{lead}", "topic.cancelled",
                $"Đề tài \"{topic.Title}\" đã bị hủy. Lý do: {topic.CancellationReason}", $"/participation/topics/{topic.Id}",
                new Dictionary<string, string> { ["title"] = topic.Title }));
        return topic.Id;
    }
}

internal sealed class CancelTopicEndpoint(IMediator mediator) : TopicStepEndpoint<CancelTopic>(mediator)
{
    protected override string Route => CancelTopic.Route;
    protected override string RequiredPermission => Permission.TopicsManage;
    protected override string StepSummary => "Cancel a selected, contracted or running research topic with a reason; the lead is notified (If-Match; 409 topic_state)";
}
