using System.Net;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.IntegrationTests.Finance;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Data;
using Khcn.Training.Features.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Training.CourseTesting;

namespace Khcn.IntegrationTests.Training;

/// <summary>
/// #14: "Training's course form picks a real allocation instead of a free-text funding reference (migrate the text)".
/// One command links each course whose old reference names exactly one allocation its form may pick (diacritic- and
/// case-insensitive), through the form's rule, audited; the ambiguous and unmatched ones are listed with the reason;
/// running it again changes nothing more.
/// </summary>
public sealed class CourseFundingMigrationTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_courses_with_old_funding_references_When_migrated_Then_the_one_match_is_linked_and_audited_and_the_ambiguous_and_unmatched_are_reported()
    {
        var officer = await api.LoginAsync(FinanceDriver.VanLam);
        var province = await api.LoginAsync(FinanceDriver.Province);
        var vanLam = await FinanceDriver.UnitAsync(officer, "VANLAM");
        var union = await FinanceDriver.SourceAsync(officer, vanLam, FundingSourceKind.UnionFunds, "KPCĐ đào tạo 2071");
        var budget = await FinanceDriver.ApprovedBudgetAsync(officer, province, vanLam, 2071, (BudgetPurpose.Training, union.Id, 30_000_000m));
        var safety = await AllocateAsync(officer, budget.Id, union.Id, "Tập huấn An toàn vệ sinh lao động 2071", 10_000_000m);
        await AllocateAsync(officer, budget.Id, union.Id, "Bồi dưỡng kỹ năng số 2071 – đợt 1", 5_000_000m);
        await AllocateAsync(officer, budget.Id, union.Id, "Bồi dưỡng kỹ năng số 2071 – đợt 2", 5_000_000m);

        var coordinator = await api.LoginAsync(Coordinator);
        var matched = await OldCourseAsync(coordinator, vanLam, "TAP HUAN  an toan VE SINH lao dong 2071");
        var ambiguous = await OldCourseAsync(coordinator, vanLam, "bồi dưỡng KỸ NĂNG SỐ 2071");
        var unmatched = await OldCourseAsync(coordinator, vanLam, "QĐ 99/2071 kinh phí khác");
        var ours = new[] { matched, ambiguous, unmatched };

        var report = await MigrateAsync(coordinator);
        var rows = report.Rows.Where(r => ours.Contains(r.CourseId)).ToDictionary(r => r.CourseId);
        rows.Count.ShouldBe(3);
        rows[matched].ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe(FundingMigrationOutcome.Matched),
            r => r.AllocationId.ShouldBe(safety.Id),
            r => r.AllocationLabel.ShouldBe("Tập huấn An toàn vệ sinh lao động 2071"));
        rows[ambiguous].ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe(FundingMigrationOutcome.Ambiguous),
            r => r.AllocationId.ShouldBeNull(),
            r => r.Reason.ShouldContain("2 allocations match the reference"),
            r => r.Candidates.ShouldBe(["Bồi dưỡng kỹ năng số 2071 – đợt 1", "Bồi dưỡng kỹ năng số 2071 – đợt 2"], ignoreOrder: true));
        rows[unmatched].ShouldSatisfyAllConditions(
            r => r.Outcome.ShouldBe(FundingMigrationOutcome.Unmatched),
            r => r.Reason.ShouldContain("No allocation of the requesting unit matches"),
            r => r.Candidates.ShouldBeEmpty());
        report.Matched.ShouldBe(report.Rows.Count(r => r.Outcome == FundingMigrationOutcome.Matched));

        // The course shows the allocation, and keeps its old text as it was typed; the others are unchanged.
        var linked = await GetAsync(coordinator, matched);
        (linked.FundingAllocationId, linked.FundingAllocationLabel, linked.FundingReference)
            .ShouldBe((safety.Id, "Tập huấn An toàn vệ sinh lao động 2071", "TAP HUAN  an toan VE SINH lao dong 2071"));
        (await GetAsync(coordinator, ambiguous)).FundingAllocationId.ShouldBeNull();
        (await GetAsync(coordinator, unmatched)).FundingAllocationId.ShouldBeNull();

        // Idempotent: again, the linked course is not looked at and nothing else changes.
        var again = await MigrateAsync(coordinator);
        again.Rows.Where(r => ours.Contains(r.CourseId)).Select(r => (r.CourseId, r.Outcome))
            .ShouldBe([(ambiguous, FundingMigrationOutcome.Ambiguous), (unmatched, FundingMigrationOutcome.Unmatched)], ignoreOrder: true);
        (await GetAsync(coordinator, matched)).Version.ShouldBe(linked.Version);

        var audited = await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            var ids = ours.Select(id => id.ToString()).ToList();
            var entries = await db.AuditEntries.Where(a => a.EntityType == "Course" && ids.Contains(a.EntityId) && a.Action == "Updated")
                .Select(a => new { a.EntityId, a.Changes }).ToListAsync();
            return entries.Where(a => a.Changes.Contains("FundingAllocationId", StringComparison.OrdinalIgnoreCase)).Select(a => a.EntityId).ToList();
        });
        audited.ShouldBe([matched.ToString()], "the one change is in the audit trail, once");
    }

    [ApiFact]
    public async Task Given_someone_without_course_management_When_migrating_Then_403()
    {
        var officer = await api.LoginAsync(FinanceDriver.VanLam);
        (await officer.PostJsonAsync(MigrateCourseFundingReferences.Route, new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task<FundingMigrationReport> MigrateAsync(HttpClient client)
    {
        var response = await client.PostJsonAsync(MigrateCourseFundingReferences.Route, new { });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<FundingMigrationReport>();
    }

    private static async Task<AllocationDetail> AllocateAsync(HttpClient officer, Guid budgetId, Guid sourceId, string label, decimal amount)
    {
        var created = await officer.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId, purpose = BudgetPurpose.Training, targetKind = AllocationTargetKind.Course, targetLabel = label,
            parts = new[] { new { sourceId, amount } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return await created.ReadAsync<AllocationDetail>();
    }

    /// <summary>A course as saved before Finance existed: the unit's, with only a free-text funding reference.</summary>
    private async Task<Guid> OldCourseAsync(HttpClient coordinator, Guid unitId, string reference)
    {
        var course = await ProposeAsync(coordinator, University);
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            return await db.Courses.IgnoreQueryFilters().Where(c => c.Id == course.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RequestingUnitId, unitId).SetProperty(c => c.FundingReference, reference));
        });
        return course.Id;
    }
}
