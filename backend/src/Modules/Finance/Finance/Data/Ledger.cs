using System.Linq.Expressions;
using Khcn.BuildingBlocks.Domain;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Data;

/// <summary>
/// The one way money moves (ADR 0013). A money-moving handler opens the transaction first (<see cref="BeginAsync"/>;
/// on SQLite that takes the write lock at once, on SQL Server the conditional UPDATE locks the balance row), draws
/// with a conditional UPDATE on the balance row (<see cref="TakeAsync"/>: no row changed = not enough left), and
/// posts balanced entries (<see cref="Post"/>). The unit of work saves the entries, audit and outbox in that
/// transaction and commits it.
/// </summary>
internal sealed class Ledger(FinanceDbContext db, TimeProvider clock)
{
    public async Task BeginAsync(CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) await db.Database.BeginTransactionAsync(ct);
    }

    /// <summary>
    /// <c>UPDATE balances SET Remaining = Remaining − @x WHERE Id = @id AND Remaining ≥ @x</c>. When no row changes,
    /// rolls back and throws what <paramref name="shortOf"/> makes of the amount actually left.
    /// </summary>
    public async Task TakeAsync(Guid balanceId, decimal amount, Func<decimal, Exception> shortOf, CancellationToken ct)
    {
        var taken = await db.Balances.IgnoreQueryFilters().Where(b => b.Id == balanceId && b.Remaining >= amount)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Remaining, b => b.Remaining - amount), ct);
        if (taken == 1) return;
        var left = await RemainingAsync(balanceId, ct);
        if (db.Database.CurrentTransaction is { } tx) await tx.RollbackAsync(ct);
        throw shortOf(left);
    }

    /// <summary>Puts money back on a balance row (a reversal or a settlement return).</summary>
    public Task GiveAsync(Guid balanceId, decimal amount, CancellationToken ct) =>
        db.Balances.IgnoreQueryFilters().Where(b => b.Id == balanceId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Remaining, b => b.Remaining + amount), ct);

    public Task<bool> HasBalanceAsync(Guid balanceId, CancellationToken ct) => db.Balances.IgnoreQueryFilters().AnyAsync(b => b.Id == balanceId, ct);

    public async Task<decimal> RemainingAsync(Guid balanceId, CancellationToken ct) =>
        await db.Balances.IgnoreQueryFilters().Where(b => b.Id == balanceId).Select(b => b.Remaining).FirstOrDefaultAsync(ct);

    /// <summary>
    /// What a sponsor source still has for allocations (<see cref="SponsorRules.AvailableToAllocate"/>), from the ledger:
    /// its received account (receipts net of reversals) less what allocations drew from its budget lines (net of
    /// settlement returns), entries of this unit of work included. It first locks the sponsor's balance row with a
    /// no-op UPDATE, so that two allocations (or an allocation and a receipt reversal) of the same sponsor read one after
    /// the other on SQL Server, as a draw does (ADR 0013); on SQLite the transaction holds the write lock already.
    /// Throws what <paramref name="shortOf"/> makes of the amount available, after rolling back, when
    /// <paramref name="amount"/> exceeds it.
    /// </summary>
    public async Task RequireSponsorCoversAsync(Guid sourceId, decimal amount, Func<decimal, Exception> shortOf, CancellationToken ct)
    {
        await db.Balances.IgnoreQueryFilters().Where(b => b.Id == sourceId)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Remaining, b => b.Remaining), ct);
        var available = await SponsorAvailableAsync(sourceId, ct);
        if (amount <= available) return;
        if (db.Database.CurrentTransaction is { } tx) await tx.RollbackAsync(ct);
        throw shortOf(available);
    }

    /// <summary>
    /// The entries that make a sponsor's available money: its received account, and what allocations drew from (or
    /// settlement returned to) budget lines. One predicate for the saved entries (translated to SQL) and those of this
    /// unit of work (compiled once).
    /// </summary>
    private static readonly Expression<Func<LedgerEntry, bool>> SponsorMoney = e => e.Account == AccountKind.SponsorReceived
        || (e.Account == AccountKind.BudgetLine && (e.Event == LedgerEvent.Allocated || e.Event == LedgerEvent.SettlementReturned));
    private static readonly Func<LedgerEntry, bool> IsSponsorMoney = SponsorMoney.Compile();

    /// <summary>What a sponsor source has received and not yet allocated, from the ledger (see <see cref="RequireSponsorCoversAsync"/>).</summary>
    public async Task<decimal> SponsorAvailableAsync(Guid sourceId, CancellationToken ct)
    {
        var (received, drawn) = await SponsorMoneyAsync(sourceId, ct);
        return SponsorRules.AvailableToAllocate(received, drawn);
    }

    /// <summary>
    /// A sponsor's money as the ledger has it: received (net of reversals) and drawn by allocations (net of settlement
    /// returns) — the one definition the allocation rule and the source's page both read.
    /// </summary>
    public async Task<(decimal Received, decimal Drawn)> SponsorMoneyAsync(Guid sourceId, CancellationToken ct)
    {
        var saved = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.SourceId == sourceId).Where(SponsorMoney)
            .Select(e => new { e.Account, e.AccountId, e.Event, e.Debit, e.Credit }).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<LedgerEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.SourceId == sourceId).Where(IsSponsorMoney)
            .Select(e => new { e.Account, e.AccountId, e.Event, e.Debit, e.Credit });
        // Sums in memory: exact decimal on every provider (SQLite keeps decimals as text).
        var entries = saved.Concat(pending).ToList();
        var received = entries.Where(e => e.Account == AccountKind.SponsorReceived && e.AccountId == sourceId).Sum(e => e.Debit - e.Credit);
        var drawn = entries.Where(e => e.Account == AccountKind.BudgetLine).Sum(e => e.Credit - e.Debit);
        return (received, drawn);
    }

    /// <summary>Refuses a posting into a year the unit has not opened or has closed.</summary>
    public async Task RequireOpenYearAsync(Guid unitId, int year, CancellationToken ct)
    {
        var status = await db.FiscalYears.IgnoreQueryFilters().Where(f => f.UnitId == unitId && f.Year == year)
            .Select(f => (FiscalYearStatus?)f.Status).FirstOrDefaultAsync(ct);
        if (status is null) throw FiscalYearRules.NotOpened(year);
        if (status == FiscalYearStatus.Closed) throw FiscalYearRules.Closed(year);
    }

    /// <summary>Posts one balanced transaction (a debit and a credit per movement); answers its id.</summary>
    public Guid Post(Guid unitId, int year, LedgerEvent @event, Guid documentId, string memo, Actor by, IEnumerable<Movement> movements,
        Guid? reverses = null, Guid? transactionId = null)
    {
        var tx = transactionId ?? Guid.CreateVersion7();
        db.LedgerEntries.AddRange(Entries(tx, unitId, year, @event, documentId, memo, by, movements, reverses, clock.GetUtcNow().UtcDateTime));
        return tx;
    }

    /// <summary>
    /// The entries of one balanced transaction: a debit to the receiving account and a credit to the giving one per
    /// movement (zero movements skipped, negative ones refused). The one place entries are made, for the use cases and
    /// the seeders alike.
    /// </summary>
    public static List<LedgerEntry> Entries(Guid transactionId, Guid unitId, int year, LedgerEvent @event, Guid documentId, string memo, Actor by,
        IEnumerable<Movement> movements, Guid? reverses, DateTime postedAtUtc)
    {
        var entries = new List<LedgerEntry>();
        foreach (var m in movements.Where(m => m.Amount != 0))
        {
            if (m.Amount < 0) throw new InvalidOperationException("A movement moves a positive amount.");
            entries.Add(LedgerEntry.Line(transactionId, unitId, year, m.ToKind, m.ToId, m.SourceId, m.Amount, 0, @event, documentId, reverses, memo, postedAtUtc, by.Name));
            entries.Add(LedgerEntry.Line(transactionId, unitId, year, m.FromKind, m.FromId, m.SourceId, 0, m.Amount, @event, documentId, reverses, memo, postedAtUtc, by.Name));
        }
        return entries;
    }

    /// <summary>What each source holds on an account now, from the ledger (entries saved, plus those added in this unit of work).</summary>
    public async Task<Dictionary<Guid, decimal>> HoldingsAsync(AccountKind kind, Guid accountId, CancellationToken ct)
    {
        var saved = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.Account == kind && e.AccountId == accountId)
            .Select(e => new { e.SourceId, e.Debit, e.Credit }).ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<LedgerEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity)
            .Where(e => e.Account == kind && e.AccountId == accountId).Select(e => new { e.SourceId, e.Debit, e.Credit });
        return saved.Concat(pending).GroupBy(e => e.SourceId).ToDictionary(g => g.Key, g => g.Sum(e => e.Debit - e.Credit));
    }
}
