using Mediator;

namespace Khcn.Finance.Contracts;

/// <summary>
/// An allocation (phân bổ) as another module may show and pick it: its unit, fiscal year, label, amount and whether it
/// is still open (not settled). <see cref="TargetId"/> is the record it was made for, when the finance officer named one.
/// </summary>
public sealed record FundingAllocationOption(Guid Id, Guid UnitId, int Year, string Label, decimal Amount, bool Open, Guid? TargetId);

/// <summary>
/// The allocations of a unit's training budget (purpose "training", target a course) that a course of that unit may
/// be funded from: open ones, not made for another course (<paramref name="CourseId"/> is the course asking, if it
/// exists yet). Ignores scope: the caller has authorised the unit.
/// </summary>
public sealed record GetCourseFundingOptions(Guid UnitId, Guid? CourseId) : IQuery<IReadOnlyList<FundingAllocationOption>>;

/// <summary>A training allocation for a course by id (open or settled), ignoring scope; null when there is no such training allocation.</summary>
public sealed record GetCourseFundingAllocation(Guid AllocationId) : IQuery<FundingAllocationOption?>;

/// <summary>
/// Finance's part of an officer's to-dos for a unit (#15): budgets and budget adjustments of the units below awaiting
/// the caller's approval, tranches awaiting approval (never the caller's own request: four-eyes) or payment, and the
/// obligations still to be funded — each only with the permission it needs over the unit.
/// </summary>
public sealed record GetFinanceTodos(Guid UnitId) : IQuery<IReadOnlyList<Khcn.BuildingBlocks.Contracts.TodoItem>>;
