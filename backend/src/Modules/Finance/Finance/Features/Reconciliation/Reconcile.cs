using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Reconciliation;

/// <summary>
/// Checks the money of the units in scope (one unit-year when given) against its invariants and lists every drift:
/// the ledger's debits equal its credits (in total and per transaction); per source and unit-year, the approved
/// budget equals what is allocated (net of settlement returns) plus what is unallocated (from the ledger); per
/// allocation, what is allocated equals what is disbursed plus what remains (from the ledger); and every balance row
/// equals its ledger account; per sponsor, its pledges equal its pledge account and its receipts (net of reversals)
/// its received account (in the year when one is given), and its outstanding balance row its receivable; per closed
/// year's correction (in the year it is posted in), its transaction takes back exactly what the original payment paid. Empty <see cref="ReconciliationReport.Drifts"/> means the books agree to the đồng.
/// </summary>
public sealed record Reconcile : IQuery<ReconciliationReport>
{
    public const string Route = "/api/v1/finance/reconciliation";
    public Guid? UnitId { get; init; }
    public int? Year { get; init; }
}

/// <summary>One invariant that does not hold: which check, on what, the figure expected and the one found.</summary>
public sealed record ReconciliationDrift(string Check, string Subject, Guid SubjectId, decimal Expected, decimal Actual);

/// <summary>A source's figures in a unit-year: approved = allocated + unallocated when nothing drifted.</summary>
public sealed record SourceReconciliation(Guid UnitId, string UnitName, int Year, Guid SourceId, string SourceName, FundingSourceKind Kind,
    decimal Approved, decimal Allocated, decimal Unallocated);

public sealed record ReconciliationReport(bool Balanced, decimal TotalDebits, decimal TotalCredits, int Transactions, int AllocationsChecked,
    IReadOnlyList<SourceReconciliation> Sources, IReadOnlyList<ReconciliationDrift> Drifts);

