using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>The finding on one condition of recognition.</summary>
public sealed record ConditionCheckInput
{
    public RecognitionCondition Condition { get; init; }
    public bool Met { get; init; }
    /// <summary>What the finding rests on.</summary>
    public string? Note { get; init; }
}

/// <summary>
/// The recognising officer records, for a submitted application, whether each condition of recognition
/// (Decree 13/2012/NĐ-CP art. 3–4) is met, with a note. Conditions left out keep their earlier finding.
/// </summary>
public sealed record RecordRecognitionConditions : InitiativeStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/conditions";
    public IReadOnlyList<ConditionCheckInput> Checks { get; init; } = [];
}

internal sealed class RecordRecognitionConditionsValidator : AbstractValidator<RecordRecognitionConditions>
{
    public RecordRecognitionConditionsValidator()
    {
        RuleFor(x => x.Checks).NotEmpty().WithMessage("Record at least one condition.", "Cần ghi nhận ít nhất một điều kiện.")
            .Must(c => c.Select(x => x.Condition).Distinct().Count() == c.Count)
            .WithMessage("Each condition appears once.", "Mỗi điều kiện chỉ ghi nhận một lần.");
        RuleForEach(x => x.Checks).ChildRules(c =>
        {
            c.RuleFor(x => x.Condition).IsInEnum();
            c.RuleFor(x => x.Note).MaximumLength(2000);
            c.RuleFor(x => x.Note).NotEmpty().When(x => !x.Met)
                .WithMessage("Say why the condition is not met.", "Hãy nêu lý do điều kiện không được đáp ứng.");
        });
    }
}

internal sealed class RecordRecognitionConditionsHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RecordRecognitionConditions, Guid>
{
    public async ValueTask<Guid> Handle(RecordRecognitionConditions command, CancellationToken ct)
    {
        var initiative = await access.ForDecisionAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, initiative, command.IfMatch);
        initiative.RecordConditions(command.Checks.Select(c => (c.Condition, c.Met, c.Note)).ToList(), access.Actor, clock.GetUtcNow().UtcDateTime);
        db.Entry(initiative).State = EntityState.Modified;
        return initiative.Id;
    }
}

internal sealed class RecordRecognitionConditionsEndpoint(IMediator mediator) : InitiativeStepEndpoint<RecordRecognitionConditions>(mediator)
{
    protected override string Route => RecordRecognitionConditions.Route;
    protected override string RequiredPermission => Permission.InitiativesRecognise;
    protected override bool IsPut => true;
    protected override string StepSummary => "Record the recognition conditions met or not met (If-Match; 409 initiative_state unless submitted)";
}
