using Khcn.BuildingBlocks.Documents;
using Khcn.Training.Domain;

namespace Khcn.Training.Features.Certificates;

/// <summary>A certificate as its course's coordinator, partner staff and holder see it; VerifyUrl is the public verification page its QR code points to.</summary>
public sealed record CertificateView(
    Guid Id, Guid EnrolmentId, Guid CourseId, string Number, string HolderName, string CourseTitle, string PartnerName,
    DateOnly CompletedOn, DateTime IssuedAt, DateTime? RevokedAt, string? RevocationReason, string VerifyUrl);

/// <summary>What issuing did: how many certificates are new, and the course's certificates now.</summary>
public sealed record IssueCertificatesResult(int Issued, IReadOnlyList<CertificateView> Certificates);

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
