using Khcn.BuildingBlocks.Documents;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Certificates;

/// <summary>A certificate as its course's coordinator, partner staff and holder see it; VerifyUrl is the public verification page its QR code points to.</summary>
public sealed record CertificateView(
    Guid Id, Guid EnrolmentId, Guid CourseId, string Number, string HolderName, string CourseTitle, string PartnerName,
    DateOnly CompletedOn, DateTime IssuedAt, DateTime? RevokedAt, string? RevocationReason, string VerifyUrl);

/// <summary>
/// What issuing did: how many certificates are new, the course's certificates now, and the enrolled participants who
/// did not qualify (no certificate), each with why (#16: an irreversible step says what happened).
/// </summary>
public sealed record IssueCertificatesResult(int Issued, IReadOnlyList<CertificateView> Certificates, IReadOnlyList<NotQualifiedParticipant> NotQualified);

/// <summary>
/// An enrolled participant who gets no certificate: their attendance over the course's scheduled sessions and the
/// reasons under the course's completion rule — codes <c>attendance_below_minimum</c>, <c>assessment_failed</c>,
/// <c>not_assessed</c>, or <c>result_not_completed</c> (the result recorded at completion, when the rule alone
/// would pass) — each with its message in the caller's language.
/// </summary>
public sealed record NotQualifiedParticipant(Guid EnrolmentId, string Name, int AttendancePercent, IReadOnlyList<NotQualifiedReason> Reasons);

public sealed record NotQualifiedReason(string Code, string Message);

public enum CertificateStatus { Valid, Revoked }

/// <summary>All the public verification page tells: no e-mail, unit or any other personal detail.</summary>
public sealed record CertificateVerification(
    string Number, string HolderName, string CourseTitle, string PartnerName, DateOnly CompletedOn,
    CertificateStatus Status, DateOnly? RevokedOn);

/// <summary>The view of a certificate.</summary>
internal static class CertificateReads
{
    public static List<CertificateView> Views(IEnumerable<Certificate> certificates, PublicLinks links) =>
        certificates.Select(c => View(c, links)).ToList();

    public static CertificateView View(Certificate c, PublicLinks links) =>
        new(c.Id, c.EnrolmentId, c.CourseId, c.Number, c.HolderName, c.CourseTitle, c.PartnerName, c.CompletedOn, c.IssuedAtUtc,
            c.RevokedAtUtc, c.RevocationReason, links.VerifyUrl(c.VerificationCode));
}
