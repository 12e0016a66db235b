using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Domain;

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
    bool CanEdit, bool CanDecide, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record ProposalListItem(Guid Id, Guid UnitId, string UnitName, int Year, string FormCode, string FormName, ProposalStatus Status, int Nominees,
    string Names, string? DecisionNumber, DateOnly? DecisionDate, decimal PrizeTotal);

public sealed record FormRuleView(string Code, string Name, string LegalBasis);

public sealed record CommendationFormView(string Code, string Name, CommendationTarget Target, string DecidedBy, bool IsTitle, decimal PersonCoefficient,
    decimal CollectiveCoefficient, string PrizeBasis, IReadOnlyList<FormRuleView> Rules);

public sealed record CatalogueView(int Year, string RuleSetCode, string RuleSetBasis, DateOnly EffectiveFrom, IReadOnlyList<CommendationFormView> Forms);

/// <summary>
/// One commendation received (an approved proposal's nominee): who, the form and year, the decision and the prize, and
/// the honouring certificate issued to them at an honouring event (<see cref="HonourCertificateId"/>, for
/// <c>GET participation/commendations/certificates/{id}/pdf</c>), if any and not revoked.
/// </summary>
public sealed record CommendationHistoryItem(Guid ProposalId, Guid NomineeId, NomineeKind Kind, Guid? OfficialId, Guid? UnitId, string Name, int Year, string FormCode, string FormName,
    bool IsTitle, string? DecisionNumber, DateOnly? DecisionDate, string? Issuer, string DecidingUnitName, decimal? Prize, Guid? HonourCertificateId = null);

internal static class CommendationViews
{
    public static RuleResultView ToView(this RuleResult r) => new(r.Code, r.Name, r.LegalBasis, r.Passed, r.Detail);
}

