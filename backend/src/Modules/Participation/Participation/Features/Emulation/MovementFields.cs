using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>A criterion of a movement: its maximum points and how a unit evidences it.</summary>
public sealed record CriterionInput
{
    /// <summary>The criterion's id when it is kept unchanged (null for a new one).</summary>
    public Guid? Id { get; init; }
    public string Name { get; init; } = "";
    /// <summary>Maximum points (exact, up to two decimals, more than 0).</summary>
    public decimal MaxPoints { get; init; }
    /// <summary>How the unit evidences it (e.g. "Quyết định công nhận sáng kiến").</summary>
    public string Evidence { get; init; } = "";
}

/// <summary>The content of an emulation movement (phong trào thi đua).</summary>
public abstract record MovementFields
{
    public string Name { get; init; } = "";
    public MovementKind Kind { get; init; }
    public MovementTarget Target { get; init; }
    /// <summary>A regular movement: the first year it runs.</summary>
    public int FromYear { get; init; }
    /// <summary>A regular movement: the last year (null: until further notice).</summary>
    public int? ToYear { get; init; }
    /// <summary>A thematic movement: its own period.</summary>
    public DateOnly? PeriodFrom { get; init; }
    public DateOnly? PeriodTo { get; init; }
    /// <summary>The registration deadline of the first year; later years use the same day and month.</summary>
    public DateOnly RegistrationDeadline { get; init; }
    public ParticipantsMode Participants { get; init; }
    /// <summary>With <c>ChosenUnits</c>: the units below the launching unit that take part.</summary>
    public IReadOnlyList<Guid> ChosenUnitIds { get; init; } = [];
    public IReadOnlyList<CriterionInput> Criteria { get; init; } = [];

    internal MovementDetails ToDetails() => new(Name, Kind, Target, FromYear, ToYear, PeriodFrom, PeriodTo, RegistrationDeadline, Participants, ChosenUnitIds,
        Criteria.Select(c => new CriterionDetails(c.Id, c.Name, c.MaxPoints, c.Evidence)).ToList());
}

internal static class MovementFieldRules
{
    public static void AddMovementRules<T>(this AbstractValidator<T> v) where T : MovementFields
    {
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(300);
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.Target).IsInEnum();
        v.RuleFor(x => x.Participants).IsInEnum();
        v.RuleFor(x => x.FromYear).InclusiveBetween(2000, 2100).When(x => x.Kind == MovementKind.Regular);
        v.RuleFor(x => x.ToYear).GreaterThanOrEqualTo(x => x.FromYear).When(x => x.Kind == MovementKind.Regular && x.ToYear is not null);
        v.RuleFor(x => x.RegistrationDeadline).NotEmpty();
        v.RuleFor(x => x.ChosenUnitIds).NotEmpty().When(x => x.Participants == ParticipantsMode.ChosenUnits)
            .WithMessage("Choose the participating units.", "Chọn các đơn vị tham gia.");
        v.RuleFor(x => x.Criteria).NotEmpty().WithMessage("Give at least one criterion.", "Cần ít nhất một tiêu chí.")
            .Must(c => c.Count <= 50).WithMessage("At most 50 criteria.", "Tối đa 50 tiêu chí.");
        v.RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(500);
            c.RuleFor(x => x.MaxPoints).GreaterThan(0).LessThanOrEqualTo(1000).PrecisionScale(9, 2, true);
            c.RuleFor(x => x.Evidence).NotEmpty().MaximumLength(1000);
        });
    }

    /// <summary>
    /// The units a movement or a cluster names are below the unit that owns it (409 <c>units_outside</c> on
    /// <paramref name="field"/>): a unit never enrols units it does not lead.
    /// </summary>
    public static async Task EnsureBelowAsync(this IMediator mediator, Guid unitId, IReadOnlyList<Guid> units, string field, CancellationToken ct)
    {
        if (units.Count == 0) return;
        var below = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).Where(u => u != unitId).ToHashSet();
        if (units.Any(u => !below.Contains(u)))
            throw new BusinessRuleException("units_outside", Localized.Text("The units must be below the unit that launches the movement or forms the cluster.",
                "Các đơn vị phải là đơn vị cấp dưới của đơn vị phát động phong trào hoặc thành lập cụm."),
                new Dictionary<string, string[]> { [field] = [Localized.Text("Choose units below.", "Chọn đơn vị cấp dưới.")] });
    }
}
