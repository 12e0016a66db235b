using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// The ordering unit closes a topic once its acceptance council has decided it (accepted, not accepted or applied),
/// with an optional note; a closed topic is read-only (every later step answers 409). 409 <c>topic_state</c> before.
/// The lead and the proposing unit's officers are notified through the outbox, in the same words (a lead who is also
/// an officer of the unit reads it once: the one-notice-per-person rule of PlatformAccess.MyNotifications).
/// </summary>
public sealed record CloseTopic : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/close";
    public string? Note { get; init; }
}

internal sealed class CloseTopicValidator : AbstractValidator<CloseTopic>
{
    public CloseTopicValidator() => RuleFor(x => x.Note).MaximumLength(2000);
}

internal sealed class CloseTopicHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<CloseTopic, Guid>
{
    public async ValueTask<Guid> Handle(CloseTopic command, CancellationToken ct)
    {
        var (topic, _) = await access.TopicForManagerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.Close(command.Note, access.Actor, clock.GetUtcNow().UtcDateTime);
        var text = topic.ClosingNote is { } note ? $"Đề tài \"{topic.Title}\" đã kết thúc. Ghi chú: {note}" : $"Đề tài \"{topic.Title}\" đã kết thúc.";
        var link = $"/participation/topics/{topic.Id}";
        var args = new Dictionary<string, string> { ["title"] = topic.Title, ["note"] = topic.ClosingNote ?? "" };
        if (topic.LeadEmail is { } lead)
            db.Notify(NoticeTarget.Person(lead), new Notice($"topic:{topic.Id}:closed:{lead}", "topic.closed", text, link, args));
        db.Notify(NoticeTarget.Unit(topic.UnitId), new Notice($"topic:{topic.Id}:closed:unit:{topic.UnitId}", "topic.closed", text, link, args));
        return topic.Id;
    }
}

internal sealed class CloseTopicEndpoint(IMediator mediator) : TopicStepEndpoint<CloseTopic>(mediator)
{
    protected override string Route => CloseTopic.Route;
    protected override string RequiredPermission => Permission.TopicsManage;
    protected override string StepSummary => "Close an accepted, not accepted or applied research topic with an optional note; it is read-only then, the lead and the proposing unit are notified (If-Match; 409 topic_state)";
}
