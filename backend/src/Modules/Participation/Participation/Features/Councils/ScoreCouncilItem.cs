using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>A finding on one criterion: for an initiative, a condition of recognition (met / not met, with a note).</summary>
public sealed record CouncilFindingInput
{
    public string Criterion { get; init; } = "";
    public bool Met { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// A member scores an item, once and independently: a finding per condition and a vote (agree to recognise or not).
/// Refused for an author (409 <c>coi_author_member</c>), a member who declared a conflict (409 <c>coi_declared</c>), a
/// second score (409 <c>council_already_scored</c>), after closing (409 <c>council_closed</c>), and for anyone not on
/// the council (403; 404 when they do not see it). Touches the council so that a score racing the closing either
/// counts or is refused.
/// </summary>
public sealed record ScoreCouncilItem : Mediator.ICommand
{
    public const string Route = "/api/v1/participation/councils/{id}/items/{itemId}/score";
    public Guid Id { get; init; }
    public Guid ItemId { get; init; }
    public IReadOnlyList<CouncilFindingInput> Findings { get; init; } = [];
    /// <summary>The vote: true agrees to recognise.</summary>
    public bool Agree { get; init; }
    public string? Comment { get; init; }
}

internal sealed class ScoreCouncilItemValidator : AbstractValidator<ScoreCouncilItem>
{
    public ScoreCouncilItemValidator()
    {
        RuleFor(x => x.Findings).NotEmpty().WithMessage("Record a finding on every criterion.", "Cần đánh giá đủ từng tiêu chí.")
            .Must(f => f.Select(x => x.Criterion).Distinct().Count() == f.Count).WithMessage("Each criterion appears once.", "Mỗi tiêu chí chỉ đánh giá một lần.");
        RuleForEach(x => x.Findings).ChildRules(f =>
        {
            f.RuleFor(x => x.Criterion).NotEmpty().MaximumLength(40);
            f.RuleFor(x => x.Note).MaximumLength(2000);
            f.RuleFor(x => x.Note).NotEmpty().When(x => !x.Met).WithMessage("Say why it is not met.", "Hãy nêu lý do không đạt.");
        });
        RuleFor(x => x.Comment).MaximumLength(2000);
    }
}

internal sealed class ScoreCouncilItemHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock) : Mediator.ICommandHandler<ScoreCouncilItem>
{
    public static readonly (string, string) Busy = ("The council is busy; try again.", "Hội đồng đang được cập nhật; hãy thử lại.");

    public async ValueTask<Unit> Handle(ScoreCouncilItem command, CancellationToken ct)
    {
        await Concurrency.RetryAsync(db, async () =>
        {
            var council = await access.CouncilAsync(command.Id, ct);
            var seat = access.SeatOn(council) ?? throw new ForbiddenException(Localized.Text("Only the council's members score.", "Chỉ thành viên Hội đồng được chấm."));
            var item = council.ItemOf(command.ItemId);
            var authors = await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == item.ItemId)
                .SelectMany(i => i.Authors).Select(a => new ItemAuthor(a.FullName, a.Email)).ToListAsync(ct);
            council.Score(seat, item, authors, command.Findings.Select(f => new Finding(f.Criterion, f.Met, f.Note)).ToList(),
                command.Agree, command.Comment, clock.GetUtcNow().UtcDateTime);
            db.Touch(council);
            return true;
        }, Busy, ct);
        return Unit.Value;
    }
}

internal static class CouncilWrites
{
    /// <summary>Marks the council row changed so its version moves: a score and the closing never both win on stale reads.</summary>
    public static void Touch(this ParticipationDbContext db, Council council) =>
        db.Entry(council).Property(nameof(Entity.UpdatedAtUtc)).IsModified = true;
}

internal sealed class ScoreCouncilItemEndpoint(IMediator mediator) : ChangedEndpoint<ScoreCouncilItem, CouncilDetail>(mediator)
{
    public override void Configure()
    {
        Put(ScoreCouncilItem.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Submit the caller's blind score on an item (409 coi_author_member, coi_declared, council_already_scored, council_closed, vote_contradicts_findings)");
    }

    protected override IQuery<CouncilDetail> ReadBack(ScoreCouncilItem command) => new GetCouncil { Id = command.Id };
}
