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

/// <summary>What evidences a score: a recognised initiative picked from the unit's subtree (by id), a link or a statement.</summary>
public sealed record EvidenceInput
{
    public EvidenceKind Kind { get; init; }
    /// <summary>With <c>Initiative</c>: the recognised initiative's id (its title and certificate number become the label).</summary>
    public Guid? RecordId { get; init; }
    public string? Label { get; init; }
    /// <summary>With <c>Link</c>: the address (http or https).</summary>
    public string? Url { get; init; }
}

public sealed record SelfScoreInput
{
    public Guid CriterionId { get; init; }
    /// <summary>Between 0 and the criterion's maximum (exact, up to two decimals).</summary>
    public decimal Points { get; init; }
    public string? Note { get; init; }
    public IReadOnlyList<EvidenceInput> Evidence { get; init; } = [];
}

/// <summary>
/// The unit scores itself on the movement's criteria with evidence (If-Match). 409 <c>score_above_maximum</c>,
/// <c>evidence_not_found</c> (an initiative that is not a recognised one of the unit's subtree), <c>registration_reviewed</c>,
/// <c>emulation_year_closed</c>. Each self-scoring asks the units that review it — the upper unit (the unit's parent) and
/// the leading unit of the unit's cluster that year — to review it: a unit notice to each one's officers with the total
/// and a link to the registration (#13), saved with the change.
/// </summary>
public sealed record ScoreRegistration : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/emulation/registrations/{id}/self-score";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
    public IReadOnlyList<SelfScoreInput> Scores { get; init; } = [];
}

internal sealed class ScoreRegistrationValidator : AbstractValidator<ScoreRegistration>
{
    public ScoreRegistrationValidator()
    {
        RuleFor(x => x.Scores).NotEmpty().Must(s => s.Select(x => x.CriterionId).Distinct().Count() == s.Count)
            .WithMessage("Score each criterion once.", "Mỗi tiêu chí chỉ chấm một lần.");
        RuleForEach(x => x.Scores).ChildRules(s =>
        {
            s.RuleFor(x => x.CriterionId).NotEmpty();
            s.RuleFor(x => x.Points).PrecisionScale(9, 2, true);
            s.RuleFor(x => x.Note).MaximumLength(2000);
            s.RuleFor(x => x.Evidence).Must(e => e.Count <= 20);
            s.RuleForEach(x => x.Evidence).ChildRules(e =>
            {
                e.RuleFor(x => x.Kind).IsInEnum();
                e.RuleFor(x => x.RecordId).NotEmpty().When(x => x.Kind == EvidenceKind.Initiative);
                e.RuleFor(x => x.Url).NotEmpty().MaximumLength(1000)
                    .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
                    .When(x => x.Kind == EvidenceKind.Link).WithMessage("Give an http(s) address.", "Nhập địa chỉ http(s).");
                e.RuleFor(x => x.Label).NotEmpty().MaximumLength(500).When(x => x.Kind != EvidenceKind.Initiative);
            });
        });
    }
}

internal sealed class ScoreRegistrationHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<ScoreRegistration, Guid>
{
    public async ValueTask<Guid> Handle(ScoreRegistration command, CancellationToken ct)
    {
        var registration = await access.RegistrationAsync(command.Id, ct);
        if (!access.MayRegister(registration.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, registration, command.IfMatch);
        var movement = await access.MovementOfAsync(registration, ct);
        var initiatives = await InitiativesAsync(registration.UnitId, command, ct);
        var scores = command.Scores.Select(s => new SelfScoreDetails(s.CriterionId, s.Points, s.Note, s.Evidence.Select(e => e.Kind == EvidenceKind.Initiative
            ? new EvidenceDetails(e.Kind, e.RecordId, initiatives[e.RecordId!.Value], null)
            : new EvidenceDetails(e.Kind, null, e.Label!, e.Kind == EvidenceKind.Link ? e.Url : null)).ToList())).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        registration.SelfScore(movement, scores, now);
        db.Entry(registration).State = EntityState.Modified;
        await AskForReviewAsync(registration, movement, now, ct);
        return registration.Id;
    }

    /// <summary>The review request to each reviewing unit (the upper unit, the cluster leader), one per self-scoring (its time in the key).</summary>
    private async Task AskForReviewAsync(Registration registration, Movement movement, DateTime now, CancellationToken ct)
    {
        var unit = (await mediator.Send(new GetUnitSummaries([registration.UnitId]), ct)).FirstOrDefault();
        if (unit is null) return;
        var total = EmulationPoints.Shown(registration.Total);
        foreach (var reviewer in (await access.ReviewersOfAsync(registration, unit.ParentId, ct)).Units)
            db.Notify(NoticeTarget.Unit(reviewer), new Notice($"emulation-registration:{registration.Id}:self-scored:{now.Ticks}:{reviewer}", "emulation.review-requested",
                $"{unit.Name} đã tự chấm điểm thi đua năm {registration.Year} của phong trào \"{movement.Name}\" ({total} điểm); đề nghị đơn vị thẩm định.",
                $"/participation/emulation/registrations/{registration.Id}",
                new Dictionary<string, string> { ["unit"] = unit.Name, ["movement"] = movement.Name, ["year"] = registration.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["total"] = total }));
    }

    /// <summary>The picked initiatives, each a recognised one of the unit's subtree, labelled by title and certificate number.</summary>
    private async Task<Dictionary<Guid, string>> InitiativesAsync(Guid unitId, ScoreRegistration command, CancellationToken ct)
    {
        var ids = command.Scores.SelectMany(s => s.Evidence).Where(e => e.Kind == EvidenceKind.Initiative).Select(e => e.RecordId!.Value).Distinct().ToList();
        if (ids.Count == 0) return [];
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToList();
        var found = await db.Initiatives.IgnoreQueryFilters().AsNoTracking()
            .Where(i => ids.Contains(i.Id) && i.Status == InitiativeStatus.Recognised && subtree.Contains(i.UnitId))
            .ToDictionaryAsync(i => i.Id, i => $"{i.Title} (GCN {i.CertificateNumber})", ct);
        if (found.Count != ids.Count)
            throw new BusinessRuleException("evidence_not_found", Localized.Text("Evidence must be a recognised initiative of the unit or a unit below it.",
                "Minh chứng phải là sáng kiến đã được công nhận của đơn vị hoặc đơn vị cấp dưới."));
        return found;
    }
}

internal sealed class ScoreRegistrationEndpoint(IMediator mediator) : ChangedEndpoint<ScoreRegistration, RegistrationDetail>(mediator)
{
    public override void Configure()
    {
        Put(ScoreRegistration.Route);
        Policies(Permission.EmulationRegister);
        Summary(s => s.Summary = "Self-score a registration per criterion with evidence (If-Match; 409 score_above_maximum, evidence_not_found, registration_reviewed, emulation_year_closed)");
    }

    protected override IQuery<RegistrationDetail> ReadBack(ScoreRegistration command) => new GetRegistration { Id = command.Id };
}
