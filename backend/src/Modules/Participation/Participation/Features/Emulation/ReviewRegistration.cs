using System.Globalization;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

public sealed record ReviewInput
{
    public Guid CriterionId { get; init; }
    /// <summary>The reviewed points, between 0 and the criterion's maximum.</summary>
    public decimal Points { get; init; }
    /// <summary>Why the points differ from the unit's own (needed when they do).</summary>
    public string? Comment { get; init; }
}

/// <summary>
/// The upper unit or the cluster leader reviews a self-scored registration and adjusts scores with a comment (If-Match:
/// of two reviewers adjusting the same registration, the second gets 412). 403 unless the caller manages emulation over
/// the unit's parent or over the leading unit of the unit's cluster that year (404 for a unit outside both); 409 <c>score_above_maximum</c>, <c>review_comment_required</c>, <c>registration_not_scored</c>,
/// <c>emulation_year_closed</c>. The registering unit is told the reviewed total and each adjusted score with its comment
/// (a unit notice to its officers, saved with the change; #13).
/// </summary>
public sealed record ReviewRegistration : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/registrations/{id}/review";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
    public IReadOnlyList<ReviewInput> Adjustments { get; init; } = [];
}

internal sealed class ReviewRegistrationValidator : AbstractValidator<ReviewRegistration>
{
    public ReviewRegistrationValidator()
    {
        RuleFor(x => x.Adjustments).NotEmpty().Must(s => s.Select(x => x.CriterionId).Distinct().Count() == s.Count)
            .WithMessage("Review each criterion once.", "Mỗi tiêu chí chỉ thẩm định một lần.");
        RuleForEach(x => x.Adjustments).ChildRules(a =>
        {
            a.RuleFor(x => x.CriterionId).NotEmpty();
            a.RuleFor(x => x.Points).PrecisionScale(9, 2, true);
            a.RuleFor(x => x.Comment).MaximumLength(2000);
        });
    }
}

internal sealed class ReviewRegistrationHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<ReviewRegistration, Guid>
{
    public async ValueTask<Guid> Handle(ReviewRegistration command, CancellationToken ct)
    {
        var registration = await access.RegistrationAsync(command.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([registration.UnitId]), ct)).FirstOrDefault();
        if (!access.MayReview(await access.ReviewersOfAsync(registration, unit?.ParentId, ct))) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, registration, command.IfMatch);
        var movement = await access.MovementOfAsync(registration, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        registration.Review(movement, command.Adjustments.Select(a => new ReviewDetails(a.CriterionId, a.Points, a.Comment)).ToList(), access.Actor, now);
        db.Entry(registration).State = EntityState.Modified;
        TellTheUnit(registration, movement, now);
        return registration.Id;
    }

    /// <summary>The registering unit reads the reviewed total and what was adjusted, with the reviewer's comments.</summary>
    private void TellTheUnit(Registration registration, Movement movement, DateTime now)
    {
        var adjusted = movement.Criteria.OrderBy(c => c.Order)
            .Select(c => (c, s: registration.Scores.FirstOrDefault(x => x.CriterionId == c.Id)))
            .Where(x => x.s is { ReviewedPoints: not null } && (x.s.ReviewedPoints != x.s.SelfPoints || !string.IsNullOrWhiteSpace(x.s.ReviewComment)))
            .Select(x => $"\"{x.c.Name}\": {EmulationPoints.Shown(x.s!.SelfPoints)} → {EmulationPoints.Shown(x.s.ReviewedPoints!.Value)}{(string.IsNullOrWhiteSpace(x.s.ReviewComment) ? "" : $" ({x.s.ReviewComment})")}")
            .ToList();
        var changes = adjusted.Count == 0 ? ", giữ nguyên điểm tự chấm." : $". Điều chỉnh: {string.Join("; ", adjusted)}.";
        var text = $"Kết quả thi đua năm {registration.Year} của phong trào \"{movement.Name}\" đã được thẩm định: {EmulationPoints.Shown(registration.Total)} điểm" + changes;
        if (text.Length > 1900) text = text[..1900] + "…";
        // The parameters are stored as JSON (non-ASCII escaped) in 4,000 characters: the list of changes stays short.
        if (changes.Length > 400) changes = changes[..400] + "…";
        db.Notify(NoticeTarget.Unit(registration.UnitId), new Notice($"emulation-registration:{registration.Id}:reviewed:{now.Ticks}", "emulation.reviewed", text,
            $"/participation/emulation/registrations/{registration.Id}",
            new Dictionary<string, string> { ["movement"] = movement.Name, ["year"] = registration.Year.ToString(CultureInfo.InvariantCulture), ["total"] = EmulationPoints.Shown(registration.Total),
                ["changes"] = changes, ["adjusted"] = adjusted.Count.ToString(CultureInfo.InvariantCulture) }));
    }
}

internal sealed class ReviewRegistrationEndpoint(IMediator mediator) : ChangedEndpoint<ReviewRegistration, RegistrationDetail>(mediator)
{
    public override void Configure()
    {
        Put(ReviewRegistration.Route);
        Policies(Permission.EmulationManage);
        Summary(s => s.Summary = "Review and adjust a unit's self-scores as the upper unit or the cluster leader (If-Match; 412 when another reviewer saved first; 409 score_above_maximum, review_comment_required, registration_not_scored, emulation_year_closed)");
    }

    protected override IQuery<RegistrationDetail> ReadBack(ReviewRegistration command) => new GetRegistration { Id = command.Id };
}
