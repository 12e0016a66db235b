using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Training.Domain;

public enum PartnerKind { University, ScienceDepartment, TrainingCentre, ResearchInstitute, Other }

/// <summary>
/// An agency the federation trains with (a university, the Department of Science and Technology, a training
/// centre), under a cooperation agreement. Its staff (<see cref="PartnerMember"/>) see only its own courses.
/// </summary>
internal sealed partial class PartnerAgency : Entity
{
    private PartnerAgency() { }

    public string Name { get; private set; } = "";
    public PartnerKind Kind { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactEmail { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? AgreementNumber { get; private set; }
    public DateOnly? AgreementSignedOn { get; private set; }
    public DateOnly? AgreementValidUntil { get; private set; }
    [NotAudited] public string SearchText { get; private set; } = "";
    public List<PartnerMember> Members { get; private set; } = [];

    public static PartnerAgency Create(PartnerDetails details)
    {
        var partner = new PartnerAgency();
        partner.Update(details);
        return partner;
    }

    public void Update(PartnerDetails d)
    {
        if (d.AgreementSignedOn is { } signed && d.AgreementValidUntil is { } until && until < signed)
            throw new BusinessRuleException("agreement_dates", Localized.Text("The agreement cannot end before it is signed.",
                "Thỏa thuận không thể hết hạn trước ngày ký."));
        Name = d.Name.Trim();
        Kind = d.Kind;
        ContactName = Clean(d.ContactName);
        ContactEmail = Clean(d.ContactEmail);
        ContactPhone = Clean(d.ContactPhone);
        AgreementNumber = Clean(d.AgreementNumber);
        AgreementSignedOn = d.AgreementSignedOn;
        AgreementValidUntil = d.AgreementValidUntil;
        SearchText = VietnameseText.FoldAll(Name, ContactName, AgreementNumber);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

internal sealed record PartnerDetails(
    string Name, PartnerKind Kind, string? ContactName, string? ContactEmail, string? ContactPhone,
    string? AgreementNumber, DateOnly? AgreementSignedOn, DateOnly? AgreementValidUntil);

/// <summary>A user (role <c>partner</c>) working for a partner agency: what makes the agency "theirs".</summary>
internal sealed class PartnerMember
{
    public Guid PartnerId { get; set; }
    public Guid UserId { get; set; }
    public string FullName { get; set; } = "";
    public string Email { get; set; } = "";
    public DateTime AddedAtUtc { get; set; }
}

/// <summary>A person teaching for a partner agency; sessions refer to one, and one cannot teach two sessions at once.</summary>
internal sealed class Instructor : Entity
{
    private Instructor() { }

    public Guid PartnerId { get; private set; }
    public string FullName { get; private set; } = "";
    public string? Email { get; private set; }
    public string? Expertise { get; private set; }

    public static Instructor Create(Guid partnerId, string fullName, string? email, string? expertise) =>
        new() { PartnerId = partnerId, FullName = fullName.Trim(), Email = email?.Trim(), Expertise = expertise?.Trim() };

    public void Update(string fullName, string? email, string? expertise)
    {
        FullName = fullName.Trim();
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        Expertise = string.IsNullOrWhiteSpace(expertise) ? null : expertise.Trim();
    }
}
