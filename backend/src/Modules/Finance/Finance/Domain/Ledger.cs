using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

/// <summary>
/// The ledger's accounts. A posting moves money from one account (credit) to another (debit); an account's balance
/// is its debits minus its credits. Sources go negative by what they committed; a budget line holds what is not yet
/// allocated; an allocation what is not yet requested; payable what is requested and not yet paid; disbursed what
/// is paid and not yet settled; spent what settlement accepted. A sponsor's money (keyed by the source): its pledge
/// goes negative by what it pledged, its receivable holds what is pledged and not yet received (outstanding), its
/// received account what the receipts brought in.
/// </summary>
public enum AccountKind { Source, BudgetLine, Allocation, Payable, Disbursed, Spent, SponsorPledge, SponsorReceivable, SponsorReceived }

/// <summary>What a posting records.</summary>
public enum LedgerEvent
{
    BudgetApproved, BudgetAdjusted, Allocated, TrancheRequested, TrancheRejected, TranchePaid, SettlementSpent, SettlementReturned,
    SponsorPledged, SponsorReceived, SponsorReceiptReversed,
    /// <summary>A closed year's posting taken back in the next open year (<see cref="ClosedYearCorrection"/>).</summary>
    ClosedYearCorrected,
}

/// <summary>
/// One line of the append-only, double-entry ledger: never updated, never deleted (the context refuses it, and
/// database triggers refuse it too). Every transaction's debits equal its credits; a mistake is reversed by a new
/// transaction whose entries reference the original (<see cref="ReversesTransactionId"/>).
/// </summary>
internal sealed class LedgerEntry : IUnitOwned, INotAudited
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid TransactionId { get; private set; }
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public AccountKind Account { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid SourceId { get; private set; }
    public decimal Debit { get; private set; }
    public decimal Credit { get; private set; }
    public LedgerEvent Event { get; private set; }
    /// <summary>The document the posting belongs to (budget, allocation, tranche).</summary>
    public Guid DocumentId { get; private set; }
    public Guid? ReversesTransactionId { get; private set; }
    public string Memo { get; private set; } = "";
    public DateTime PostedAtUtc { get; private set; }
    public string PostedBy { get; private set; } = "";

    private LedgerEntry() { }

    internal static LedgerEntry Line(Guid transactionId, Guid unitId, int year, AccountKind account, Guid accountId, Guid sourceId,
        decimal debit, decimal credit, LedgerEvent @event, Guid documentId, Guid? reverses, string memo, DateTime nowUtc, string by) => new()
    {
        TransactionId = transactionId, UnitId = unitId, Year = year, Account = account, AccountId = accountId, SourceId = sourceId,
        Debit = debit, Credit = credit, Event = @event, DocumentId = documentId, ReversesTransactionId = reverses, Memo = memo,
        PostedAtUtc = nowUtc, PostedBy = by,
    };
}

/// <summary>A movement of one amount of one source from one account to another: the two entries of a transaction.</summary>
internal sealed record Movement(Guid SourceId, decimal Amount, AccountKind FromKind, Guid FromId, AccountKind ToKind, Guid ToId);

/// <summary>
/// The cached balance of a budget line or an allocation, kept so that a draw is one conditional UPDATE in the
/// transaction (ADR 0013): <c>remaining = remaining − x WHERE remaining ≥ x</c>. The reconciliation proves it equal
/// to the ledger.
/// </summary>
internal sealed class Balance : IUnitOwned, INotAudited
{
    /// <summary>The budget line's or allocation's id.</summary>
    public Guid Id { get; private set; }
    public AccountKind Kind { get; private set; }
    public Guid UnitId { get; private set; }
    public decimal Remaining { get; private set; }

    private Balance() { }

    public static Balance Open(Guid id, AccountKind kind, Guid unitId, decimal amount) => new() { Id = id, Kind = kind, UnitId = unitId, Remaining = amount };
}

internal static class LedgerRules
{
    public static BusinessRuleException AppendOnly() => new("ledger_append_only", Localized.Text(
        "The ledger is append-only: reverse an entry with a new one instead of changing or deleting it.",
        "Sổ cái chỉ được ghi thêm: hãy bút toán đảo thay vì sửa hoặc xoá."));
}
