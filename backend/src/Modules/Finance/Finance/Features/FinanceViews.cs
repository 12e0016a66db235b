using Khcn.BuildingBlocks.Http;
using Khcn.Finance.Domain;

namespace Khcn.Finance.Features;

/// <summary>A unit's fiscal year.</summary>
public sealed record FiscalYearView(Guid Id, Guid UnitId, string UnitName, int Year, FiscalYearStatus Status, DateTime? ClosedAtUtc, string? ClosedBy,
    long Version) : IVersioned;

/// <summary>A funding source of a unit.</summary>
public sealed record FundingSourceView(Guid Id, Guid UnitId, string UnitName, FundingSourceKind Kind, string Name, string? ProgrammeReference,
    string? SponsorName, string? SponsorTaxCode, string? Note, long Version) : IVersioned;

/// <summary>
/// A budget line with what is left of it: <see cref="Allocated"/> (net of settlement returns) and
/// <see cref="Unallocated"/> (its balance), exact VND.
/// </summary>
public sealed record BudgetLineView(Guid Id, BudgetPurpose Purpose, Guid SourceId, string SourceName, FundingSourceKind SourceKind, decimal Amount,
    decimal Allocated, decimal Unallocated);

/// <summary>
/// A budget (dự toán) with its lines; <see cref="CanApprove"/> when the caller is the unit above's finance officer.
/// <see cref="CurrentVersion"/> is the approved version in force (1, then each approved adjustment's number);
/// <see cref="Adjustments"/> keep every earlier amount.
/// </summary>
public sealed record BudgetDetail(Guid Id, Guid UnitId, string UnitName, int Year, BudgetStatus Status, string? Note, decimal Total,
    IReadOnlyList<BudgetLineView> Lines, string CreatedBy, string? SubmittedBy, DateTime? SubmittedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc,
    bool CanEdit, bool CanApprove, long Version, int CurrentVersion, bool CanAdjust, IReadOnlyList<BudgetAdjustmentView> Adjustments) : IVersioned;

/// <summary>A line of an adjustment: the amount it replaced (0 for a new line) and the new one.</summary>
public sealed record BudgetAdjustmentLineView(BudgetPurpose Purpose, Guid SourceId, string SourceName, decimal PreviousAmount, decimal Amount);

/// <summary>An adjustment of an approved budget (a version with its reason); <see cref="CanApprove"/> for the unit above, never its proposer.</summary>
public sealed record BudgetAdjustmentView(Guid Id, int Number, string Reason, BudgetAdjustmentStatus Status, string SubmittedBy, DateTime SubmittedAtUtc,
    string? DecidedBy, DateTime? DecidedAtUtc, IReadOnlyList<BudgetAdjustmentLineView> Lines, bool CanApprove, long Version) : IVersioned;

public sealed record BudgetListItem(Guid Id, Guid UnitId, string UnitName, int Year, BudgetStatus Status, decimal Total, int Lines, long Version);

/// <summary>One source's part of an allocation and what settlement gave back to its budget line.</summary>
public sealed record AllocationPartView(Guid SourceId, string SourceName, FundingSourceKind SourceKind, Guid BudgetLineId, decimal Amount, decimal Returned);

/// <summary>A disbursement tranche; <see cref="CanApprove"/> is false for its requester (four-eyes).</summary>
public sealed record TrancheView(Guid Id, Guid AllocationId, TrancheKind Kind, decimal Amount, string? Purpose, TrancheStatus Status, string RequestedBy,
    DateTime RequestedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc, string? VoucherNumber, DateOnly? PaidOn, string? PaidBy,
    string? RejectionReason, string? RejectedBy, bool CanApprove, long Version) : IVersioned;

