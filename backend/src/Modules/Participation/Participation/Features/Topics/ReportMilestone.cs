using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// The proposing unit reports a milestone done (date and what was delivered); the first report moves a contracted
/// topic to "in progress". Refused before the contract starts (409 <c>milestone_before_start</c>) and twice (409 <c>milestone_done</c>).
/// </summary>
public sealed record ReportMilestone : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/milestones/{milestoneId}/report";
    public Guid MilestoneId { get; init; }
    public DateOnly CompletedOn { get; init; }
    public string Report { get; init; } = "";
}

internal sealed class ReportMilestoneValidator : AbstractValidator<ReportMilestone>
{
    public ReportMilestoneValidator()
    {
        RuleFor(x => x.CompletedOn).NotEmpty();
        RuleFor(x => x.Report).NotEmpty().MaximumLength(4000);
    }
}

internal sealed class ReportMilestoneHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<ReportMilestone, Guid>
{
    public async ValueTask<Guid> Handle(ReportMilestone command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.ReportMilestone(command.MilestoneId, command.CompletedOn, command.Report, access.Actor, clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class ReportMilestoneEndpoint(IMediator mediator) : TopicStepEndpoint<ReportMilestone>(mediator)
{
    protected override string Route => ReportMilestone.Route;
    protected override string RequiredPermission => Permission.TopicsPropose;
    protected override string StepSummary => "Report a milestone of a research topic done (If-Match; 409 topic_state, milestone_done, milestone_before_start)";
}
