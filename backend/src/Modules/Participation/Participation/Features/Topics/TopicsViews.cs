using Khcn.BuildingBlocks.Http;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;

namespace Khcn.Participation.Features.Topics;

/// <summary>A call; <c>weights</c>: the weight of each criterion its councils score with (fractions totalling 1).</summary>
public sealed record ResearchCallView(Guid Id, Guid UnitId, string UnitName, ResearchCallKind Kind, int Year, string Title, string Field, string? Themes,
    DateOnly Deadline, decimal BudgetCeiling, decimal PassThreshold, IReadOnlyList<TopicCriterionView> Weights, bool Open, int Topics, bool CanManage,
    string PublishedBy, DateTime CreatedAt);

public sealed record TopicPersonView(Guid OfficialId, string FullName, string? Email, string? Position);

public sealed record TopicBudgetLineView(TopicFundingSource Source, string Item, decimal Amount);

/// <summary>The total of one funding source.</summary>
public sealed record TopicSourceTotal(TopicFundingSource Source, decimal Amount);

/// <summary>A milestone; <c>late</c> is computed on today's Vietnam date from the injected clock.</summary>
public sealed record TopicMilestoneView(Guid Id, string Title, string? Deliverable, DateOnly DueDate, DateOnly OriginalDueDate, DateOnly? CompletedOn,
    string? Report, bool Late);

public sealed record TopicExtensionView(Guid Id, Guid MilestoneId, string Milestone, DateOnly PreviousDueDate, DateOnly NewDueDate, string Reason,
    ExtensionStatus Status, string RequestedBy, DateTime RequestedAt, string? DecidedBy, DateTime? DecidedAt, string? DecisionNote);

public sealed record TopicStepView(TopicStatus? From, TopicStatus To, string By, DateTime At, string? Note);

public sealed record TopicAttachmentView(Guid Id, string FileName, string ContentType, long Size, string? UploadedBy, DateTime UploadedAt);

/// <summary>A council the topic was put before (selection or acceptance) and its outcome there.</summary>
public sealed record TopicCouncilRef(Guid Id, string Name, CouncilItemKind Kind, CouncilStatus Status, CouncilItemOutcome Outcome, DateTime FormedAt);

