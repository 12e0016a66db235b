using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Initiatives;

namespace Khcn.Participation.Features.Councils;

/// <summary>A seat of a council; <c>isMe</c> marks the caller's own.</summary>
public sealed record CouncilMemberView(Guid Id, Guid OfficialId, string FullName, string? Email, string? Position, CouncilRole Role, bool IsMe);

/// <summary>A member's finding on one criterion (for initiatives: a condition of recognition and its legal basis; for topics: the points 1–10).</summary>
public sealed record CouncilFindingView(string Criterion, string? LegalBasis, bool Met, string? Note, int? Points);

/// <summary>A member's score; <c>weighted</c> is the topic score Σ weight × points (null for initiatives).</summary>
public sealed record CouncilScoreView(Guid MemberId, string MemberName, CouncilRole Role, bool Agree, string? Comment, DateTime SubmittedAt,
    IReadOnlyList<CouncilFindingView> Findings, decimal? Weighted);

/// <summary>What a member needs to judge a research topic.</summary>
public sealed record CouncilTopicSummary(string UnitName, string CallTitle, string Field, string Lead, string Members, string Objectives,
    string ExpectedProducts, int DurationMonths, decimal BudgetTotal, TopicStatus Status, AcceptanceRating? Rating, int Milestones, int MilestonesDone);

/// <summary>A criterion a topic council scores on, with its Vietnamese name and weight in the rule set.</summary>
public sealed record TopicCriterionView(TopicCriterion Criterion, string Name, decimal Weight);

/// <summary>
/// How a topic council judges: its rule set (a house rule), the criteria and weights, the pass mark (the call's
/// threshold at selection, the "Đạt" band at acceptance) and the acceptance bands.
/// </summary>
public sealed record TopicJudgingView(string RuleSetCode, string LegalBasis, IReadOnlyList<TopicCriterionView> Criteria, decimal PassMark,
    decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom);

public sealed record CouncilConflictView(Guid MemberId, string MemberName, string Reason, DateTime DeclaredAt);

/// <summary>What a member needs to judge an initiative.</summary>
public sealed record CouncilInitiativeSummary(string UnitName, string Field, InitiativeKind Kind, string Problem, string Solution, string AppliedAt,
    DateOnly AppliedSince, decimal YearlyBenefit, string Authors, InitiativeStatus Status, string? CertificateNumber, string? RefusalReasons);

/// <summary>
/// An item before the council. Blind scoring: <c>scores</c> (and <c>agree</c>) are null until the caller has submitted
/// their own score on this item or the council is closed; <c>votes</c> (how many have scored) is always shown.
/// <c>exclusion</c> says why the caller may not score it: <c>author</c>, <c>nominee</c> (an emulation council member
/// proposed in it, who declares the conflict) or <c>declared</c>. For a commendation proposal, <c>proposal</c> summarises it
/// and <c>needed</c> is its form's share of all members.
/// </summary>
/// For a topic, <c>averageScore</c> (and <c>rating</c> at acceptance) appear once the council is closed.
public sealed record CouncilItemView(Guid ItemId, CouncilItemKind Kind, string Title, CouncilInitiativeSummary? Initiative, CouncilTopicSummary? Topic,
    CouncilItemOutcome Outcome, int Members, int Votes, int? Agree, int Needed, int Quorum, IReadOnlyList<Guid> VotedMemberIds,
    IReadOnlyList<CouncilConflictView> Conflicts, bool CanScore, string? Exclusion, CouncilScoreView? MyScore,
    bool ScoresVisible, IReadOnlyList<CouncilScoreView>? Scores, decimal? AverageScore, AcceptanceRating? Rating, CouncilProposalSummary? Proposal);

/// <summary>
/// What a member of an emulation council needs to vote on a commendation proposal: the proposing unit, the form and
/// year, the nominees, the achievements, whether an exception was asked for failed eligibility rules, and the share of
/// the council the form needs (<c>shareName</c>, <c>basis</c>).
/// </summary>
public sealed record CouncilProposalSummary(string UnitName, string FormCode, string FormName, int Year, string Nominees, string Achievements,
    string? ExceptionRequest, string ShareName, string Basis);

/// <summary>An item's facts as the council view needs them: a summary of its kind and the people kept off it.</summary>
internal sealed record CouncilItemInfo(CouncilInitiativeSummary? Initiative, CouncilTopicSummary? Topic, IReadOnlyList<ItemAuthor> Authors,
    CouncilProposalSummary? Proposal = null);

