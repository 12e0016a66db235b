using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>Where a proposal for a commendation stands.</summary>
public enum ProposalStatus { Draft, Submitted, Approved, Refused }

/// <summary>
/// Where a proposal stands before the deciding unit's emulation council: the latest council that took it, whether it
/// is closed, the outcome and the tally (agreeing members out of all seated, and the agreements its form needed).
/// </summary>
internal sealed record CouncilVerdict(Guid CouncilId, string CouncilName, CouncilStatus Status, CouncilItemOutcome Outcome, int Members, int Votes, int Agree,
    int Needed, string? DecisionNumber, DateOnly? DecisionDate)
{
    public bool Passed => Status == CouncilStatus.Closed && Outcome == CouncilItemOutcome.Recognised;
}

internal sealed record NomineeDetails(NomineeKind Kind, Guid? OfficialId, Guid? NomineeUnitId, string Name, string? Email, Guid? InitiativeId, string? InitiativeTitle);

/// <summary>
/// A proposal for a commendation (đề nghị khen thưởng): a unit proposes individuals (officials of its subtree) or
/// collectives (units of its subtree) for one form of the catalogue and year, with the achievements and linked records.
/// Submitting runs the form's eligibility rules (the rule set of the year) and is refused while any fails, unless the
/// proposer asks the unit above for an exception with a reason; the unit above decides: approves with the decision
/// number, date and issuer (the prize of each nominee is fixed then) — overriding the failed rules with a reason of its
/// own, recorded and audited — or refuses with a reason. Owned by the proposing unit (the scope filter: 404 outside); its version is its ETag.
/// </summary>
internal sealed class CommendationProposal : Entity, IUnitOwned
{
    private CommendationProposal() { }

    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public string FormCode { get; private set; } = "";
    public string Achievements { get; private set; } = "";
    public ProposalStatus Status { get; private set; }
    public Guid? ProposedByUserId { get; private set; }
    public string? ProposedByEmail { get; private set; }
    public string ProposedBy { get; private set; } = "";
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? RuleSetCode { get; private set; }
    /// <summary>The unit that decided (the proposing unit's parent); decision numbers are unique within it and the decision's year.</summary>
    public Guid? DecidingUnitId { get; private set; }
    public string? DecisionNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? Issuer { get; private set; }
    public string? RefusalReason { get; private set; }
    /// <summary>Why the proposer asks the unit above to decide although some rules failed (null: every rule passed).</summary>
    public string? ExceptionRequest { get; private set; }
    /// <summary>The decider's reason for approving although some rules failed, and who gave it (#13: "unless the decider overrides it with a reason, audited").</summary>
    public string? OverrideReason { get; private set; }
    public string? OverriddenBy { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public decimal PrizeTotal { get; private set; }
    public List<CommendationNominee> Nominees { get; private set; } = [];

    public static CommendationProposal Draft(Guid unitId, int year, string formCode, string achievements, IReadOnlyList<NomineeDetails> nominees, Actor by, string? email)
    {
        var p = new CommendationProposal
        {
            UnitId = unitId, Year = year, FormCode = formCode, Achievements = achievements.Trim(), Status = ProposalStatus.Draft,
            ProposedByUserId = by.UserId, ProposedByEmail = email?.Trim().ToLowerInvariant(), ProposedBy = by.Name,
        };
        p.Nominees.AddRange(nominees.Select((n, i) => new CommendationNominee(p.Id, i + 1, n)));
        return p;
    }

    private void Ensure(ProposalStatus expected)
    {
        if (Status != expected)
            throw new BusinessRuleException("proposal_state", Localized.Text($"The proposal is {Status}.", $"Đề nghị đang ở trạng thái \"{StatusName(Status)}\": không thực hiện được bước này."));
    }

    /// <summary>
    /// Submits with the results of the eligibility rules per nominee; while any fails, 409 <c>commendation_ineligible</c>
    /// naming every failed rule (nothing is saved) — unless an exception is asked with a reason, which goes up with the
    /// proposal for the decider to weigh.
    /// </summary>
    public void Submit(string ruleSetCode, IReadOnlyDictionary<Guid, IReadOnlyList<RuleResult>> checks, string? exceptionRequest, DateTime nowUtc)
    {
        Ensure(ProposalStatus.Draft);
        var failed = Nominees.SelectMany(n => checks[n.Id].Where(c => !c.Passed).Select(c => (n.Name, c))).ToList();
        ExceptionRequest = failed.Count > 0 && !string.IsNullOrWhiteSpace(exceptionRequest) ? exceptionRequest.Trim() : null;
        if (failed.Count > 0 && ExceptionRequest is null)
            throw new BusinessRuleException("commendation_ineligible",
                Localized.Text("Some nominees do not meet the form's rules.", "Có người được đề nghị chưa đạt tiêu chuẩn của hình thức khen thưởng."),
                failed.GroupBy(f => f.c.Code).ToDictionary(g => g.Key, g => g.Select(f => $"{f.Name}: {f.c.Name} — {f.c.Detail} ({f.c.LegalBasis})").ToArray()));
        foreach (var n in Nominees) n.RecordChecks(checks[n.Id]);
        RuleSetCode = ruleSetCode;
        Status = ProposalStatus.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>Whether any rule recorded on submission failed (the proposal went up with an exception request).</summary>
    public bool HasFailedChecks => Nominees.Any(n => n.Checks.Any(c => !c.Passed));

    /// <summary>
    /// Approves with the decision; each nominee's prize is fixed from the rule set and the base salary on the decision
    /// date. When a rule failed on submission the decider must override it with a reason (409 <c>override_reason_required</c>).
    /// </summary>
    public void Approve(Guid decidingUnitId, string decisionNumber, DateOnly decisionDate, string issuer, string? overrideReason, CouncilVerdict? verdict, VoteShare share,
        Func<CommendationNominee, decimal> prize, Actor by, DateTime nowUtc)
    {
        Ensure(ProposalStatus.Submitted);
        EnsureCouncilPassed(verdict, share);
        if (HasFailedChecks && string.IsNullOrWhiteSpace(overrideReason))
            throw new BusinessRuleException("override_reason_required",
                Localized.Text("Some nominees did not meet the form's rules: approving needs the decider's reason for the exception.",
                    "Có đối tượng chưa đạt tiêu chuẩn của hình thức khen thưởng: muốn quyết định khen thưởng, người quyết định phải ghi rõ lý do xét ngoại lệ."),
                new Dictionary<string, string[]> { ["overrideReason"] = [Localized.Text("State the reason for the exception.", "Nhập lý do xét ngoại lệ.")] });
        if (HasFailedChecks)
        {
            OverrideReason = overrideReason!.Trim();
            OverriddenBy = by.Name;
        }
        if (decisionDate.Year < Year)
            throw new BusinessRuleException("decision_before_year", Localized.Text("The decision cannot predate the year it commends.", $"Ngày quyết định không thể trước năm {Year} được khen."),
                new Dictionary<string, string[]> { ["decisionDate"] = [Localized.Text("Choose a later date.", "Chọn ngày muộn hơn.")] });
        DecidingUnitId = decidingUnitId;
        DecisionNumber = decisionNumber.Trim();
        DecisionDate = decisionDate;
        Issuer = issuer.Trim();
        foreach (var n in Nominees) n.Prize = prize(n);
        PrizeTotal = Nominees.Sum(n => n.Prize ?? 0m);
        Status = ProposalStatus.Approved;
        DecidedBy = by.Name;
        DecidedAtUtc = nowUtc;
    }

    /// <summary>
    /// The decision follows the vote of the deciding unit's emulation council (Hội đồng Thi đua – Khen thưởng, Law
    /// 06/2022/QH15 art. 90; issue #13): 409 <c>council_vote_required</c> until a council has closed on the proposal, 409
    /// <c>council_vote_failed</c> when its members did not reach the form's share (<paramref name="share"/>). A failed
    /// eligibility rule is overridden with a reason; a failed vote is not — the decider refuses, or a new council votes.
    /// </summary>
    public static void EnsureCouncilPassed(CouncilVerdict? verdict, VoteShare share)
    {
        if (verdict is null || verdict.Status != CouncilStatus.Closed)
            throw new BusinessRuleException("council_vote_required",
                Localized.Text($"The emulation council has not voted on this proposal yet: the decision needs its vote ({share.Name}; {share.Basis}).",
                    $"Đề nghị chưa được Hội đồng Thi đua – Khen thưởng biểu quyết{(verdict is null ? "" : $" (Hội đồng \"{verdict.CouncilName}\" chưa kết thúc phiên họp)")}: "
                    + $"chỉ quyết định khen thưởng khi Hội đồng đã biểu quyết đạt {share.Name} ({share.Basis})."));
        if (!verdict.Passed)
            throw new BusinessRuleException("council_vote_failed",
                Localized.Text($"The emulation council did not pass the proposal: {verdict.Agree} of {verdict.Members} members agreed, {verdict.Needed} needed ({share.Name}; {share.Basis}).",
                    $"Hội đồng Thi đua – Khen thưởng \"{verdict.CouncilName}\" biểu quyết không đạt: {verdict.Agree}/{verdict.Members} thành viên đồng ý, "
                    + $"cần ít nhất {verdict.Needed} ({share.Name}; {share.Basis}). Không thể quyết định khen thưởng."));
    }

    public void Refuse(Guid decidingUnitId, string reason, Actor by, DateTime nowUtc)
    {
        Ensure(ProposalStatus.Submitted);
        DecidingUnitId = decidingUnitId;
        RefusalReason = reason.Trim();
        Status = ProposalStatus.Refused;
        DecidedBy = by.Name;
        DecidedAtUtc = nowUtc;
    }

    public static string StatusName(ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "Nháp",
        ProposalStatus.Submitted => "Đã trình",
        ProposalStatus.Approved => "Đã quyết định khen thưởng",
        _ => "Không khen thưởng",
    };
}

/// <summary>One person or collective proposed, with the record linked as evidence and — once submitted — the rules' results.</summary>
internal sealed class CommendationNominee
{
    private CommendationNominee() { }