internal sealed class ReconcileHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<Reconcile, ReconciliationReport>
{
    public async ValueTask<ReconciliationReport> Handle(Reconcile query, CancellationToken ct)
    {
        var budgets = db.Budgets.AsNoTracking().Where(b => b.Status == BudgetStatus.Approved);
        var allocationsQ = db.Allocations.AsNoTracking();
        var entriesQ = db.LedgerEntries.AsNoTracking();
        if (query.UnitId is { } unitId)
        {
            budgets = budgets.Where(b => b.UnitId == unitId);
            allocationsQ = allocationsQ.Where(a => a.UnitId == unitId);
            entriesQ = entriesQ.Where(e => e.UnitId == unitId);
        }
        if (query.Year is { } year)
        {
            budgets = budgets.Where(b => b.Year == year);
            allocationsQ = allocationsQ.Where(a => a.Year == year);
            entriesQ = entriesQ.Where(e => e.Year == year);
        }
        // Sums in memory: exact decimal on every provider (SQLite keeps decimals as text).
        var lines = await db.BudgetLines.AsNoTracking().Join(budgets, l => l.BudgetId, b => b.Id, (l, b) => new { b.UnitId, b.Year, l.Id, l.SourceId, l.Amount })
            .ToListAsync(ct);
        var allocations = await allocationsQ.Include(a => a.Parts).ToListAsync(ct);
        var allocationIds = allocations.Select(a => a.Id).ToList();
        var tranches = await db.Tranches.AsNoTracking().Where(t => allocationIds.Contains(t.AllocationId))
            .Select(t => new { t.AllocationId, t.Amount, t.Status }).ToListAsync(ct);
        var entries = await entriesQ.Select(e => new { e.TransactionId, e.UnitId, e.Year, e.Account, e.AccountId, e.SourceId, e.Debit, e.Credit }).ToListAsync(ct);
        var balanceIds = lines.Select(l => l.Id).Concat(allocationIds).ToList();
        var balances = await db.Balances.AsNoTracking().Where(b => balanceIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Remaining, ct);
        var ledger = entries.GroupBy(e => (e.Account, e.AccountId)).ToDictionary(g => g.Key, g => g.Sum(e => e.Debit - e.Credit));
        decimal Account(AccountKind kind, Guid id) => ledger.GetValueOrDefault((kind, id));

        var drifts = new List<ReconciliationDrift>();
        var debits = entries.Sum(e => e.Debit);
        var credits = entries.Sum(e => e.Credit);
        if (debits != credits) drifts.Add(new("ledger_debits_equal_credits", "ledger", Guid.Empty, debits, credits));
        foreach (var tx in entries.GroupBy(e => e.TransactionId).Where(g => g.Sum(e => e.Debit) != g.Sum(e => e.Credit)))
            drifts.Add(new("transaction_balanced", "transaction", tx.Key, tx.Sum(e => e.Debit), tx.Sum(e => e.Credit)));

        foreach (var line in lines)
            if (balances.TryGetValue(line.Id, out var cached) && cached != Account(AccountKind.BudgetLine, line.Id))
                drifts.Add(new("budget_line_balance_equals_ledger", "budgetLine", line.Id, Account(AccountKind.BudgetLine, line.Id), cached));

        // Looked up, not scanned per row: the province-scale ledger has ~13,000 allocations and ~23,000 tranches.
        var byUnitYear = allocations.ToLookup(a => (a.UnitId, a.Year));
        var requested = tranches.Where(t => t.Status != TrancheStatus.Rejected).GroupBy(t => t.AllocationId).ToDictionary(g => g.Key, g => g.Sum(t => t.Amount));
        var sourceRows = new List<SourceReconciliation>();
        var sourceInfo = await db.FundingSources.AsNoTracking().Where(s => lines.Select(l => l.SourceId).Distinct().Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => new { s.Name, s.Kind }, ct);
        var names = await mediator.NamesAsync(lines.Select(l => l.UnitId), ct);
        foreach (var g in lines.GroupBy(l => (l.UnitId, l.Year, l.SourceId)))
        {
            var approved = g.Sum(l => l.Amount);
            var allocated = byUnitYear[(g.Key.UnitId, g.Key.Year)]
                .SelectMany(a => a.Parts).Where(p => p.SourceId == g.Key.SourceId).Sum(p => p.Amount - p.Returned);
            var unallocated = g.Sum(l => Account(AccountKind.BudgetLine, l.Id));
            var info = sourceInfo.GetValueOrDefault(g.Key.SourceId);
            sourceRows.Add(new(g.Key.UnitId, names.GetValueOrDefault(g.Key.UnitId, ""), g.Key.Year, g.Key.SourceId, info?.Name ?? "", info?.Kind ?? FundingSourceKind.Other,
                approved, allocated, unallocated));
            if (approved != allocated + unallocated)
                drifts.Add(new("approved_equals_allocated_plus_unallocated", "source", g.Key.SourceId, approved, allocated + unallocated));
        }

        foreach (var a in allocations)
        {
            var allocatedNet = a.Amount - a.ReturnedUnspent - a.ReturnedUnrequested;
            var disbursed = requested.GetValueOrDefault(a.Id) - a.ReturnedUnspent;
            var remaining = Account(AccountKind.Allocation, a.Id);
            if (allocatedNet != disbursed + remaining)
                drifts.Add(new("allocated_equals_disbursed_plus_remaining", "allocation", a.Id, allocatedNet, disbursed + remaining));
            if (balances.TryGetValue(a.Id, out var cached) && cached != remaining)
                drifts.Add(new("allocation_balance_equals_ledger", "allocation", a.Id, remaining, cached));
            if (a.Parts.Sum(p => p.Amount) != a.Amount)
                drifts.Add(new("allocation_parts_equal_amount", "allocation", a.Id, a.Amount, a.Parts.Sum(p => p.Amount)));
        }

        await SponsorsAsync(query, ledger, drifts, ct);
        await CorrectionsAsync(query, drifts, ct);

        return new ReconciliationReport(drifts.Count == 0, debits, credits, entries.Select(e => e.TransactionId).Distinct().Count(), allocations.Count,
            sourceRows.OrderBy(s => s.UnitName).ThenByDescending(s => s.Year).ThenBy(s => s.Kind).ToList(), drifts);
    }

    /// <summary>
    /// A closed year's correction (counted in the year it is posted in, when a year is given): its transaction takes back
    /// exactly what it records, and the corrections of one original together never take back more than it posted (a
    /// correction may be partial: Luật Kế toán 88/2015/QH13, Điều 27 khoản 1 điểm c). A payment's moves money from the closed
    /// year's allocation to the source's fund, never through a budget line or allocation balance row, so those invariants
    /// hold as they were and the closed year's figures never change; a sponsor receipt's moves it from received back to the
    /// receivable (checked with the sponsors').
    /// </summary>
    private async Task CorrectionsAsync(Reconcile query, List<ReconciliationDrift> drifts, CancellationToken ct)
    {
        var correctionsQ = db.ClosedYearCorrections.AsNoTracking();
        if (query.UnitId is { } unitId) correctionsQ = correctionsQ.Where(x => x.UnitId == unitId);
        if (query.Year is { } year) correctionsQ = correctionsQ.Where(x => x.Year == year);
        var corrections = await correctionsQ.Select(x => new { x.Id, x.TransactionId, x.OriginalTransactionId, x.Amount }).ToListAsync(ct);
        if (corrections.Count == 0) return;
        var originals = corrections.Select(x => x.OriginalTransactionId).Distinct().ToList();
        // Every correction of those originals, whichever year it is in: their sum is what is checked against the original.
        var ofOriginals = await db.ClosedYearCorrections.AsNoTracking().Where(x => originals.Contains(x.OriginalTransactionId))
            .Select(x => new { x.OriginalTransactionId, x.Amount }).ToListAsync(ct);
        var txIds = corrections.Select(x => x.TransactionId).Concat(originals).ToList();
        var entries = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Where(e => txIds.Contains(e.TransactionId))
            .Select(e => new { e.TransactionId, e.Account, e.Debit }).ToListAsync(ct);
        foreach (var x in corrections)
        {
            var posted = entries.Where(e => e.TransactionId == x.TransactionId).Sum(e => e.Debit);
            if (posted != x.Amount) drifts.Add(new("closed_year_correction_posted", "correction", x.Id, x.Amount, posted));
        }
        foreach (var original in originals)
        {
            var posted = ClosedYearCorrectionRules.Posted(entries.Where(e => e.TransactionId == original).Select(e => e.Debit));
            var corrected = ofOriginals.Where(x => x.OriginalTransactionId == original).Sum(x => x.Amount);
            if (corrected > posted) drifts.Add(new("closed_year_corrections_within_original", "transaction", original, posted, corrected));
        }
    }

