using Khcn.Finance.Data;
using Khcn.Finance.Domain;

namespace Khcn.Finance.Seeding;

/// <summary>
/// The seeders' ledger: posts through <see cref="Ledger.Entries"/> (the entries the use cases make) into memory, keeps
/// what each source holds on each account and the balance rows' remainders as it goes (so a draw never exceeds what is
/// left, as the conditional UPDATE refuses it in the use cases), and hands the entries and balance rows over to be saved
/// in batches. The reconciliation then checks what was saved against the ledger's invariants.
/// </summary>
internal sealed class SeedLedger
{
    private readonly List<LedgerEntry> _pending = [];
    private readonly Dictionary<(AccountKind Kind, Guid Id), Dictionary<Guid, decimal>> _holdings = [];
    private readonly Dictionary<Guid, (AccountKind Kind, Guid UnitId, decimal Remaining)> _balances = [];
    private readonly HashSet<Guid> _saved = [];

    public int Posted { get; private set; }

    public Guid Post(Guid unitId, int year, LedgerEvent @event, Guid documentId, string memo, Actor by, IEnumerable<Movement> movements, DateTime atUtc,
        Guid? transactionId = null, Guid? reverses = null)
    {
        var tx = transactionId ?? Guid.CreateVersion7();
        var entries = Ledger.Entries(tx, unitId, year, @event, documentId, memo, by, movements, reverses, atUtc);
        foreach (var e in entries)
        {
            var key = (e.Account, e.AccountId);
            if (!_holdings.TryGetValue(key, out var bySource)) _holdings[key] = bySource = [];
            bySource[e.SourceId] = bySource.GetValueOrDefault(e.SourceId) + e.Debit - e.Credit;
        }
        _pending.AddRange(entries);
        Posted += entries.Count;
        return tx;
    }

    /// <summary>What each source holds on an account (debits − credits), as <see cref="Ledger.HoldingsAsync"/> answers it.</summary>
    public Dictionary<Guid, decimal> Holdings(AccountKind kind, Guid id) =>
        _holdings.TryGetValue((kind, id), out var bySource) ? new Dictionary<Guid, decimal>(bySource) : [];

    public void Open(Guid id, AccountKind kind, Guid unitId, decimal amount) => _balances[id] = (kind, unitId, amount);

    public decimal Remaining(Guid id) => _balances[id].Remaining;

    /// <summary>Takes an amount off a balance row; never more than it has left.</summary>
    public void Draw(Guid id, decimal amount)
    {
        var b = _balances[id];
        if (b.Remaining < amount) throw new InvalidOperationException($"The seed overspends {b.Kind} {id}: {amount} of {b.Remaining}.");
        _balances[id] = b with { Remaining = b.Remaining - amount };
    }

    public void Give(Guid id, decimal amount) => _balances[id] = _balances[id] with { Remaining = _balances[id].Remaining + amount };

    /// <summary>The entries posted since the last call, and the balance rows not handed over yet (with their remainders now).</summary>
    public (List<LedgerEntry> Entries, List<Balance> NewBalances) TakeBatch()
    {
        var entries = _pending.ToList();
        _pending.Clear();
        var balances = _balances.Where(b => _saved.Add(b.Key)).Select(b => Balance.Open(b.Key, b.Value.Kind, b.Value.UnitId, b.Value.Remaining)).ToList();
        return (entries, balances);
    }

    /// <summary>Forgets the accounts of a batch once it is saved and nothing later moves them.</summary>
    public void Forget()
    {
        _holdings.Clear();
        _balances.Clear();
        _saved.Clear();
    }
}