    public CommendationNominee(Guid proposalId, int order, NomineeDetails d)
    {
        ProposalId = proposalId;
        Order = order;
        Kind = d.Kind;
        OfficialId = d.OfficialId;
        NomineeUnitId = d.NomineeUnitId;
        Name = d.Name;
        Email = d.Email?.Trim().ToLowerInvariant();
        InitiativeId = d.InitiativeId;
        InitiativeTitle = d.InitiativeTitle;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid ProposalId { get; private set; }
    public int Order { get; private set; }
    public NomineeKind Kind { get; private set; }
    public Guid? OfficialId { get; private set; }
    public Guid? NomineeUnitId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Email { get; private set; }
    public Guid? InitiativeId { get; private set; }
    public string? InitiativeTitle { get; private set; }
    public decimal? Prize { get; set; }
    public List<NomineeCheck> Checks { get; private set; } = [];

    public void RecordChecks(IReadOnlyList<RuleResult> results)
    {
        Checks.Clear();
        Checks.AddRange(results.Select((r, i) => new NomineeCheck { NomineeId = Id, Order = i + 1, Code = r.Code, Name = r.Name, LegalBasis = r.LegalBasis, Passed = r.Passed, Detail = r.Detail }));
    }
}

/// <summary>A rule's result as recorded on submission.</summary>
internal sealed class NomineeCheck
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid NomineeId { get; set; }
    public int Order { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string LegalBasis { get; set; } = "";
    public bool Passed { get; set; }
    public string Detail { get; set; } = "";
}