/// <summary>
/// An evaluation council as its reader sees it. <c>myRole</c> is the caller's seat (null for an officer who is not a
/// member); <c>canClose</c> is true for its secretary while open; <c>agreementNeeded</c> is ⌈2n/3⌉ of the members
/// (<c>decisionBasis</c>).
/// </summary>
public sealed record CouncilDetail(Guid Id, Guid UnitId, string UnitName, string Name, CouncilItemKind ItemKind, CouncilStatus Status,
    string? UnitHeadName, string FormedBy, DateTime FormedAt, string? ClosedBy, DateTime? ClosedAt, string? DecisionNumber, DateOnly? DecisionDate,
    IReadOnlyList<CouncilMemberView> Members, IReadOnlyList<CouncilItemView> Items, CouncilRole? MyRole, bool CanClose, bool CanManage,
    int AgreementNeeded, string DecisionBasis, TopicJudgingView? TopicJudging, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record CouncilListItem(Guid Id, string Name, Guid UnitId, string UnitName, CouncilItemKind ItemKind, CouncilStatus Status,
    int Members, int Items, string ItemTitles, CouncilRole? MyRole, DateTime FormedAt, DateTime? ClosedAt);

internal static class CouncilViews
{
    public const string Route = "/api/v1/participation/councils";

    public static string For(Guid id) => $"{Route}/{id}";

    public static string? LegalBasisOf(CouncilItemKind kind, string criterion) =>
        kind == CouncilItemKind.Initiative && Enum.TryParse<RecognitionCondition>(criterion, out var c) ? InitiativeViews.LegalBasisOf(c) : null;

    public static CouncilDetail ToDetail(this Council c, ParticipationAccess access, string unitName,
        IReadOnlyDictionary<Guid, CouncilItemInfo> infos, TopicJudging? judging)
    {
        var me = access.SeatOn(c);
        var closed = c.Status == CouncilStatus.Closed;
        CouncilScoreView View(CouncilScore s)
        {
            var m = c.Members.First(x => x.Id == s.MemberId);
            return new CouncilScoreView(m.Id, m.FullName, m.Role, s.Agree, s.Comment, s.SubmittedAtUtc,
                s.Findings.OrderBy(f => Array.IndexOf(Council.Criteria(c.ItemKind).ToArray(), f.Criterion))
                    .Select(f => new CouncilFindingView(f.Criterion, LegalBasisOf(c.ItemKind, f.Criterion), f.Met, f.Note, f.Points)).ToList(),
                judging is null ? null : Council.WeightedOf(s, judging.Rules));
        }
        var items = c.Items.OrderBy(i => i.Order).Select(i =>
        {
            var tally = c.Tally(i);
            var scores = c.Scores.Where(s => s.CouncilItemId == i.Id).OrderBy(s => s.SubmittedAtUtc).ToList();
            var mine = me is null ? null : c.ScoreOf(me, i);
            var visible = closed || mine is not null;
            var info = infos.GetValueOrDefault(i.ItemId);
            string? exclusion = me is null ? null
                : c.Excluded(me, i) ? "declared"
                : info is not null && info.Authors.Any(a => CouncilRules.IsAuthor(a, me.FullName, me.Email, me.OfficialId))
                    ? c.ItemKind == CouncilItemKind.Commendation ? "nominee" : "author"
                : null;
            return new CouncilItemView(i.ItemId, i.Kind, i.Title, info?.Initiative, info?.Topic, i.Outcome, tally.Members, tally.Votes,
                visible ? tally.Agree : null, tally.Needed, tally.Quorum, scores.Select(s => s.MemberId).ToList(),
                c.Conflicts.Where(x => x.CouncilItemId == i.Id).Select(x => new CouncilConflictView(x.MemberId,
                    c.Members.First(m => m.Id == x.MemberId).FullName, x.Reason, x.DeclaredAtUtc)).ToList(),
                !closed && me is not null && mine is null && exclusion is null, exclusion, mine is null ? null : View(mine),
                visible, visible ? scores.Select(View).ToList() : null,
                closed ? i.AverageScore : null,
                closed && c.ItemKind == CouncilItemKind.TopicAcceptance && judging is not null && i.AverageScore is { } avg ? judging.Rules.RatingOf(avg) : null,
                info?.Proposal);
        }).ToList();
        return new CouncilDetail(c.Id, c.UnitId, unitName, c.Name, c.ItemKind, c.Status, c.UnitHeadName, c.FormedBy, c.FormedAtUtc, c.ClosedBy,
            c.ClosedAtUtc, c.DecisionNumber, c.DecisionDate,
            c.Members.OrderBy(m => m.Order).Select(m => new CouncilMemberView(m.Id, m.OfficialId, m.FullName, m.Email, m.Position, m.Role, m.Id == me?.Id)).ToList(),
            items, me?.Role, !closed && me?.Role == CouncilRole.Secretary, access.MayManage(c),
            c.ItemKind == CouncilItemKind.Commendation ? VoteShare.SimpleMajority.Needed(c.Members.Count) : CouncilRules.AgreementNeeded(c.Members.Count),
            judging is not null ? judging.Rules.LegalBasis : c.ItemKind == CouncilItemKind.Commendation ? VoteShare.SimpleMajority.Basis : CouncilRules.DecisionBasis,
            judging is null ? null : new TopicJudgingView(judging.Rules.Code, judging.Rules.LegalBasis,
                judging.Rules.Weights.Select(w => new TopicCriterionView(w.Key, TopicRules.CriterionName(w.Key), w.Value)).ToList(),
                judging.PassMark, judging.Rules.ExcellentFrom, judging.Rules.GoodFrom, judging.Rules.PassFrom),
            c.Version, c.CreatedAtUtc, c.UpdatedAtUtc);
    }
}
