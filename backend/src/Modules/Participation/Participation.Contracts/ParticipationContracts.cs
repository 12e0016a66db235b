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
