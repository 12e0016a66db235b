using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// The ordering unit cancels a selected, contracted or running topic with a reason (400 naming <c>reason</c> without
/// one; 409 <c>topic_state</c> once before its acceptance council or after it). The lead (chủ nhiệm) and the proposing
/// unit's officers are notified, and the funding commitment of a topic that was contracted is withdrawn
/// (<c>TopicFundingWithdrawn</c>; none for a topic cancelled before its contract): all through the outbox, in the same transaction.
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
        var (topic, call) = await access.TopicForManagerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        var now = clock.GetUtcNow().UtcDateTime;
        topic.Cancel(command.Reason, access.Actor, now);
        if (topic.HasFundingCommitment)
            db.Publish(new TopicFundingWithdrawn(Guid.CreateVersion7(), now, topic.Id, call.UnitId, topic.CancellationReason!, VietnamTime.Today(clock)));

        var text = $"Đề tài \"{topic.Title}\" đã bị hủy. Lý do: {topic.CancellationReason}";
        var link = $"/participation/topics/{topic.Id}";
        var args = new Dictionary<string, string> { ["title"] = topic.Title, ["reason"] = topic.CancellationReason! };
        if (topic.LeadEmail is { } lead)
            db.Notify(NoticeTarget.Person(lead), new Notice($"topic:{topic.Id}:cancelled:{lead}", "topic.cancelled", text, link, args));
        db.Notify(NoticeTarget.Unit(topic.UnitId), new Notice($"topic:{topic.Id}:cancelled:unit:{topic.UnitId}", "topic.cancelled", text, link, args));
        return topic.Id;
    }
}

internal sealed class CancelTopicEndpoint(IMediator mediator) : TopicStepEndpoint<CancelTopic>(mediator)
{
    protected override string Route => CancelTopic.Route;
    protected override string RequiredPermission => Permission.TopicsManage;
    protected override string StepSummary => "Cancel a selected, contracted or running research topic with a reason; the lead and the proposing unit are notified, a contracted topic's funding commitment is withdrawn (If-Match; 409 topic_state)";
}