    /// <summary>
    /// The sponsors' invariants: pledged and received as recorded (receipts less reversals and closed-year corrections) equal
    /// the ledger; the outstanding balance row equals the receivable.
    /// </summary>
    private async Task SponsorsAsync(Reconcile query, Dictionary<(AccountKind, Guid), decimal> ledger, List<ReconciliationDrift> drifts, CancellationToken ct)
    {
        var pledgesQ = db.SponsorPledges.AsNoTracking();
        var receiptsQ = db.SponsorReceipts.AsNoTracking();
        var sponsorsQ = db.FundingSources.AsNoTracking().Where(s => s.Kind == FundingSourceKind.Sponsor);
        if (query.UnitId is { } unitId)
        {
            pledgesQ = pledgesQ.Where(p => p.UnitId == unitId);
            receiptsQ = receiptsQ.Where(r => r.UnitId == unitId);
            sponsorsQ = sponsorsQ.Where(s => s.UnitId == unitId);
        }
        var pledges = await pledgesQ.Select(p => new { p.SourceId, p.Amount, p.PledgedOn }).ToListAsync(ct);
        var receipts = await receiptsQ.Select(r => new { r.Id, r.SourceId, r.Amount, r.ReceivedOn, r.ReversesReceiptId }).ToListAsync(ct);
        // A closed year's receipt corrected in a later year: the correction counts in the year it is posted in.
        var receiptIds = receipts.Select(r => r.Id).ToList();
        var corrections = await db.ClosedYearCorrections.AsNoTracking().Where(x => receiptIds.Contains(x.DocumentId))
            .Select(x => new { x.DocumentId, x.Year, x.Amount }).ToListAsync(ct);
        var sourceOf = receipts.ToDictionary(r => r.Id, r => r.SourceId);
        if (query.Year is { } year)
        {
            pledges = pledges.Where(p => p.PledgedOn.Year == year).ToList();
            receipts = receipts.Where(r => r.ReceivedOn.Year == year).ToList();
            corrections = corrections.Where(x => x.Year == year).ToList();
        }
        var sponsorIds = await sponsorsQ.Select(s => s.Id).ToListAsync(ct);
        var outstanding = await db.Balances.AsNoTracking().Where(b => sponsorIds.Contains(b.Id) && b.Kind == AccountKind.SponsorReceivable)
            .ToDictionaryAsync(b => b.Id, b => b.Remaining, ct);
        foreach (var id in sponsorIds)
        {
            var pledged = pledges.Where(p => p.SourceId == id).Sum(p => p.Amount);
            var pledgeAccount = -ledger.GetValueOrDefault((AccountKind.SponsorPledge, id));
            if (pledged != pledgeAccount) drifts.Add(new("sponsor_pledged_equals_ledger", "source", id, pledged, pledgeAccount));
            var received = receipts.Where(r => r.SourceId == id).Sum(r => r.ReversesReceiptId is null ? r.Amount : -r.Amount)
                           - corrections.Where(x => sourceOf[x.DocumentId] == id).Sum(x => x.Amount);
            var receivedAccount = ledger.GetValueOrDefault((AccountKind.SponsorReceived, id));
            if (received != receivedAccount) drifts.Add(new("sponsor_received_equals_receipts", "source", id, received, receivedAccount));
            // The balance row spans every year: checked when the whole history is (no year given).
            if (query.Year is null && outstanding.TryGetValue(id, out var cached) && cached != ledger.GetValueOrDefault((AccountKind.SponsorReceivable, id)))
                drifts.Add(new("sponsor_outstanding_balance_equals_ledger", "source", id, ledger.GetValueOrDefault((AccountKind.SponsorReceivable, id)), cached));
        }
    }
}

internal sealed class ReconcileEndpoint(IMediator mediator) : Endpoint<Reconcile, ReconciliationReport>
{
    public override void Configure()
    {
        Get(Reconcile.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "Reconcile the books of the units in scope: the invariants and every drift (empty when they agree to the đồng)");
    }

    public override async Task HandleAsync(Reconcile req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
