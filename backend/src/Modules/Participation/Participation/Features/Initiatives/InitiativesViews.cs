using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Domain;

namespace Khcn.Participation.Features.Initiatives;

public sealed record InitiativeListItem(Guid Id, string Title, Guid UnitId, string UnitName, InitiativeKind Kind, string Field,
    InitiativeStatus Status, string Authors, decimal YearlyBenefit, DateOnly AppliedSince, string? CertificateNumber, DateOnly? DecisionDate,
    DateTime CreatedAt);

public sealed record InitiativeAuthorView(string FullName, string? Email, string? Position, decimal SharePercent);

/// <summary>The finding on one condition of recognition; <c>met</c> is null while not yet checked.</summary>
public sealed record ConditionCheckView(RecognitionCondition Condition, string LegalBasis, bool? Met, string? Note, string? RecordedBy, DateTime? RecordedAt);

/// <summary>A piece of evidence filed with the application.</summary>
public sealed record InitiativeAttachmentView(Guid Id, string FileName, string ContentType, long Size, string? UploadedBy, DateTime UploadedAt);

public sealed record RuleSetView(string Code, DateOnly EffectiveFrom, decimal AuthorRate, decimal OrganiserRate, int Years, string LegalBasis);

public sealed record AuthorRemunerationView(string FullName, decimal SharePercent, decimal Amount);

public sealed record RemunerationYearView(int Year, DateOnly From, DateOnly To, decimal Benefit, decimal AuthorsTotal,
    IReadOnlyList<AuthorRemunerationView> Authors, decimal OrganisersMinimum);

/// <summary>
/// The minimum remuneration of an initiative (Decree 13/2012/NĐ-CP art. 10), exact VND. <c>recorded</c> is true once
/// recognised: the rule set is then the one in force on the decision date, kept with the decision; before that it is a
/// preview under the rules in force today.
/// </summary>
public sealed record RemunerationView(bool Recorded, RuleSetView Rules, IReadOnlyList<RemunerationYearView> Years, decimal AuthorsTotal, decimal OrganisersTotal);

/// <summary>
/// An initiative as its reader sees it. <c>allowedMoves</c> lists the next states of its lifecycle;
/// <c>canEdit</c>/<c>canFile</c> whether the caller may change the draft, submit or withdraw it; <c>canDecide</c>
/// whether the caller checks the conditions and decides. <c>attachments</c> is the evidence filed with it (added and
/// removed by whoever may edit it while a draft, read by everyone who reads the application).
/// </summary>
public sealed record InitiativeDetail(
    Guid Id, Guid UnitId, string UnitName, string Title, string Field, InitiativeKind Kind, string Problem, string CurrentState, string Solution,
    string AppliedAt, DateOnly AppliedSince, bool TrialApplication, decimal YearlyBenefit, string? SocialBenefit, string? FirstApplicationParticipants,
    bool NoveltyDeclared, IReadOnlyList<InitiativeAuthorView> Authors, InitiativeStatus Status, IReadOnlyList<InitiativeStatus> AllowedMoves,
    string FiledBy, DateTime? SubmittedAt, string? CertificateNumber, DateOnly? DecisionDate, string? RefusalReasons, string? DecidedBy,
    string? WithdrawalReason, IReadOnlyList<ConditionCheckView> Conditions, RemunerationView Remuneration,
    IReadOnlyList<InitiativeAttachmentView> Attachments, bool CanEdit, bool CanFile, bool CanDecide, long Version, DateTime CreatedAt, DateTime UpdatedAt, InitiativeCouncilRef? Council = null) : IVersioned;

/// <summary>The latest evaluation council the initiative was put before, and its outcome there.</summary>
public sealed record InitiativeCouncilRef(Guid Id, string Name, CouncilStatus Status, CouncilItemOutcome Outcome, DateTime FormedAt);

internal static class InitiativeViews
{
    /// <summary>The article of the law behind each condition of recognition.</summary>
    public static string LegalBasisOf(RecognitionCondition c) => c switch
    {
        RecognitionCondition.NewWithinUnit => "Nghị định 13/2012/NĐ-CP, Điều 3 khoản 1 điểm a; Thông tư 18/2013/TT-BKHCN, Điều 3",
        RecognitionCondition.AppliedInUnit => "Nghị định 13/2012/NĐ-CP, Điều 3 khoản 1 điểm b",
        // Art. 3(1)c refers to the exclusions of art. 3(2) (public order or morality; subject matter protected as IP), not to art. 4.
        RecognitionCondition.BringsBenefit => "Nghị định 13/2012/NĐ-CP, Điều 3 khoản 1 điểm b; Thông tư 18/2013/TT-BKHCN, Điều 4",
        _ => "Nghị định 13/2012/NĐ-CP, Điều 3 khoản 1 điểm c và khoản 2",
    };

    public static RuleSetView ToView(this RemunerationRuleSet r) => new(r.Code, r.EffectiveFrom, r.AuthorRate, r.OrganiserRate, r.Years, r.LegalBasis);

    public static RemunerationView ToView(this Remuneration r, bool recorded) => new(recorded, r.Rules.ToView(),
        r.Years.Select(y => new RemunerationYearView(y.Year, y.From, y.To, y.Benefit, y.AuthorsTotal,
            y.Authors.Select(a => new AuthorRemunerationView(a.FullName, a.SharePercent, a.Amount)).ToList(), y.OrganisersMinimum)).ToList(),
        r.AuthorsTotal, r.OrganisersTotal);
}
