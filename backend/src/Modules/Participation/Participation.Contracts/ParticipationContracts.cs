using Khcn.BuildingBlocks.Contracts;

namespace Khcn.Participation.Contracts;

/// <summary>The minimum remuneration owed for one year of an initiative's application (exact VND).</summary>
public sealed record RemunerationObligationYear(int Year, DateOnly From, DateOnly To, decimal AuthorsTotal, decimal OrganisersMinimum,
    IReadOnlyList<AuthorObligation> Authors);

/// <summary>What one author is owed in a year.</summary>
public sealed record AuthorObligation(string FullName, string? Email, decimal SharePercent, decimal Amount);

/// <summary>
/// Published when a unit recognises an initiative: the remuneration its authors and the organisers of the first
/// application are owed at least, year by year, under the rule set in force on the decision date
/// (<see cref="RuleSetCode"/>, <see cref="LegalBasis"/>). Finance will record it as an obligation of
/// <see cref="UnitId"/>. Amounts are exact VND (never rounded).
/// </summary>
public sealed record InitiativeRecognised(
    Guid EventId, DateTime OccurredAtUtc, Guid InitiativeId, Guid UnitId, string Title, string CertificateNumber, DateOnly DecisionDate,
    decimal YearlyBenefit, string RuleSetCode, string LegalBasis, decimal AuthorRate, decimal OrganiserRate,
    IReadOnlyList<RemunerationObligationYear> Years) : IIntegrationEvent;

/// <summary>One honouree of a commendation decision and the prize owed to them (exact VND; 0 when the form carries none).</summary>
public sealed record AwardedHonouree(string Kind, Guid? OfficialId, Guid? UnitId, string Name, string? Email, decimal Prize);

/// <summary>
/// Published when the unit above approves a commendation proposal: the decision (number, date, issuer), the form and
/// the prize of each honouree under the rule set of the year (<see cref="RuleSetCode"/>, <see cref="PrizeBasis"/>).
/// Finance records the total as an obligation "to be funded" of <see cref="DecidingUnitId"/> (the unit that pays the
/// prize). Amounts are exact VND (never rounded).
/// </summary>
public sealed record CommendationAwarded(
    Guid EventId, DateTime OccurredAtUtc, Guid ProposalId, Guid ProposingUnitId, Guid DecidingUnitId, int Year, string FormCode, string FormName,
    string DecisionNumber, DateOnly DecisionDate, string Issuer, string RuleSetCode, string PrizeBasis, decimal Total,
    IReadOnlyList<AwardedHonouree> Honourees) : IIntegrationEvent;

/// <summary>The amount of a contracted research topic's approved budget that one source (UnionFunds, StateBudget, Sponsor or Other) funds, exact VND.</summary>
public sealed record TopicFundingAmount(string Source, decimal Amount);

/// <summary>
/// Published when the ordering unit contracts a research topic: the approved budget per funding source becomes a
/// funding commitment of <see cref="FundingUnitId"/> (the unit that ordered it) towards the topic carried out by
/// <see cref="ProposingUnitId"/>. Finance records it as an obligation "to be funded". Amounts are exact VND.
/// </summary>
public sealed record TopicFundingCommitted(
    Guid EventId, DateTime OccurredAtUtc, Guid TopicId, Guid FundingUnitId, Guid ProposingUnitId, string Title, string ContractNumber,
    DateOnly ContractDate, DateOnly StartDate, DateOnly EndDate, decimal Total, IReadOnlyList<TopicFundingAmount> Amounts) : IIntegrationEvent;

/// <summary>
/// Published when the ordering unit cancels a research topic it had contracted (a <see cref="TopicFundingCommitted"/>
/// was published for it): <see cref="FundingUnitId"/> is no longer committed to fund it. Finance marks the topic's
/// obligation withdrawn with <see cref="Reason"/> and <see cref="CancelledOn"/> (the Vietnam date): nothing more is to
/// be funded, and money already allocated or paid stays on record. Not published for a topic cancelled before its contract.
/// </summary>
public sealed record TopicFundingWithdrawn(
    Guid EventId, DateTime OccurredAtUtc, Guid TopicId, Guid FundingUnitId, string Reason, DateOnly CancelledOn) : IIntegrationEvent;

/// <summary>
/// The Participation to-dos of an officer of <paramref name="UnitId"/> (the caller has authorised the unit), each only
/// when the caller holds the permission it needs over the unit: the current year's movements the unit takes part in
/// and has not registered for, the commendation proposals of the units directly below awaiting the unit's decision,
/// and the initiatives of the unit's subtree awaiting recognition.
/// </summary>
public sealed record GetParticipationTodos(Guid UnitId) : Mediator.IQuery<IReadOnlyList<TodoItem>>;
