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
        EnsureAfterDecisions(heldOn, decisions.Select(d => (d.DecisionNumber, d.DecisionDate)));
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

    private static void EnsureAfterDecisions(DateOnly heldOn, IEnumerable<(string Number, DateOnly Date)> decisions)
    {
        var early = decisions.Where(d => d.Date > heldOn).Select(d => d.Number).ToArray();
        if (early.Length > 0)
            throw new BusinessRuleException("honouring_before_decision",
                Localized.Text("The event cannot be held before a decision it honours.", $"Ngày tổ chức lễ tôn vinh không thể trước ngày của quyết định khen thưởng ({string.Join(", ", early)})."),
                new Dictionary<string, string[]> { ["heldOn"] = [Localized.Text("Choose a later date.", "Chọn ngày muộn hơn.")] });
    }

    /// <summary>
    /// Whether the event has been held: from its day on (<paramref name="today"/> in the province) the ceremony has taken
    /// place and its certificates have been handed out.
    /// </summary>
    public bool IsHeld(DateOnly today) => HeldOn <= today;

    /// <summary>
    /// The rule users expect of a ceremony: it is rescheduled, renamed, moved or called off only before its day
    /// (409 <c>honouring_event_held</c> from then on). Once held, its certificates are in the honourees' hands and
    /// verified publicly by their QR codes: the event stays as the record of them, and a wrong certificate is revoked
    /// one by one (<see cref="Revoke"/>).
    /// </summary>
    public void EnsureNotHeld(DateOnly today)
    {
        if (IsHeld(today))
            throw new BusinessRuleException("honouring_event_held",
                Localized.Text("The event has been held: it can no longer be changed or deleted; revoke a wrong certificate instead.",
                    $"Lễ tôn vinh đã diễn ra (ngày {HeldOn:dd/MM/yyyy}): không sửa hoặc xóa được nữa; nếu có sai sót, thu hồi từng giấy chứng nhận."));
    }

    /// <summary>
    /// Renames, reschedules or moves the event before its day (<see cref="EnsureNotHeld"/>); the new date may not precede
    /// a decision it honours (409 <c>honouring_before_decision</c>). Moved to another year, the certificates take that
    /// year in their numbers (<c>001/GCN-TV2026</c>); their verification codes stay.
    /// </summary>
    public void Revise(string name, DateOnly heldOn, string venue, DateOnly today, DateTime nowUtc)
    {
        EnsureNotHeld(today);
        EnsureAfterDecisions(heldOn, Decisions.Select(d => (d.DecisionNumber, d.DecisionDate)));
        Name = name.Trim();
        Venue = venue.Trim();
        if (heldOn.Year != HeldOn.Year)
            foreach (var c in Certificates) c.Number = $"{c.Order:000}/GCN-TV{heldOn.Year}";
        HeldOn = heldOn;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>
    /// Changes the decisions the event honours before its day (<see cref="EnsureNotHeld"/>): a decision left out takes its
    /// certificates with it (they were not handed out yet), a decision added brings one per honouree; the date may not
    /// precede any of them (409 <c>honouring_before_decision</c>). The certificates are then numbered again in the
    /// event's order (by form, decision date and number); kept ones keep their verification codes.
    /// </summary>
    public void ReviseDecisions(IReadOnlyList<HonouredDecisionDetails> wanted, Func<string> newCode, DateOnly today, DateTime nowUtc)
    {
        EnsureNotHeld(today);
        EnsureAfterDecisions(HeldOn, wanted.Select(d => (d.DecisionNumber, d.DecisionDate)));
        var keep = wanted.Select(d => d.ProposalId).ToHashSet();
        Decisions.RemoveAll(d => !keep.Contains(d.ProposalId));
        Certificates.RemoveAll(c => !keep.Contains(c.ProposalId));
        foreach (var d in wanted.Where(d => Decisions.All(x => x.ProposalId != d.ProposalId)))
        {
            Decisions.Add(new HonouredDecision { EventId = Id, ProposalId = d.ProposalId, FormCode = d.FormCode, FormName = d.FormName, DecisionNumber = d.DecisionNumber, DecisionDate = d.DecisionDate });
            foreach (var h in d.Honourees)
                Certificates.Add(new HonourCertificate
                {
                    EventId = Id, UnitId = UnitId, Order = int.MaxValue, VerificationCode = newCode(),
                    ProposalId = d.ProposalId, NomineeId = h.NomineeId, Kind = h.Kind, OfficialId = h.OfficialId, NomineeUnitId = h.NomineeUnitId,
                    HolderName = h.Name, Email = h.Email, FormCode = d.FormCode, FormName = d.FormName, DecisionNumber = d.DecisionNumber, DecisionDate = d.DecisionDate,
                    IssuingUnitName = IssuingUnitName, IssuedAtUtc = nowUtc,
                });
        }
        var order = 0;
        foreach (var d in Decisions.OrderBy(d => d.FormName).ThenBy(d => d.DecisionDate).ThenBy(d => d.DecisionNumber))
            foreach (var c in Certificates.Where(c => c.ProposalId == d.ProposalId).OrderBy(c => c.Order).ToList())
            {
                order++;
                c.Order = order;
                c.Number = $"{order:000}/GCN-TV{HeldOn.Year}";
            }
        UpdatedAtUtc = nowUtc;
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
