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
/// The ordering unit grants (the milestone's due date moves) or refuses a pending extension request. Granting beyond the
/// rule set's limit is refused (409 <c>extension_limit</c>; house rule — no legal text found for union-level topics).
/// </summary>
public sealed record DecideTopicExtension : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/extensions/{extensionId}/decide";
    public Guid ExtensionId { get; init; }
    public bool Grant { get; init; }
    public string? Note { get; init; }
}

internal sealed class DecideTopicExtensionValidator : AbstractValidator<DecideTopicExtension>
{
    public DecideTopicExtensionValidator()
    {
        RuleFor(x => x.Note).MaximumLength(2000);
        RuleFor(x => x.Note).NotEmpty().When(x => !x.Grant).WithMessage("Say why it is refused.", "Nêu lý do không chấp thuận.");
    }
}

internal sealed class DecideTopicExtensionHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<DecideTopicExtension, Guid>
{
    public async ValueTask<Guid> Handle(DecideTopicExtension command, CancellationToken ct)
    {
        var (topic, _) = await access.TopicForManagerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        topic.DecideExtension(command.ExtensionId, command.Grant, command.Note, TopicRules.InForceOn(VietnamTime.Today(clock)), access.Actor,
            clock.GetUtcNow().UtcDateTime);
        return topic.Id;
    }
}

internal sealed class DecideTopicExtensionEndpoint(IMediator mediator) : TopicStepEndpoint<DecideTopicExtension>(mediator)
{
    protected override string Route => DecideTopicExtension.Route;
    protected override string RequiredPermission => Permission.TopicsManage;
    protected override string StepSummary => "Grant or refuse a milestone extension (If-Match; 409 extension_decided, extension_limit)";
}
