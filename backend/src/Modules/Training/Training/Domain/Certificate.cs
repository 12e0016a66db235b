using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

/// <summary>
/// Proof that an official completed a course: a unique number, and an unguessable verification code the QR
/// code points to. The public verification page shows the name, course, partner and date, nothing else, and
/// says so when the certificate was revoked.
/// </summary>
internal sealed partial class Certificate : Entity
{
    private Certificate() { }

    public Guid EnrolmentId { get; private set; }
    public Guid CourseId { get; private set; }
    public string Number { get; private set; } = "";
    public string VerificationCode { get; private set; } = "";
    public string HolderName { get; private set; } = "";
    public string CourseTitle { get; private set; } = "";
    public string PartnerName { get; private set; } = "";
    public DateOnly CompletedOn { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevocationReason { get; private set; }

    public static Certificate Issue(Enrolment enrolment, Course course, string partnerName, string number,
        string verificationCode, DateOnly completedOn, DateTime nowUtc) => new()
    {
        EnrolmentId = enrolment.Id, CourseId = course.Id, Number = number, VerificationCode = verificationCode,
        HolderName = enrolment.OfficialName, CourseTitle = course.Title, PartnerName = partnerName,
        CompletedOn = completedOn, IssuedAtUtc = nowUtc,
    };

    public void Revoke(string reason, DateTime nowUtc)
    {
        if (RevokedAtUtc is not null) throw new BusinessRuleException("certificate_revoked", Localized.Text("The certificate is already revoked.",
            "Giấy chứng nhận đã bị thu hồi."));
        RevokedAtUtc = nowUtc;
        RevocationReason = reason.Trim();
    }
}