/// <summary>
/// An entry of the ledger (append-only; a reversal or a closed year's correction names the transaction it takes back in
/// <see cref="ReversesTransactionId"/>, and the original names them back: every one in <see cref="ReversedBy"/>, oldest
/// first, with the year it was posted in and the amount it took back of this entry's source — a payment corrected in
/// parts lists each part; <see cref="ReversedByTransactionId"/> and <see cref="ReversedInYear"/> are the first of them).
/// <see cref="CanCorrect"/>: a payment of a closed year the caller may correct in the next open year;
/// <see cref="Uncorrected"/> (payments only): what of the payment no correction has taken back yet, the most a further
/// correction may take.
/// </summary>
public sealed record LedgerEntryView(Guid Id, Guid TransactionId, int Year, AccountKind Account, Guid AccountId, Guid SourceId, string SourceName,
    decimal Debit, decimal Credit, LedgerEvent Event, Guid DocumentId, Guid? ReversesTransactionId, string Memo, DateTime PostedAtUtc, string PostedBy,
    Guid? ReversedByTransactionId, int? ReversedInYear, bool CanCorrect, decimal? Uncorrected, IReadOnlyList<LedgerReversalView> ReversedBy);

/// <summary>A transaction that took back (part of) a ledger entry: a rejection, a closed year's correction; the amount of the entry's source it took back.</summary>
public sealed record LedgerReversalView(Guid TransactionId, int Year, LedgerEvent Event, decimal Amount);

/// <summary>A closed year's correction of a sponsor's receipt, posted in a later open year (<see cref="Year"/>) by its own transaction.</summary>
public sealed record ReceiptCorrectionView(Guid Id, Guid TransactionId, int Sequence, int Year, decimal Amount, string Reason, string CorrectedBy,
    DateTime CorrectedAtUtc);

/// <summary>
/// An allocation with its figures, all from the ledger: <see cref="Remaining"/> not yet requested, <see cref="Requested"/>
/// requested or approved but unpaid, <see cref="Paid"/> paid and not yet settled, <see cref="Spent"/> accepted at settlement.
/// </summary>
public sealed record AllocationDetail(Guid Id, Guid UnitId, string UnitName, int Year, Guid BudgetId, BudgetPurpose Purpose, AllocationTargetKind TargetKind,
    Guid? TargetId, string TargetLabel, Guid? ObligationId, AllocationStatus Status, decimal Amount, decimal Remaining, decimal Requested, decimal Paid,
    decimal Spent, decimal ReturnedUnspent, decimal ReturnedUnrequested, string? SettlementNote, string? SettledBy, DateTime? SettledAtUtc,
    IReadOnlyList<AllocationPartView> Parts, IReadOnlyList<TrancheView> Tranches, IReadOnlyList<LedgerEntryView> Ledger, string CreatedBy,
    bool CanManage, long Version) : IVersioned;

public sealed record AllocationListItem(Guid Id, Guid UnitId, string UnitName, int Year, BudgetPurpose Purpose, AllocationTargetKind TargetKind,
    string TargetLabel, AllocationStatus Status, decimal Amount, decimal Remaining, string Sources, long Version);

/// <summary>
/// Money a unit owes because of a Participation record — (<see cref="SourceKind"/>, <see cref="RecordId"/>): an
/// initiative, a research topic or a commendation proposal — and how much of it allocations fund so far.
/// <see cref="StillToBeFunded"/> is what is left to fund (0 once <see cref="State"/> is Withdrawn, with
/// <see cref="WithdrawnOn"/> and <see cref="WithdrawalReason"/>; what was funded stays in <see cref="Funded"/>).
/// </summary>
public sealed record ObligationView(Guid Id, Guid UnitId, string UnitName, ObligationSourceKind SourceKind, Guid RecordId, string Title, string CertificateNumber, DateOnly DecisionDate,
    string LegalBasis, decimal Total, decimal Funded, bool ToBeFunded, IReadOnlyList<ObligationYearView> Years, IReadOnlyList<Guid> AllocationIds,
    ObligationState State, decimal StillToBeFunded, DateOnly? WithdrawnOn, string? WithdrawalReason);

public sealed record ObligationYearView(int Year, DateOnly From, DateOnly To, decimal AuthorsTotal, decimal OrganisersMinimum);

