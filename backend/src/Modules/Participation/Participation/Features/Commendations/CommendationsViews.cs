using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Commendations;

/// <summary>A nominee as the caller chooses them: an official (picked) or a unit (picked from the tree), with an optional initiative linked as evidence.</summary>
public sealed record NomineeInput
{
    public Guid? OfficialId { get; init; }
    public Guid? UnitId { get; init; }
    public Guid? InitiativeId { get; init; }
}

/// <summary>One rule's result for one nominee (Vietnamese texts).</summary>
public sealed record RuleResultView(string Code, string Name, string LegalBasis, bool Passed, string Detail);

public sealed record NomineeCheckView(NomineeKind Kind, Guid? OfficialId, Guid? UnitId, string Name, bool Eligible, IReadOnlyList<RuleResultView> Rules);

/// <summary>The eligibility of every nominee under the rule set of the year.</summary>
public sealed record EligibilityView(string FormCode, string FormName, int Year, string RuleSetCode, string RuleSetBasis, bool AllEligible, IReadOnlyList<NomineeCheckView> Nominees);

public sealed record NomineeView(Guid Id, int Order, NomineeKind Kind, Guid? OfficialId, Guid? UnitId, string Name, Guid? InitiativeId, string? InitiativeTitle,
    decimal? Prize, IReadOnlyList<RuleResultView> Checks);

public sealed record ProposalDetail(Guid Id, Guid UnitId, string UnitName, int Year, string FormCode, string FormName, string Achievements, ProposalStatus Status,
    string StatusName, string ProposedBy, DateTime? SubmittedAt, string? RuleSetCode, string? DecisionNumber, DateOnly? DecisionDate, string? Issuer,
    string? RefusalReason, string? ExceptionRequest, string? OverrideReason, string? OverriddenBy, string? DecidedBy, DateTime? DecidedAt, decimal PrizeTotal, string PrizeBasis, IReadOnlyList<NomineeView> Nominees,
    bool CanEdit, bool CanDecide, CommendationVoteView? CouncilVote, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record ProposalListItem(Guid Id, Guid UnitId, string UnitName, int Year, string FormCode, string FormName, ProposalStatus Status, int Nominees,
    string Names, string? DecisionNumber, DateOnly? DecisionDate, decimal PrizeTotal);

public sealed record FormRuleView(string Code, string Name, string LegalBasis);

/// <summary>A form of the catalogue; <c>councilShare</c> is what the deciding unit's emulation council needs for a proposal to pass (with its basis).</summary>
public sealed record CommendationFormView(string Code, string Name, CommendationTarget Target, string DecidedBy, bool IsTitle, decimal PersonCoefficient,
    decimal CollectiveCoefficient, string PrizeBasis, IReadOnlyList<FormRuleView> Rules, string CouncilShare, string CouncilShareBasis);

public sealed record CatalogueView(int Year, string RuleSetCode, string RuleSetBasis, DateOnly EffectiveFrom, IReadOnlyList<CommendationFormView> Forms);

/// <summary>
/// One commendation received (an approved proposal's nominee): who, the form and year, the decision and the prize, and
/// the honouring certificate issued to them at an honouring event (<see cref="HonourCertificateId"/>, for
/// <c>GET participation/commendations/certificates/{id}/pdf</c>), if any and not revoked.
/// </summary>
public sealed record CommendationHistoryItem(Guid ProposalId, Guid NomineeId, NomineeKind Kind, Guid? OfficialId, Guid? UnitId, string Name, int Year, string FormCode, string FormName,
    bool IsTitle, string? DecisionNumber, DateOnly? DecisionDate, string? Issuer, string DecidingUnitName, decimal? Prize, Guid? HonourCertificateId = null);

/// <summary>
/// The emulation council's vote on a proposal (the latest council that took it): <c>agree</c> is shown once the council
/// is closed (votes are blind while it sits); <c>needed</c> is the agreeing members the form's share (<c>shareName</c>,
/// <c>basis</c>) needs of all <c>members</c>; <c>passed</c> once closed with enough agreements.
/// </summary>
public sealed record CommendationVoteView(Guid CouncilId, string CouncilName, CouncilStatus Status, CouncilItemOutcome Outcome, int Members, int Votes,
    int? Agree, int Needed, string ShareName, string Basis, string? DecisionNumber, DateOnly? DecisionDate, bool Passed);

/// <summary>Where a proposal stands before the emulation councils (read past the scope filter: the caller has already read the proposal).</summary>
internal static class CommendationVotes
{
    public static async Task<CouncilVerdict?> VerdictAsync(ParticipationDbContext db, Guid proposalId, CancellationToken ct)
    {
        var council = await db.Councils.IgnoreQueryFilters().AsNoTracking().Include(c => c.Members).Include(c => c.Items).Include(c => c.Scores).AsSplitQuery()
            .Where(c => c.ItemKind == CouncilItemKind.Commendation && c.Items.Any(i => i.ItemId == proposalId))
            .OrderByDescending(c => c.FormedAtUtc).FirstOrDefaultAsync(ct);
        if (council is null) return null;
        var item = council.Items.First(i => i.ItemId == proposalId);
        var tally = council.Tally(item);
        return new CouncilVerdict(council.Id, council.Name, council.Status, item.Outcome, tally.Members, tally.Votes, tally.Agree, tally.Needed,
            council.DecisionNumber, council.DecisionDate);
    }

    public static CommendationVoteView? ToView(this CouncilVerdict? v, VoteShare share) => v is null ? null
        : new CommendationVoteView(v.CouncilId, v.CouncilName, v.Status, v.Outcome, v.Members, v.Votes, v.Status == CouncilStatus.Closed ? v.Agree : null,
            v.Needed, share.Name, share.Basis, v.DecisionNumber, v.DecisionDate, v.Passed);
}

internal static class CommendationViews
{
    public static RuleResultView ToView(this RuleResult r) => new(r.Code, r.Name, r.LegalBasis, r.Passed, r.Detail);
}

