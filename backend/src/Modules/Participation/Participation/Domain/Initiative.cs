using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>The kinds of solution an initiative may be (Decree 13/2012/NĐ-CP art. 2(1)).</summary>
public enum InitiativeKind { Technical, Management, WorkMethod, TechnicalProgressApplication }

/// <summary>Where an application for recognition stands.</summary>
public enum InitiativeStatus { Draft, Submitted, UnderReview, Recognised, NotRecognised, Withdrawn }

/// <summary>
/// The conditions of recognition, Decree 13/2012/NĐ-CP (Charter on Initiatives) art. 3(1): new within the recognising
/// unit (point a), applied or trial-applied there (point b) and able to bring a real benefit (point b), and not among the
/// subject matter excluded by art. 3(2) (point c: contrary to public order or social morality, or protected as
/// intellectual property at the time of recognition).
/// </summary>
public enum RecognitionCondition { NewWithinUnit, AppliedInUnit, BringsBenefit, NotExcluded }

internal sealed record Actor(Guid? UserId, string Name);

/// <summary>The editable content of an application for recognition (đơn yêu cầu công nhận sáng kiến).</summary>
internal sealed record InitiativeDetails(
    string Title, string Field, InitiativeKind Kind, string Problem, string CurrentState, string Solution,
    string AppliedAt, DateOnly AppliedSince, bool TrialApplication, decimal YearlyBenefit, string? SocialBenefit,
    string? FirstApplicationParticipants, bool NoveltyDeclared, IReadOnlyList<AuthorShare> Authors);

internal sealed record AuthorShare(string FullName, string? Email, string? Position, decimal SharePercent);

/// <summary>
/// A workers' initiative or technical improvement filed for recognition by the union unit where it was made and
/// applied. Owned by that unit (the scope filter); the person who filed it and its authors also read it.
/// Lifecycle: draft → submitted → (under council review →) recognised (certificate number, decision date) or not
/// recognised (reasons); a draft or a submitted application may be withdrawn. Once before a council, only the council's
/// closing decides it. Every other move answers 409 <c>initiative_state</c>.
/// </summary>
internal sealed partial class Initiative : Entity, IUnitOwned
{
    private Initiative() { }

    /// <summary>The unit where it was made and applied, which recognises it.</summary>
    public Guid UnitId { get; private set; }
    public string Title { get; private set; } = "";
    public string Field { get; private set; } = "";
    public InitiativeKind Kind { get; private set; }
    public string Problem { get; private set; } = "";
    public string CurrentState { get; private set; } = "";
    public string Solution { get; private set; } = "";
    public string AppliedAt { get; private set; } = "";
    public DateOnly AppliedSince { get; private set; }
    /// <summary>True while it is only trial-applied (áp dụng thử).</summary>
    public bool TrialApplication { get; private set; }
    /// <summary>Benefit in VND per year (exact).</summary>
    public decimal YearlyBenefit { get; private set; }
    public string? SocialBenefit { get; private set; }
    /// <summary>Who took part in organising the first application (they share the organisers' remuneration).</summary>
    public string? FirstApplicationParticipants { get; private set; }
    /// <summary>The authors declare that the solution is theirs and new within the unit as far as they know.</summary>
    public bool NoveltyDeclared { get; private set; }

