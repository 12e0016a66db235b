using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>A commendation decision as an honouring event honours it (copied when the event is held: the decision no longer changes once approved).</summary>
internal sealed record HonouredDecisionDetails(Guid ProposalId, string FormCode, string FormName, string DecisionNumber, DateOnly DecisionDate, IReadOnlyList<HonoureeDetails> Honourees);

internal sealed record HonoureeDetails(Guid NomineeId, NomineeKind Kind, Guid? OfficialId, Guid? NomineeUnitId, string Name, string? Email);

/// <summary>
/// An honouring event (lễ tôn vinh, e.g. the yearly "Lao động sáng tạo" honouring) held by a unit that decides
/// commendations: its name, date and venue, the decisions it honours — approved by that unit, each honoured at one event
/// only (a unique index) — and one certificate per honouree of those decisions, numbered within the event and verifiable
/// publicly by its code. Owned by the holding unit (the scope filter: 404 outside); its version is its ETag.
/// </summary>
internal sealed class HonouringEvent : Entity, IUnitOwned
{
    private HonouringEvent() { }

    public Guid UnitId { get; private set; }
    public string Name { get; private set; } = "";
    public DateOnly HeldOn { get; private set; }
    public string Venue { get; private set; } = "";
    public string IssuingUnitName { get; private set; } = "";
    public string CreatedBy { get; private set; } = "";
    public List<HonouredDecision> Decisions { get; private set; } = [];
    public List<HonourCertificate> Certificates { get; private set; } = [];

    /// <summary>
    /// Holds the event with its decisions and a certificate per honouree. 409 <c>honouring_before_decision</c> when the
    /// date precedes a decision it honours (one honours what has been decided).
    /// </summary>
    public static HonouringEvent Hold(Guid unitId, string issuingUnitName, string name, DateOnly heldOn, string venue, IReadOnlyList<HonouredDecisionDetails> decisions,
        Func<string> newCode, Actor by, DateTime nowUtc)
    {
        var early = decisions.Where(d => d.DecisionDate > heldOn).Select(d => d.DecisionNumber).ToArray();
        if (early.Length > 0)
            throw new BusinessRuleException("honouring_before_decision",
                Localized.Text("The event cannot be held before a decision it honours.", $"Ngày tổ chức lễ tôn vinh không thể trước ngày của quyết định khen thưởng ({string.Join(", ", early)})."),
                new Dictionary<string, string[]> { ["heldOn"] = [Localized.Text("Choose a later date.", "Chọn ngày muộn hơn.")] });
        var e = new HonouringEvent { UnitId = unitId, IssuingUnitName = issuingUnitName, Name = name.Trim(), HeldOn = heldOn, Venue = venue.Trim(), CreatedBy = by.Name };
        var order = 0;
        foreach (var d in decisions.OrderBy(d => d.FormName).ThenBy(d => d.DecisionDate).ThenBy(d => d.DecisionNumber))
        {
            e.Decisions.Add(new HonouredDecision { EventId = e.Id, ProposalId = d.ProposalId, FormCode = d.FormCode, FormName = d.FormName, DecisionNumber = d.DecisionNumber, DecisionDate = d.DecisionDate });
            foreach (var h in d.Honourees)
            {
                order++;
                e.Certificates.Add(new HonourCertificate
                {
                    EventId = e.Id, UnitId = unitId, Order = order, Number = $"{order:000}/GCN-TV{heldOn.Year}", VerificationCode = newCode(),
                    ProposalId = d.ProposalId, NomineeId = h.NomineeId, Kind = h.Kind, OfficialId = h.OfficialId, NomineeUnitId = h.NomineeUnitId,
                    HolderName = h.Name, Email = h.Email, FormCode = d.FormCode, FormName = d.FormName, DecisionNumber = d.DecisionNumber, DecisionDate = d.DecisionDate,
                    IssuingUnitName = issuingUnitName, IssuedAtUtc = nowUtc,
                });
            }
        }
        return e;
    }

    /// <summary>Revokes one certificate with a reason (409 <c>certificate_revoked</c> when it already is); it then verifies as revoked.</summary>
    public HonourCertificate Revoke(Guid certificateId, string reason, Actor by, DateTime nowUtc)
    {
        var c = Certificates.FirstOrDefault(x => x.Id == certificateId)
                ?? throw new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), certificateId);
        if (c.RevokedAtUtc is not null)
            throw new BusinessRuleException("certificate_revoked", Localized.Text("The certificate is already revoked.", "Giấy chứng nhận này đã bị thu hồi."));
        c.RevokedAtUtc = nowUtc;
        c.RevocationReason = reason.Trim();
        c.RevokedBy = by.Name;
        UpdatedAtUtc = nowUtc;
        return c;
    }
}

/// <summary>A decision honoured at an event; a decision is honoured at one event only.</summary>
internal sealed class HonouredDecision
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid ProposalId { get; set; }
    public string FormCode { get; set; } = "";
    public string FormName { get; set; } = "";
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
}

/// <summary>
/// The certificate of one honouree at an event: what it prints (name, form, decision, issuing unit) and the code of its
/// QR verification link. The public check shows only these (Decree 13/2023/NĐ-CP art. 3(4): no more personal data than
/// the purpose needs) — never the e-mail, which only lets the honouree download their own.
/// </summary>
internal sealed class HonourCertificate
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    /// <summary>The holding unit (the audit trail files the certificate under it).</summary>
    public Guid UnitId { get; set; }
    public int Order { get; set; }
    public string Number { get; set; } = "";
    public string VerificationCode { get; set; } = "";
    public Guid ProposalId { get; set; }
    public Guid NomineeId { get; set; }
    public NomineeKind Kind { get; set; }
    public Guid? OfficialId { get; set; }
    public Guid? NomineeUnitId { get; set; }
    public string HolderName { get; set; } = "";
    public string? Email { get; set; }
    public string FormCode { get; set; } = "";
    public string FormName { get; set; } = "";
    public string DecisionNumber { get; set; } = "";
    public DateOnly DecisionDate { get; set; }
    public string IssuingUnitName { get; set; } = "";
    public DateTime IssuedAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public string? RevocationReason { get; set; }
    public string? RevokedBy { get; set; }
}
