using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.BuildingBlocks.Domain;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// A unit (normally the province) publishes an order or a call for research topics: year, field, themes, the proposal
/// deadline, the budget ceiling per topic (exact VND) and the selection threshold (weighted average, 1–10; by default
/// the one of the topic rule set in force, a house rule).
/// </summary>
public sealed record PublishResearchCall : Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.CallsRoute;
    /// <summary>The ordering unit.</summary>
    public Guid UnitId { get; init; }
    public ResearchCallKind Kind { get; init; } = ResearchCallKind.Order;
    public int Year { get; init; }
    public string Title { get; init; } = "";
    public string Field { get; init; } = "";
    public string? Themes { get; init; }
    public DateOnly Deadline { get; init; }
    public decimal BudgetCeiling { get; init; }
    /// <summary>Empty: the default of the topic rule set in force.</summary>
    public decimal? PassThreshold { get; init; }
    /// <summary>The weights of the four criteria (each above 0, fractions totalling 1); empty: the topic rule set's in force.</summary>
    public TopicWeights? Weights { get; init; }
}

/// <summary>The weights of the four criteria a call's councils score with: fractions each above 0, totalling exactly 1.</summary>
public sealed record TopicWeights(decimal PracticalSignificance, decimal Applicability, decimal ExpectedEfficiency, decimal Feasibility)
{
    public decimal Sum() => PracticalSignificance + Applicability + ExpectedEfficiency + Feasibility;
}

internal sealed class PublishResearchCallValidator : AbstractValidator<PublishResearchCall>
{
    public PublishResearchCallValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.Title).NotEmpty().MaximumLength(300);
        RuleFor(x => x.Field).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Themes).MaximumLength(4000);
        RuleFor(x => x.Deadline).NotEmpty();
        RuleFor(x => x.BudgetCeiling).GreaterThan(0).WithMessage("The ceiling is positive.", "Mức trần kinh phí phải lớn hơn 0.");
        RuleFor(x => x.PassThreshold).InclusiveBetween(1m, 10m).When(x => x.PassThreshold is not null);
        When(x => x.Weights is not null, () =>
        {
            RuleFor(x => x.Weights!.PracticalSignificance).GreaterThan(0).OverridePropertyName("weights.practicalSignificance")
                .WithMessage("A weight is above 0.", "Trọng số phải lớn hơn 0.");
            RuleFor(x => x.Weights!.Applicability).GreaterThan(0).OverridePropertyName("weights.applicability")
                .WithMessage("A weight is above 0.", "Trọng số phải lớn hơn 0.");
            RuleFor(x => x.Weights!.ExpectedEfficiency).GreaterThan(0).OverridePropertyName("weights.expectedEfficiency")
                .WithMessage("A weight is above 0.", "Trọng số phải lớn hơn 0.");
            RuleFor(x => x.Weights!.Feasibility).GreaterThan(0).OverridePropertyName("weights.feasibility")
                .WithMessage("A weight is above 0.", "Trọng số phải lớn hơn 0.");
            RuleFor(x => x.Weights!).Must(w => w.Sum() == 1m).OverridePropertyName("weights")
                .WithMessage("The weights total 1 (e.g. 0.30 + 0.25 + 0.25 + 0.20).", "Tổng các trọng số phải bằng 1 (ví dụ 0,30 + 0,25 + 0,25 + 0,20).");
        });
    }
}

internal sealed class PublishResearchCallHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<PublishResearchCall, Guid>
{
    public ValueTask<Guid> Handle(PublishResearchCall command, CancellationToken ct)
    {
        db.Access.Demand(Permission.TopicsManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        var rules = TopicRules.InForceOn(VietnamTime.Today(clock));
        var call = ResearchCall.Publish(command.UnitId, new ResearchCallDetails(command.Kind, command.Year, command.Title, command.Field, command.Themes,
            command.Deadline, command.BudgetCeiling, command.PassThreshold ?? rules.DefaultSelectionThreshold,
            command.Weights is { } w ? new CallWeights(w.PracticalSignificance, w.Applicability, w.ExpectedEfficiency, w.Feasibility)
                : CallWeights.Of(rules.Weights)), access.Actor);
        db.ResearchCalls.Add(call);
        return ValueTask.FromResult(call.Id);
    }
}

internal sealed class PublishResearchCallEndpoint(IMediator mediator) : CreatedEndpoint<PublishResearchCall, ResearchCallView>(mediator)
{
    public override void Configure()
    {
        Post(PublishResearchCall.Route);
        Policies(Permission.TopicsManage);
        Summary(s =>
        {
            s.Summary = "Publish an order or call for research topics (honours Idempotency-Key)";
            s.Response<ResearchCallView>(201, "The call.");
        });
    }

    protected override IQuery<ResearchCallView> ReadBack(PublishResearchCall command, Guid id) => new GetResearchCall { Id = id };

    protected override string Location(PublishResearchCall command, Guid id) => TopicViews.CallFor(id);
}
