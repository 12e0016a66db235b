using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// A finding on one criterion: for an initiative, a condition of recognition (met / not met, with a note); for a research
/// topic, one of the four criteria (practical significance, applicability, expected efficiency, feasibility) with
/// <c>points</c> 1–10 (<c>met</c> is then derived).
/// </summary>
public sealed record CouncilFindingInput
{
    public string Criterion { get; init; } = "";
    public bool Met { get; init; }
    public string? Note { get; init; }
    /// <summary>For a research topic: 1–10.</summary>
    public int? Points { get; init; }
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
            f.RuleFor(x => x.Note).NotEmpty().When(x => !x.Met && x.Points is null).WithMessage("Say why it is not met.", "Hãy nêu lý do không đạt.");
            f.RuleFor(x => x.Points).InclusiveBetween(TopicPoints.Min, TopicPoints.Max).When(x => x.Points is not null)
                .WithMessage("Points are from 1 to 10.", "Điểm mỗi tiêu chí từ 1 đến 10.");
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
            var (authors, judging) = await CouncilItems.AuthorsAndJudgingAsync(db, council, item, ct);
            council.Score(seat, item, authors, command.Findings.Select(f => new Finding(f.Criterion, f.Met, f.Note, f.Points)).ToList(),
                command.Agree, command.Comment, clock.GetUtcNow().UtcDateTime, judging);
            db.Touch(council);
            return true;
        }, Busy, ct);
        return Unit.Value;
    }
}

/// <summary>What a council needs to know of its items, whatever their kind.</summary>
internal static class CouncilItems
{
    /// <summary>
    /// The people the conflict-of-interest rules keep off an item (an initiative's authors; a topic's lead and members)
    /// and, for a topic council, how it judges (the rule set in force when it was formed and the call's threshold).
    /// </summary>
    public static async Task<(IReadOnlyList<ItemAuthor> Authors, TopicJudging? Judging)> AuthorsAndJudgingAsync(
        ParticipationDbContext db, Council council, CouncilItem item, CancellationToken ct)
    {
        if (council.ItemKind == CouncilItemKind.Commendation)
            return ((await CommendationNomineesAsync(db, [item.ItemId], ct)).GetValueOrDefault(item.ItemId, []), null);
        if (!council.JudgesTopics)
            return (await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Where(i => i.Id == item.ItemId)
                .SelectMany(i => i.Authors).Select(a => new ItemAuthor(a.FullName, a.Email, null)).ToListAsync(ct), null);
        var topic = await db.ResearchTopics.IgnoreQueryFilters().AsNoTracking().Include(t => t.Members).FirstAsync(t => t.Id == item.ItemId, ct);
        return (topic.People, await JudgingAsync(db, council, ct));
    }

    /// <summary>The people proposed in commendation proposals (collectives have none), as the conflict-of-interest rules compare them with a member.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<ItemAuthor>>> CommendationNomineesAsync(ParticipationDbContext db, IReadOnlyList<Guid> proposalIds, CancellationToken ct)
    {
        var ids = proposalIds.ToList();
        var rows = (await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Nominees).Where(p => ids.Contains(p.Id)).ToListAsync(ct))
            .SelectMany(p => p.Nominees.Where(n => n.Kind == NomineeKind.Person).Select(n => new { p.Id, n.Name, n.Email, n.OfficialId })).ToList();
        return proposalIds.ToDictionary(id => id,
            id => (IReadOnlyList<ItemAuthor>)rows.Where(r => r.Id == id).Select(r => new ItemAuthor(r.Name, r.Email, r.OfficialId)).ToList());
    }

    /// <summary>How a topic council judges (null for an initiative council).</summary>
    public static async Task<TopicJudging?> JudgingAsync(ParticipationDbContext db, Council council, CancellationToken ct)
    {
        if (!council.JudgesTopics) return null;
        var firstTopic = council.Items.OrderBy(i => i.Order).First().ItemId;
        var call = await db.ResearchTopics.IgnoreQueryFilters().Where(t => t.Id == firstTopic)
            .Join(db.ResearchCalls, t => t.CallId, c => c.Id, (t, c) => c).AsNoTracking().FirstAsync(ct);
        return TopicJudging.For(council.ItemKind, DateOnly.FromDateTime(VietnamTime.ToLocal(council.FormedAtUtc)), call);
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
        Summary(s => s.Summary = "Submit the caller's blind score on an item: conditions and a vote for an initiative, points 1–10 per criterion for a research topic (400 outside 1–10; 409 coi_author_member, coi_declared, council_already_scored, council_closed, council_points, vote_contradicts_findings)");
    }

    protected override IQuery<CouncilDetail> ReadBack(ScoreCouncilItem command) => new GetCouncil { Id = command.Id };
}
