using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;

namespace Khcn.Organization.Features.Reports;

/// <summary>One indicator of a template.</summary>
public sealed record IndicatorInput
{
    /// <summary>Short stable code, e.g. "people_reached" (letters, digits, '_' and '-').</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>The heading it sits under, e.g. "Tuyên truyền".</summary>
    public string Section { get; init; } = "";
    public IndicatorKind Kind { get; init; }
    /// <summary>Unit of measure for numbers ("người", "VND", …).</summary>
    public string? Measure { get; init; }
    /// <summary>Key of a figure the system pre-fills (see GET /reports/catalogue); none when typed by the unit.</summary>
    public string? Source { get; init; }
}

public sealed record IndicatorView(string Code, string Name, string Section, IndicatorKind Kind, string? Measure, string? Source);

public sealed record ReportPeriodListItem(Guid Id, Guid UnitId, int Year, string Title, DateOnly Deadline, int IndicatorCount);

public sealed record ReportPeriodDetail(Guid Id, Guid UnitId, string UnitName, int Year, string Title, DateOnly Deadline,
    IReadOnlyList<IndicatorView> Indicators, bool TemplateLocked, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>Where a unit stands for a period: not started, draft, submitted, returned or accepted.</summary>
public enum SubmissionState
{
    NotStarted,
    Draft,
    Submitted,
    Returned,
    Accepted,
}

internal static class SubmissionStates
{
    /// <summary>Where a saved report stands (a unit without one has <see cref="SubmissionState.NotStarted"/>).</summary>
    public static SubmissionState Of(ReportStatus status) => status switch
    {
        ReportStatus.Draft => SubmissionState.Draft,
        ReportStatus.Submitted => SubmissionState.Submitted,
        ReportStatus.Returned => SubmissionState.Returned,
        _ => SubmissionState.Accepted,
    };
}

/// <summary>
/// One indicator of a report: <c>Suggested</c> is what the system knows of a sourced indicator (its pre-filled value) and
/// <c>SourceDescription</c> says where that comes from, in the caller's language (null when the unit types it).
/// </summary>
public sealed record ReportValueView(string Code, string Name, string Section, IndicatorKind Kind, string? Measure, string? Source,
    decimal? Number, string? Text, decimal? Suggested, string? SourceDescription);

public sealed record ReportEventView(DateTime At, string Actor, string Action, string? Comment);

/// <summary>A unit's report for a period (a new draft, not yet saved, when <c>id</c> is null), with what the caller may do.</summary>
public sealed record ReportView(Guid? Id, Guid PeriodId, int Year, string PeriodTitle, DateOnly Deadline, UnitSummary Unit,
    SubmissionState State, bool Late, DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReviewedAt, string? ReviewedBy,
    string? ReviewComment, IReadOnlyList<ReportValueView> Values, IReadOnlyList<ReportEventView> Events,
    bool CanEdit, bool CanReview, long Version) : IVersioned;

public sealed record SubmissionItem(Guid UnitId, string Code, string Name, UnitKind Kind, string? ParentName, bool Active,
    SubmissionState State, bool Late, DateTime? SubmittedAt, Guid? ReportId);

public sealed record SubmissionCounts(int Expected, int OnTime, int Late, int NotSubmitted, int Accepted, int AwaitingReview, int Returned);

public sealed record IndicatorTotal(string Code, string Name, string Section, IndicatorKind Kind, string? Measure, decimal Total, int Reports);

/// <summary>One part of a breakdown (a unit directly below the chosen one, with its subtree; or a kind of unit).</summary>
public sealed record SynthesisGroup(string Key, string Name, Guid? UnitId, SubmissionCounts Submissions, IReadOnlyDictionary<string, decimal> Totals);

/// <summary>
/// The Policy-Law Board's synthesis of a period over a subtree: who reported on time, late or not at all, and the
/// totals of every number indicator over the submitted and accepted reports, broken down by the units directly
/// below and by kind of unit.
/// </summary>
public sealed record Synthesis(Guid PeriodId, int Year, string PeriodTitle, DateOnly Deadline, UnitSummary Within,
    SubmissionCounts Submissions, IReadOnlyList<IndicatorTotal> Indicators, IReadOnlyList<SynthesisGroup> ByUnit,
    IReadOnlyList<SynthesisGroup> ByKind);