    public InitiativeStatus Status { get; private set; }
    public Guid? FiledByUserId { get; private set; }
    public string? FiledByEmail { get; private set; }
    public string FiledByName { get; private set; } = "";
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? DecisionDate { get; private set; }
    public string? RefusalReasons { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? WithdrawalReason { get; private set; }

    // The remuneration rule set in force on the decision date, copied with the recognition (later versions never rewrite it).
    public string? RuleSetCode { get; private set; }
    public DateOnly? RuleSetEffectiveFrom { get; private set; }
    public decimal? RuleAuthorRate { get; private set; }
    public decimal? RuleOrganiserRate { get; private set; }
    public int? RuleYears { get; private set; }
    public string? RuleLegalBasis { get; private set; }

    [NotAudited] public string SearchText { get; private set; } = "";
    public List<InitiativeAuthor> Authors { get; private set; } = [];
    public List<ConditionCheck> Conditions { get; private set; } = [];
    /// <summary>The evidence filed with the application (drawings, photos, documents showing the result of the application).</summary>
    public List<InitiativeAttachment> Attachments { get; private set; } = [];

    public static Initiative Draft(Guid unitId, InitiativeDetails details, Actor filedBy, string? filedByEmail)
    {
        var initiative = new Initiative
        {
            UnitId = unitId, Status = InitiativeStatus.Draft, FiledByUserId = filedBy.UserId, FiledByName = filedBy.Name, FiledByEmail = filedByEmail,
        };
        initiative.Apply(details);
        return initiative;
    }

    public RemunerationRuleSet? RecordedRules => RuleSetCode is null ? null
        : new RemunerationRuleSet(RuleSetCode, RuleSetEffectiveFrom!.Value, RuleAuthorRate!.Value, RuleOrganiserRate!.Value, RuleYears!.Value, RuleLegalBasis ?? "");

    /// <summary>The remuneration table: under the recorded rules once recognised, else under the rules in force today (a preview).</summary>
    public Remuneration RemunerationAsOf(DateOnly today) => RemunerationCalculator.Calculate(
        RecordedRules ?? RemunerationRules.InForceOn(today), YearlyBenefit, AppliedSince,
        Authors.OrderBy(a => a.Order).Select(a => (a.FullName, a.SharePercent)).ToList());

    /// <summary>Changes the content; only a draft is editable.</summary>
    public void Revise(InitiativeDetails details)
    {
        if (Status != InitiativeStatus.Draft)
            throw new BusinessRuleException("initiative_locked", Localized.Text("Only a draft application can be changed.",
                "Chỉ sửa được đơn yêu cầu công nhận khi đơn còn là bản nháp."));
        Apply(details);
    }

    public void Submit(DateTime nowUtc)
    {
        Guard(InitiativeStatus.Submitted);
        if (!NoveltyDeclared)
            throw new BusinessRuleException("novelty_not_declared", Localized.Text("The authors must declare the initiative new before it is submitted.",
                "Tác giả phải cam đoan về tính mới của sáng kiến trước khi nộp đơn."),
                new Dictionary<string, string[]> { ["noveltyDeclared"] = [Localized.Text("Tick the declaration of novelty.", "Đánh dấu lời cam đoan về tính mới.")] });
        Status = InitiativeStatus.Submitted;
        SubmittedAtUtc = nowUtc;
    }

    /// <summary>Put before an evaluation council: from now on only the council's closing decides it.</summary>
    public void SendToCouncil()
    {
        Guard(InitiativeStatus.UnderReview);
        Status = InitiativeStatus.UnderReview;
    }

    public void Withdraw(string? reason)
    {
        Guard(InitiativeStatus.Withdrawn);
        Status = InitiativeStatus.Withdrawn;
        WithdrawalReason = Clean(reason);
    }

    /// <summary>The recognising officer's check of each condition (met / not met, with a note); only while submitted.</summary>
    public void RecordConditions(IReadOnlyList<(RecognitionCondition Condition, bool Met, string? Note)> checks, Actor actor, DateTime nowUtc)
    {
        if (Status != InitiativeStatus.Submitted)
            throw StateError(Localized.Text("The conditions are checked while the application is submitted.", "Chỉ xét điều kiện khi đơn đã được nộp và chưa có quyết định."));
        foreach (var (condition, met, note) in checks)
        {
            var check = Conditions.FirstOrDefault(c => c.Condition == condition);
            if (check is null) Conditions.Add(check = new ConditionCheck(Id, condition));
            check.Record(met, Clean(note), actor.Name, nowUtc);
        }
    }

    /// <summary>The council's findings on each condition, recorded when it closes (only while under its review).</summary>
    public void RecordCouncilFindings(IReadOnlyList<(RecognitionCondition Condition, bool Met, string? Note)> checks, Actor council, DateTime nowUtc)
    {
        if (Status != InitiativeStatus.UnderReview)
            throw StateError(Localized.Text("Only an initiative under council review takes the council's findings.", "Chỉ ghi nhận kết quả của Hội đồng khi sáng kiến đang được Hội đồng xét."));
        foreach (var (condition, met, note) in checks)
        {
            var check = Conditions.FirstOrDefault(c => c.Condition == condition);
            if (check is null) Conditions.Add(check = new ConditionCheck(Id, condition));
            check.Record(met, Clean(note), council.Name, nowUtc);
        }
    }

    /// <summary>The conditions not (yet) recorded as met.</summary>
    public IReadOnlyList<RecognitionCondition> UnmetConditions =>
        Enum.GetValues<RecognitionCondition>().Where(c => Conditions.FirstOrDefault(x => x.Condition == c) is not { Met: true }).ToList();

    /// <summary>
    /// Recognises the initiative: every condition of art. 3 must be recorded as met (else 409
    /// <c>recognition_conditions_unmet</c>), and the remuneration rule set in force on the decision date is recorded.
    /// </summary>
    public RemunerationRuleSet Recognise(string certificateNumber, DateOnly decisionDate, Actor actor, DateTime nowUtc, bool byCouncil = false)
    {
        EnsureNotBeforeCouncil(byCouncil);
        Guard(InitiativeStatus.Recognised);
        var unmet = UnmetConditions;
        if (unmet.Count > 0)
            throw new BusinessRuleException("recognition_conditions_unmet",
                Localized.Text("An initiative is recognised only when every condition of Decree 13/2012/NĐ-CP art. 3 is met.",
                    "Sáng kiến chỉ được công nhận khi đáp ứng đủ các điều kiện tại Điều 3 Nghị định 13/2012/NĐ-CP."),
                new Dictionary<string, string[]> { ["conditions"] = [.. unmet.Select(c => c.ToString())] });
        if (DateOnly.FromDateTime(SubmittedAtUtc ?? nowUtc) > decisionDate.AddDays(1))
            throw new BusinessRuleException("decision_before_submission", Localized.Text("The decision cannot predate the application.",
                "Ngày quyết định không thể trước ngày nộp đơn."),
                new Dictionary<string, string[]> { ["decisionDate"] = [Localized.Text("Choose a date on or after the submission.", "Chọn ngày từ ngày nộp đơn trở đi.")] });
        var rules = RemunerationRules.InForceOn(decisionDate);
        Status = InitiativeStatus.Recognised;
        CertificateNumber = certificateNumber.Trim();
        DecisionDate = decisionDate;
        Decided(actor, nowUtc);
        RuleSetCode = rules.Code;
        RuleSetEffectiveFrom = rules.EffectiveFrom;
        RuleAuthorRate = rules.AuthorRate;
        RuleOrganiserRate = rules.OrganiserRate;
        RuleYears = rules.Years;
        RuleLegalBasis = rules.LegalBasis;
        return rules;
    }

    public void Refuse(string reasons, DateOnly decisionDate, Actor actor, DateTime nowUtc, bool byCouncil = false)
    {
        EnsureNotBeforeCouncil(byCouncil);
        Guard(InitiativeStatus.NotRecognised);
        Status = InitiativeStatus.NotRecognised;
        RefusalReasons = reasons.Trim();
        DecisionDate = decisionDate;
        Decided(actor, nowUtc);
    }

    private void EnsureNotBeforeCouncil(bool byCouncil)
    {
        if (Status == InitiativeStatus.UnderReview && !byCouncil)
            throw StateError(Localized.Text("The initiative is before an evaluation council: its closing decides.",
                "Sáng kiến đang được Hội đồng sáng kiến xét; kết quả do Hội đồng quyết định khi kết thúc phiên họp."));
    }

    private static readonly IReadOnlyDictionary<InitiativeStatus, InitiativeStatus[]> Transitions = new Dictionary<InitiativeStatus, InitiativeStatus[]>
    {
        [InitiativeStatus.Draft] = [InitiativeStatus.Submitted, InitiativeStatus.Withdrawn],
        [InitiativeStatus.Submitted] = [InitiativeStatus.UnderReview, InitiativeStatus.Recognised, InitiativeStatus.NotRecognised, InitiativeStatus.Withdrawn],
        [InitiativeStatus.UnderReview] = [InitiativeStatus.Recognised, InitiativeStatus.NotRecognised],
        [InitiativeStatus.Recognised] = [],
        [InitiativeStatus.NotRecognised] = [],
        [InitiativeStatus.Withdrawn] = [],
    };

    /// <summary>The states this application may move to next.</summary>
    public IReadOnlyList<InitiativeStatus> AllowedMoves => Transitions[Status];

    private void Guard(InitiativeStatus to)
    {
        if (!Transitions[Status].Contains(to))
            throw StateError(Localized.Text($"An application that is {Status} cannot become {to}.",
                $"Đơn đang ở trạng thái \"{StatusName(Status)}\" không thể chuyển sang \"{StatusName(to)}\"."));
    }

    private BusinessRuleException StateError(string message) => new("initiative_state", message,
        new Dictionary<string, string[]> { ["status"] = [Status.ToString()] });

    public static string StatusName(InitiativeStatus s) => s switch
    {
        InitiativeStatus.Draft => "bản nháp",
        InitiativeStatus.Submitted => "đã nộp",
        InitiativeStatus.UnderReview => "đang được Hội đồng xét",
        InitiativeStatus.Recognised => "được công nhận",
        InitiativeStatus.NotRecognised => "không được công nhận",
        _ => "đã rút",
    };

    private void Decided(Actor actor, DateTime nowUtc)
    {
        DecidedBy = actor.Name;
        DecidedAtUtc = nowUtc;
    }

    private void Apply(InitiativeDetails d)
    {
        if (d.Authors.Count == 0 || d.Authors.Sum(a => a.SharePercent) != 100m)
            throw new BusinessRuleException("shares_total", Localized.Text("The authors' contribution shares must total exactly 100%.",
                "Tổng tỷ lệ đóng góp của các tác giả phải đúng bằng 100%."),
                new Dictionary<string, string[]> { ["authors"] = [Localized.Text("The shares must total exactly 100%.", "Tổng tỷ lệ đóng góp phải bằng 100%.")] });
        Title = d.Title.Trim();
        Field = d.Field.Trim();
        Kind = d.Kind;
        Problem = d.Problem.Trim();
        CurrentState = d.CurrentState.Trim();
        Solution = d.Solution.Trim();
        AppliedAt = d.AppliedAt.Trim();
        AppliedSince = d.AppliedSince;
        TrialApplication = d.TrialApplication;
        YearlyBenefit = d.YearlyBenefit;
        SocialBenefit = Clean(d.SocialBenefit);
        FirstApplicationParticipants = Clean(d.FirstApplicationParticipants);
        NoveltyDeclared = d.NoveltyDeclared;
        Authors.Clear();
        var order = 0;
        foreach (var a in d.Authors)
            Authors.Add(new InitiativeAuthor(Id, ++order, a.FullName.Trim(), Clean(a.Email)?.ToLowerInvariant(), Clean(a.Position), a.SharePercent));
        SearchText = VietnameseText.FoldAll([Title, Field, Problem, Solution, AppliedAt, .. Authors.Select(a => a.FullName)]);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>An author of an initiative and their contribution share (percent, exact).</summary>
internal sealed class InitiativeAuthor
{
    private InitiativeAuthor() { }

    public InitiativeAuthor(Guid initiativeId, int order, string fullName, string? email, string? position, decimal sharePercent)
    {
        InitiativeId = initiativeId;
        Order = order;
        FullName = fullName;
        Email = email;
        Position = position;
        SharePercent = sharePercent;
    }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid InitiativeId { get; private set; }
    public int Order { get; private set; }
    public string FullName { get; private set; } = "";
    /// <summary>Lets the author read the initiative as their own (matched with the signed-in user's e-mail).</summary>
    public string? Email { get; private set; }
    public string? Position { get; private set; }
    public decimal SharePercent { get; private set; }
}

/// <summary>The recognising officer's finding on one condition of recognition.</summary>
internal sealed class ConditionCheck
{
    private ConditionCheck() { }

    public ConditionCheck(Guid initiativeId, RecognitionCondition condition)
    {
        InitiativeId = initiativeId;
        Condition = condition;
    }

    public Guid InitiativeId { get; private set; }
    public RecognitionCondition Condition { get; private set; }
    public bool Met { get; private set; }
    public string? Note { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }

    public void Record(bool met, string? note, string by, DateTime atUtc)
    {
        Met = met;
        Note = note;
        RecordedBy = by;
        RecordedAtUtc = atUtc;
    }
}

