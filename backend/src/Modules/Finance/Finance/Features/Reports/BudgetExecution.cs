using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Reports;

/// <summary>A budget line's execution before the unit's name is looked up (see <see cref="BudgetExecutionRow"/>).</summary>
internal sealed record ExecutionLine(Guid UnitId, int Year, BudgetPurpose Purpose, Guid SourceId, string SourceName, FundingSourceKind SourceKind,
    decimal Approved, decimal Allocated, decimal Paid, decimal Spent, decimal Unallocated);

/// <summary>
/// The one definition of what a budget line approved, allocated, paid, spent and left unallocated, from the ledger:
/// the budget execution report and the funding figures of the annual report and the dashboard both read it, so they
/// agree to the đồng. The budgets given are already narrowed to what the caller may see (or to the units asked for):
/// what hangs off them — lines, allocation parts, sources, ledger entries — is read without the scope filter again.
/// </summary>
internal sealed class BudgetExecution(FinanceDbContext db)
{
    public async Task<List<ExecutionLine>> LinesAsync(IQueryable<Budget> approvedBudgets, BudgetPurpose? purpose, FundingSourceKind? sourceKind, CancellationToken ct)
    {
        var lineQuery = db.BudgetLines.AsNoTracking().Join(approvedBudgets, l => l.BudgetId, b => b.Id, (l, b) => new { b.UnitId, b.Year, l.Id, l.Purpose, l.SourceId, l.Amount });
        if (purpose is { } p) lineQuery = lineQuery.Where(l => l.Purpose == p);
        var lines = await lineQuery.ToListAsync(ct);
        var sourceIds = lines.Select(l => l.SourceId).Distinct().ToList();
        var sources = await db.FundingSources.IgnoreQueryFilters().AsNoTracking().Where(s => sourceIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.Name, s.Kind }, ct);
        if (sourceKind is { } kind) lines = lines.Where(l => sources.GetValueOrDefault(l.SourceId)?.Kind == kind).ToList();

        // The ledger of these unit-years: what is left on each line, and what each line's allocations paid and spent.
        var unitYears = lines.Select(l => (l.UnitId, l.Year)).Distinct().ToList();
        var unitIds = unitYears.Select(u => u.UnitId).Distinct().ToList();
        var years = unitYears.Select(u => u.Year).Distinct().ToList();
        var accounts = new[] { AccountKind.BudgetLine, AccountKind.Disbursed, AccountKind.Spent };
        var balances = (await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(e => unitIds.Contains(e.UnitId) && years.Contains(e.Year) && accounts.Contains(e.Account))
                .Select(e => new { e.Account, e.AccountId, e.SourceId, e.Year, e.Event, e.Debit, e.Credit }).ToListAsync(ct))
            // Sums in memory: exact decimal on every provider (SQLite keeps decimals as text). Keyed by the entry's year too:
            // a closed year's correction, posted in a later year on the closed year's accounts, counts in its own year
            // only, so a closed year's figures never change, whichever years are asked for together.
            .GroupBy(e => (e.Account, e.AccountId, e.SourceId, e.Year))
            .ToDictionary(g => g.Key, g => (Balance: g.Sum(e => e.Debit - e.Credit), Paid: g.Where(e => e.Event == LedgerEvent.TranchePaid).Sum(e => e.Debit)));
        var lineIds = lines.Select(l => l.Id).ToList();
        var parts = await db.AllocationParts.AsNoTracking().Where(p => lineIds.Contains(p.BudgetLineId))
            .Select(p => new { p.BudgetLineId, p.AllocationId, p.SourceId }).ToListAsync(ct);
        var partsByLine = parts.ToLookup(p => p.BudgetLineId);

        return lines.Select(l =>
        {
            var unallocated = balances.GetValueOrDefault((AccountKind.BudgetLine, l.Id, l.SourceId, l.Year)).Balance;
            var paid = partsByLine[l.Id].Sum(p => balances.GetValueOrDefault((AccountKind.Disbursed, p.AllocationId, p.SourceId, l.Year)).Paid);
            var spent = partsByLine[l.Id].Sum(p => balances.GetValueOrDefault((AccountKind.Spent, p.AllocationId, p.SourceId, l.Year)).Balance);
            var source = sources.GetValueOrDefault(l.SourceId);
            return new ExecutionLine(l.UnitId, l.Year, l.Purpose, l.SourceId, source?.Name ?? "", source?.Kind ?? FundingSourceKind.Other,
                l.Amount, l.Amount - unallocated, paid, spent, unallocated);
        }).ToList();
    }
}
