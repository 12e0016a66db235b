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
