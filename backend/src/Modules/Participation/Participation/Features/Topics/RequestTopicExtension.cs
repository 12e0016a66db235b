using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// The proposing unit asks for a later due date of a milestone, with a reason. One request waits at a time (409
/// <c>extension_pending</c>); none once the rule set's limit of granted extensions is reached (409 <c>extension_limit</c>, house rule).
/// </summary>
public sealed record RequestTopicExtension : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/extensions";
    public Guid MilestoneId { get; init; }
    public DateOnly NewDueDate { get; init; }
    public string Reason { get; init; } = "";
}

internal sealed class RequestTopicExtensionValidator : AbstractValidator<RequestTopicExtension>
{
    public RequestTopicExtensionValidator()
    {
        RuleFor(x => x.MilestoneId).NotEmpty();
        RuleFor(x => x.NewDueDate).NotEmpty();
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason.", "Nêu lý do đề nghị gia hạn.").MaximumLength(2000);
    }
}

internal sealed class RequestTopicExtensionHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RequestTopicExtension, Guid>
{
    public async ValueTask<Guid> Handle(RequestTopicExtension command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.RequestExtension(command.MilestoneId, command.NewDueDate, command.Reason, TopicRules.InForceOn(VietnamTime.Today(clock)),
            access.Actor, clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class RequestTopicExtensionEndpoint(IMediator mediator) : TopicStepEndpoint<RequestTopicExtension>(mediator)
{
    protected override string Route => RequestTopicExtension.Route;
    protected override string RequiredPermission => Permission.TopicsPropose;
    protected override string StepSummary => "Ask for a milestone extension (If-Match; 409 topic_state, extension_pending, extension_limit, extension_not_later)";
}