/// <summary>
/// A research topic as its reader sees it: the proposal, the budget per source against the call's ceiling, the
/// contract, milestones (late flagged), extensions (how many the rule set still allows), the decisions and every step.
/// <c>canPropose</c>: the caller works on it for the proposing unit; <c>canManage</c>: for the ordering unit. A cancelled
/// topic carries its reason, who cancelled it and when; a closed one its note, who closed it and when.
/// </summary>
public sealed record TopicDetail(
    Guid Id, Guid UnitId, string UnitName, Guid CallId, string CallTitle, decimal BudgetCeiling, string Title, string Field,
    TopicPersonView Lead, IReadOnlyList<TopicPersonView> Members, string Objectives, string ExpectedProducts, int DurationMonths,
    IReadOnlyList<TopicBudgetLineView> BudgetLines, IReadOnlyList<TopicSourceTotal> SourceTotals, decimal BudgetTotal,
    TopicStatus Status, IReadOnlyList<TopicStatus> AllowedMoves, string FiledBy, DateTime? SubmittedAt,
    decimal? SelectionScore, decimal? AcceptanceScore, AcceptanceRating? Rating, string? RuleSetCode, string? DecisionNumber, DateOnly? DecisionDate,
    string? ContractNumber, DateOnly? ContractDate, DateOnly? StartDate, DateOnly? EndDate,
    IReadOnlyList<TopicMilestoneView> Milestones, bool Late, IReadOnlyList<TopicExtensionView> Extensions, int ExtensionsLeft,
    string? AppliedAt, DateOnly? AppliedSince, string? ApplicationResults, string? WithdrawalReason,
    string? CancellationReason, string? CancelledBy, DateTime? CancelledAt, string? ClosingNote, string? ClosedBy, DateTime? ClosedAt,
    IReadOnlyList<TopicAttachmentView> Attachments, IReadOnlyList<TopicStepView> Steps, IReadOnlyList<TopicCouncilRef> Councils,
    bool CanPropose, bool CanManage, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record TopicListItem(Guid Id, string Title, Guid UnitId, string UnitName, Guid CallId, string Field, string LeadName, TopicStatus Status,
    decimal BudgetTotal, AcceptanceRating? Rating, bool Late, DateOnly? NextDueDate, DateTime CreatedAt);

internal static class TopicViews
{
    public const string CallsRoute = "/api/v1/participation/research-calls";
    public const string Route = "/api/v1/participation/topics";

    public static string CallFor(Guid id) => $"{CallsRoute}/{id}";
    public static string For(Guid id) => $"{Route}/{id}";

    public static IReadOnlyList<TopicCriterionView> WeightViews(this ResearchCall call) =>
        call.Weights.ToDictionary().Select(w => new TopicCriterionView(w.Key, TopicRules.CriterionName(w.Key), w.Value)).ToList();

    public static TopicDetail ToDetail(this ResearchTopic t, ResearchCall call, string unitName, DateOnly today, ParticipationAccess access,
        IReadOnlyList<TopicCouncilRef> councils)
    {
        var rules = TopicRules.ByCode(t.RuleSetCode ?? TopicRules.InForceOn(today).Code);
        var milestones = t.Milestones.OrderBy(m => m.Order).ToList();
        return new TopicDetail(t.Id, t.UnitId, unitName, call.Id, call.Title, call.BudgetCeiling, t.Title, t.Field,
            new TopicPersonView(t.LeadOfficialId, t.LeadName, t.LeadEmail, null),
            t.Members.OrderBy(m => m.Order).Select(m => new TopicPersonView(m.OfficialId, m.FullName, m.Email, m.Position)).ToList(),
            t.Objectives, t.ExpectedProducts, t.DurationMonths,
            t.BudgetLines.OrderBy(l => l.Order).Select(l => new TopicBudgetLineView(l.Source, l.Item, l.Amount)).ToList(),
            t.BudgetLines.GroupBy(l => l.Source).OrderBy(g => g.Key).Select(g => new TopicSourceTotal(g.Key, g.Sum(l => l.Amount))).ToList(),
            t.BudgetTotal, t.Status, t.AllowedMoves, t.FiledBy, t.SubmittedAtUtc, t.SelectionScore, t.AcceptanceScore, t.Rating, t.RuleSetCode,
            t.DecisionNumber, t.DecisionDate, t.ContractNumber, t.ContractDate, t.StartDate, t.EndDate,
            milestones.Select(m => new TopicMilestoneView(m.Id, m.Title, m.Deliverable, m.DueDate, m.OriginalDueDate, m.CompletedOn, m.Report, m.IsLate(today))).ToList(),
            t.IsLate(today),
            t.Extensions.OrderBy(e => e.RequestedAtUtc).Select(e => new TopicExtensionView(e.Id, e.MilestoneId,
                milestones.FirstOrDefault(m => m.Id == e.MilestoneId)?.Title ?? "", e.PreviousDueDate, e.NewDueDate, e.Reason, e.Status, e.RequestedBy,
                e.RequestedAtUtc, e.DecidedBy, e.DecidedAtUtc, e.DecisionNote)).ToList(),
            Math.Max(0, rules.MaxExtensions - t.Extensions.Count(e => e.Status == ExtensionStatus.Granted)),
            t.AppliedAt, t.AppliedSince, t.ApplicationResults, t.WithdrawalReason,
            t.CancellationReason, t.CancelledBy, t.CancelledAtUtc, t.ClosingNote, t.ClosedBy, t.ClosedAtUtc,
            t.Attachments.OrderBy(a => a.CreatedAtUtc).Select(a => new TopicAttachmentView(a.Id, a.File.FileName, a.File.ContentType, a.File.Size,
                a.File.UploadedBy, a.File.UploadedAtUtc)).ToList(),
            t.Steps.OrderBy(s => s.AtUtc).Select(s => new TopicStepView(s.From, s.To, s.By, s.AtUtc, s.Note)).ToList(),
            councils, access.MayPropose(t), access.MayManage(call), t.Version, t.CreatedAtUtc, t.UpdatedAtUtc);
    }
}
