using Khcn.Organization.Contracts;
using Khcn.Organization.Features.FocalOfficials;
using Khcn.Organization.Features.Plans;

namespace Khcn.Organization.Features.Dashboard;

/// <summary>A figure of one year.</summary>
public sealed record YearFigure(int Year, decimal Value);

/// <summary>
/// The provincial plan's indicator that measures the same figure, with its target over the plan's period: achieved is
/// the figure summed over the plan's years up to the chosen one, progress that divided by the target (null when it is 0).
/// </summary>
public sealed record DashboardTarget(string Code, string Name, string UnitOfMeasure, decimal Target, decimal Achieved, decimal? Progress);

/// <summary>
/// One indicator of the dashboard: a report indicator source (the same definition the annual report is pre-filled
/// with) added up over the subtree for the year, its trend over the plan's years, and the plan's target when the
/// chosen unit is the plan's issuing unit. <c>HasRecords</c>: whether the records behind the figure can be listed
/// (<c>GET /api/v1/dashboard/records</c>).
/// </summary>
public sealed record DashboardIndicator(string Key, string Name, string Section, string? Measure, decimal Value,
    IReadOnlyList<YearFigure> Trend, DashboardTarget? Target, bool HasRecords);

/// <summary>Reports of the year's period over the subtree: expected, on time, late, not (yet) submitted.</summary>
public sealed record ReportsReceived(Guid PeriodId, DateOnly Deadline, int Expected, int OnTime, int Late, int NotSubmitted);

/// <summary>The shares the plan watches beside the counted figures (domain.md §5).</summary>
/// <param name="FocalOfficials">Upper-level unions of the subtree with an active focal official (as of today).</param>
/// <param name="ImplementationPlans">Units of the subtree expected to implement the provincial plan and where they stand.</param>
/// <param name="Reports">The year's annual reports, when a period is open for the year.</param>
public sealed record DashboardCoverage(FocalCoverageTotals FocalOfficials, ComplianceTotals? ImplementationPlans, ReportsReceived? Reports);

public sealed record FocalCoverageTotals(int Total, int Covered, decimal Share);

public sealed record DashboardPlan(Guid Id, string Number, string Title, int PeriodFrom, int PeriodTo);

/// <summary>
/// The plan dashboard of a unit's subtree for a year. <c>ComputedAtUtc</c>: when the computation of its oldest part
/// began (the figures hold every change committed before). <c>Refreshing</c>: some part's records changed since, so it
/// is shown as last computed while a newer one is computed (re-read to get it).
/// </summary>
public sealed record Dashboard(UnitSummary Unit, int Year, IReadOnlyList<int> Years, DashboardPlan? Plan,
    IReadOnlyList<DashboardIndicator> Indicators, DashboardCoverage Coverage, DateTimeOffset ComputedAtUtc, bool Refreshing);

/// <summary>One part of a figure: the chosen unit's own records, or a unit directly below it with its whole subtree.</summary>
public sealed record BreakdownRow(Guid UnitId, string Code, string Name, UnitKind Kind, bool Own, bool HasChildren, decimal Value);

/// <summary>A figure of the dashboard split by the units directly below the chosen one; the rows add up to <c>Value</c>.</summary>
public sealed record DashboardBreakdown(string Key, string Name, string? Measure, int Year, UnitSummary Unit, decimal Value,
    IReadOnlyList<BreakdownRow> Rows, bool HasRecords);

/// <summary>
/// A record behind a figure: <c>Kind</c> (initiative, research-topic, course, campaign, commendation) and <c>Id</c> name the
/// record's page; <c>Value</c> is what it adds to the figure (1 for a counted record, the people a decision honoured, a
/// report's reach), <c>Amount</c> an exact VND amount where one belongs to it.
/// </summary>
public sealed record DashboardRecord(string Kind, Guid Id, string Title, DateOnly? Date, Guid UnitId, string UnitCode, string UnitName,
    decimal Value, decimal? Amount, string? Detail);

/// <summary>
/// The records behind a figure over the unit's subtree (or its own records only), a page of them newest first; <c>Value</c>
/// (the sum of every record's value, not only this page's) equals the dashboard's figure. <c>Listed</c> is false for an
/// indicator without records to list (a share, a headcount).
/// </summary>
public sealed record DashboardRecords(string Key, string Name, string? Measure, int Year, UnitSummary Unit, bool Own, bool Listed,
    decimal Value, IReadOnlyList<DashboardRecord> Items, int Page, int PageSize, int Total);
