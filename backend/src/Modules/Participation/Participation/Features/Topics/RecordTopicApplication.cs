using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>The proposing unit records where and since when an accepted topic's results are applied (409 <c>topic_state</c> unless accepted).</summary>
public sealed record RecordTopicApplication : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/application";
    public string AppliedAt { get; init; } = "";
    public DateOnly AppliedSince { get; init; }
    public string? Results { get; init; }
}

internal sealed class RecordTopicApplicationValidator : AbstractValidator<RecordTopicApplication>
{
    public RecordTopicApplicationValidator()
    {
        RuleFor(x => x.AppliedAt).NotEmpty().MaximumLength(500);
        RuleFor(x => x.AppliedSince).NotEmpty();
        RuleFor(x => x.Results).MaximumLength(4000);
    }
}

internal sealed class RecordTopicApplicationHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RecordTopicApplication, Guid>
{
    public async ValueTask<Guid> Handle(RecordTopicApplication command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.RecordApplication(command.AppliedAt, command.AppliedSince, command.Results, access.Actor, clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class RecordTopicApplicationEndpoint(IMediator mediator) : TopicStepEndpoint<RecordTopicApplication>(mediator)
{
    protected override string Route => RecordTopicApplication.Route;
    protected override string RequiredPermission => Permission.TopicsPropose;
    protected override string StepSummary => "Record where an accepted research topic is applied (If-Match; 409 topic_state, application_before_acceptance)";
}
