using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Domain;

namespace Khcn.Participation.Features.Honouring;

/// <summary>A decided commendation decision the unit may honour (the picker of the event form).</summary>
public sealed record HonourableDecision(Guid ProposalId, string DecisionNumber, DateOnly DecisionDate, int Year, string FormCode, string FormName,
    Guid ProposingUnitId, string ProposingUnitName, int Honourees, string Names);

/// <summary>A decision the event honours, labelled like a <see cref="HonourableDecision"/> (its year and the first honourees' names).</summary>
public sealed record HonouredDecisionView(Guid ProposalId, string FormCode, string FormName, string DecisionNumber, DateOnly DecisionDate, int Honourees,
    int Year, string Names);

/// <summary>An honouree of the event with their certificate (revoked or valid).</summary>
public sealed record HonoureeView(Guid CertificateId, int Order, NomineeKind Kind, string Name, string FormCode, string FormName, string DecisionNumber,
    DateOnly DecisionDate, string CertificateNumber, string VerifyUrl, bool Revoked, DateTime? RevokedAt, string? RevocationReason);

/// <summary>An honouring event; <c>held</c> from its day on, when it can no longer be changed or deleted (<c>honouring_event_held</c>).</summary>
public sealed record HonouringEventDetail(Guid Id, Guid UnitId, string UnitName, string Name, DateOnly HeldOn, string Venue, string CreatedBy,
    IReadOnlyList<HonouredDecisionView> Decisions, IReadOnlyList<HonoureeView> Honourees, bool CanManage, bool Held, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record HonouringEventListItem(Guid Id, Guid UnitId, string UnitName, string Name, DateOnly HeldOn, string Venue, int Decisions, int Honourees);

/// <summary>Whether a commendation certificate is valid, as the public check answers it.</summary>
public enum HonourCertificateStatus { Valid, Revoked }

/// <summary>
/// What the public check of a commendation certificate shows: exactly what the certificate prints — the honouree, the
/// form, the decision's number and date, the issuing unit, the event — and whether it is valid (Decree 13/2023/NĐ-CP
/// art. 3(4): no more personal data than the purpose needs; no e-mail, no unit of work, no prize).
/// </summary>
public sealed record HonourCertificateVerification(string Number, string HolderName, string FormName, string DecisionNumber, DateOnly DecisionDate,
    string IssuingUnitName, string EventName, DateOnly HeldOn, HonourCertificateStatus Status, DateOnly? RevokedOn);
