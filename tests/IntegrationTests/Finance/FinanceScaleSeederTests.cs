using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features.Reports;
using Khcn.Finance.Seeding;
using Khcn.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Finance's part of the scale dataset (`make seed-scale`, #14), run with a small count on the demo hierarchy: it adds
/// the budgets of the unit-years the demo has not taken, once; every transaction it posts is balanced, the closed
/// years are settled and closed, the current year's tranches are in every state, and the reconciliation (through
/// HTTP, as the province's finance officer) finds zero drift.
/// </summary>
public sealed class FinanceScaleSeederTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly SeedOptions Options = new() { Demo = true, Scale = true, ScaleAllocations = 300 };

    private Task SeedAsync() => api.InScopeAsync(async sp =>
    {
        await sp.GetServices<IModuleSeeder>().OfType<FinanceScaleSeeder>().Single().SeedAsync(Options, CancellationToken.None);
        return 0;
    });

    private Task<T> DbAsync<T>(Func<FinanceDbContext, Task<T>> read) => api.InScopeAsync(sp => read(sp.GetRequiredService<FinanceDbContext>()));

    [ApiFact]
    public async Task Given_the_demo_books_When_the_scale_part_runs_twice_Then_it_adds_its_years_once_balanced_in_every_tranche_state_and_reconciled_to_zero_drift()
    {
        // The seed's three years end with the current one (the real clock: the tokens below are checked against it).
        var year = VietnamTime.Today(TimeProvider.System).Year;
        var (entriesBefore, budgetsBefore) = await DbAsync(async db => (await db.LedgerEntries.CountAsync(), await db.Budgets.CountAsync()));
        var demoYears = await DbAsync(db => db.FiscalYears.CountAsync(f => f.Year >= year - 2));

        await SeedAsync();
        var (entriesOnce, budgetsOnce) = await DbAsync(async db => (await db.LedgerEntries.CountAsync(), await db.Budgets.CountAsync()));
        await SeedAsync(); // the second run finds it there and adds nothing
        (await DbAsync(db => db.LedgerEntries.CountAsync())).ShouldBe(entriesOnce);

        var scaleBudgets = await DbAsync(db => db.Budgets.AsNoTracking().Where(b => b.Note!.EndsWith("(dữ liệu quy mô)")).ToListAsync());
        scaleBudgets.Count.ShouldBe(budgetsOnce - budgetsBefore);
        scaleBudgets.ShouldAllBe(b => b.Status == BudgetStatus.Approved && b.Year >= year - 2 && b.Year <= year);
        var units = scaleBudgets.Select(b => b.UnitId).Distinct().Count();
        units.ShouldBeGreaterThan(3, "the province and the units directly under it");
        (await DbAsync(db => db.FiscalYears.CountAsync(f => f.Year >= year - 2))).ShouldBe(demoYears + scaleBudgets.Count);
        (await DbAsync(db => db.FiscalYears.Where(f => f.Year >= year - 2).Select(f => f.UnitId).ToListAsync())).GroupBy(u => u).Count(g => g.Count() == 3)
            .ShouldBe(units, "every unit has all three years");
        (entriesOnce - entriesBefore).ShouldBeGreaterThan(2_000);

        // Every transaction of the ledger balanced (summed in memory: exact decimals).
        var entries = await DbAsync(db => db.LedgerEntries.AsNoTracking().Select(e => new { e.TransactionId, e.Debit, e.Credit }).ToListAsync());
        entries.GroupBy(e => e.TransactionId).Where(g => g.Sum(e => e.Debit) != g.Sum(e => e.Credit)).ShouldBeEmpty();

        var scaleIds = scaleBudgets.Select(b => b.Id).ToHashSet();
        var allocations = (await DbAsync(db => db.Allocations.AsNoTracking().Include(a => a.Parts).ToListAsync())).Where(a => scaleIds.Contains(a.BudgetId)).ToList();
        allocations.Count.ShouldBeGreaterThan(200);
        allocations.Where(a => a.Year < year).ShouldAllBe(a => a.Status == AllocationStatus.Settled);
        allocations.Where(a => a.Year == year).Select(a => a.Status).Distinct().Count().ShouldBe(2, "open and some settled early");
        allocations.Count(a => a.Parts.Count > 1).ShouldBeGreaterThan(0, "mixed sources");
        var allocationIds = allocations.Select(a => a.Id).ToHashSet();
        var states = (await DbAsync(db => db.Tranches.AsNoTracking().Select(t => new { t.AllocationId, t.Status }).ToListAsync()))
            .Where(t => allocationIds.Contains(t.AllocationId)).Select(t => t.Status).Distinct().Order().ToList();
        states.ShouldBe([TrancheStatus.Requested, TrancheStatus.Approved, TrancheStatus.Paid, TrancheStatus.Rejected]);
        var scaleYears = scaleBudgets.Select(b => (b.UnitId, b.Year)).ToHashSet();
        (await DbAsync(db => db.FiscalYears.AsNoTracking().ToListAsync())).Where(f => scaleYears.Contains((f.UnitId, f.Year)))
            .ShouldAllBe(f => f.Status == (f.Year < year ? FiscalYearStatus.Closed : FiscalYearStatus.Open));

        var province = await api.LoginAsync(Province);
        var report = await ReconcileAsync(province);
        report.Drifts.ShouldBeEmpty();
        report.Balanced.ShouldBeTrue();
        report.AllocationsChecked.ShouldBeGreaterThanOrEqualTo(allocations.Count);
        var execution = await (await province.GetAsync($"{GetBudgetExecution.Route}?year={year}&subtree=true")).ReadAsync<BudgetExecutionReport>();
        execution.Rows.Select(r => r.UnitId).Distinct().Count().ShouldBe(units, "every unit's budget of the year");
        execution.Total.Approved.ShouldBe(execution.Total.Allocated + execution.Total.Unallocated);
    }
}
