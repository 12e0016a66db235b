using Khcn.Finance.Contracts;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>What Finance answers to Training about the allocations a course can be funded from (#14).</summary>
internal sealed class CourseFundingQueries(FinanceDbContext db) :
    IQueryHandler<GetCourseFundingOptions, IReadOnlyList<FundingAllocationOption>>,
    IQueryHandler<GetCourseFundingAllocation, FundingAllocationOption?>
{
    private IQueryable<Allocation> ForCourses =>
        db.Allocations.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Purpose == BudgetPurpose.Training && a.TargetKind == AllocationTargetKind.Course);

    public async ValueTask<IReadOnlyList<FundingAllocationOption>> Handle(GetCourseFundingOptions query, CancellationToken ct) =>
        await ForCourses
            .Where(a => a.UnitId == query.UnitId && a.Status == AllocationStatus.Open && (a.TargetId == null || a.TargetId == query.CourseId))
            .OrderByDescending(a => a.Year).ThenBy(a => a.TargetLabel)
            .Select(a => new FundingAllocationOption(a.Id, a.UnitId, a.Year, a.TargetLabel, a.Amount, true, a.TargetId))
            .ToListAsync(ct);

    public async ValueTask<FundingAllocationOption?> Handle(GetCourseFundingAllocation query, CancellationToken ct) =>
        await ForCourses.Where(a => a.Id == query.AllocationId)
            .Select(a => new FundingAllocationOption(a.Id, a.UnitId, a.Year, a.TargetLabel, a.Amount, a.Status == AllocationStatus.Open, a.TargetId))
            .FirstOrDefaultAsync(ct);
}
