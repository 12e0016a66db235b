using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Topics;

public sealed record MilestoneInput
{
    public string Title { get; init; } = "";
    public string? Deliverable { get; init; }
    public DateOnly DueDate { get; init; }
}

/// <summary>
/// The ordering unit contracts a selected topic: contract number and date, the period, and the milestones with due
/// dates inside it (409 <c>milestone_outside_contract</c>). The approved budget per source becomes a funding commitment:
/// <see cref="TopicFundingCommitted"/> is published through the outbox in the same transaction.
/// </summary>
public sealed record ContractTopic : TopicStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/contract";
    public string ContractNumber { get; init; } = "";
    public DateOnly ContractDate { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly EndDate { get; init; }
    public IReadOnlyList<MilestoneInput> Milestones { get; init; } = [];
}

internal sealed class ContractTopicValidator : AbstractValidator<ContractTopic>
{
    public ContractTopicValidator()
    {
        RuleFor(x => x.ContractNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.ContractDate).NotEmpty();
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).NotEmpty();
        RuleFor(x => x.Milestones).NotEmpty().Must(m => m.Count <= 24);
        RuleForEach(x => x.Milestones).ChildRules(m =>
        {
            m.RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
            m.RuleFor(x => x.Deliverable).MaximumLength(1000);
            m.RuleFor(x => x.DueDate).NotEmpty();
        });
    }
}

internal sealed class ContractTopicHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<ContractTopic, Guid>
{
    public async ValueTask<Guid> Handle(ContractTopic command, CancellationToken ct)
    {
        var (topic, call) = await access.TopicForManagerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        var now = clock.GetUtcNow().UtcDateTime;
        topic.Contract(command.ContractNumber, command.ContractDate, command.StartDate, command.EndDate,
            command.Milestones.Select(m => new MilestonePlan(m.Title, m.Deliverable, m.DueDate)).ToList(), access.Actor, now);
        db.Publish(new TopicFundingCommitted(Guid.CreateVersion7(), now, topic.Id, call.UnitId, topic.UnitId, topic.Title, topic.ContractNumber!,
            command.ContractDate, command.StartDate, topic.EndDate!.Value, topic.BudgetTotal,
            topic.BudgetLines.GroupBy(l => l.Source).OrderBy(g => g.Key).Select(g => new TopicFundingAmount(g.Key.ToString(), g.Sum(l => l.Amount))).ToList()));
        return topic.Id;
    }
}

internal sealed class ContractTopicEndpoint(IMediator mediator) : TopicStepEndpoint<ContractTopic>(mediator)
{
    protected override string Route => ContractTopic.Route;
    protected override string RequiredPermission => Permission.TopicsManage;
    protected override string StepSummary => "Contract a selected research topic with its milestones; publishes the funding commitment (If-Match; 409 topic_state, milestone_outside_contract, contract_period)";
}
