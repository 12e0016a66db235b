using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Allocations;

/// <summary>An allocation with its sources, tranches and ledger; every figure derives from the ledger.</summary>
public sealed record GetAllocation : IQuery<AllocationDetail>
{
    public const string Route = "/api/v1/finance/allocations/{id}";
    public static string For(Guid id) => $"/api/v1/finance/allocations/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetAllocationHandler(FinanceDbContext db, FinanceAccess access, IMediator mediator) : IQueryHandler<GetAllocation, AllocationDetail>
{
    public async ValueTask<AllocationDetail> Handle(GetAllocation query, CancellationToken ct)
    {
        var a = await access.AllocationAsync(query.Id, ct, tracked: false);
        var tranches = await db.Tranches.AsNoTracking().Where(t => t.AllocationId == a.Id).OrderBy(t => t.RequestedAtUtc).ToListAsync(ct);
        var documents = tranches.Select(t => t.Id).Append(a.Id).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => documents.Contains(e.DocumentId)).OrderBy(e => e.PostedAtUtc).ThenBy(e => e.Id).ToListAsync(ct);
        var sourceIds = a.Parts.Select(p => p.SourceId).ToList();
        var sources = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var names = await mediator.NamesAsync([a.UnitId], ct);
        var trancheIds = tranches.Select(t => t.Id).ToHashSet();
        // Each taken-back transaction and every transaction that took (part of) it back — a rejection, a closed year's
        // correction, several when corrected in parts — oldest first, shown on both sides.
        var reversals = entries.Where(e => e.ReversesTransactionId is not null).GroupBy(e => e.ReversesTransactionId!.Value)
            .ToDictionary(g => g.Key, g => g.GroupBy(e => e.TransactionId).Select(t => t.ToList()).ToList());
        List<LedgerReversalView> ReversedBy(LedgerEntry e) => reversals.GetValueOrDefault(e.TransactionId)?
            .Select(t => new LedgerReversalView(t[0].TransactionId, t[0].Year, t[0].Event, t.Where(x => x.SourceId == e.SourceId).Sum(x => x.Debit)))
            .ToList() ?? [];
        // A closed year's payment may be corrected in parts: what each still has uncorrected (paid less what its corrections took back).
        var reversedOrdinarily = entries.Where(e => e.ReversesTransactionId is not null && e.Event != LedgerEvent.ClosedYearCorrected)
            .Select(e => e.ReversesTransactionId!.Value).ToHashSet();
        var uncorrected = entries.Where(e => ClosedYearCorrectionRules.Corrects(e.Event)).GroupBy(e => e.TransactionId).ToDictionary(g => g.Key,
            g => g.Where(e => e.Account == AccountKind.Disbursed).Sum(e => e.Debit)
                 - entries.Where(x => x.ReversesTransactionId == g.Key && x.Event == LedgerEvent.ClosedYearCorrected && x.Account == AccountKind.Source).Sum(x => x.Debit));
        var closedYears = (await db.FiscalYears.AsNoTracking().Where(f => f.UnitId == a.UnitId && f.Status == FiscalYearStatus.Closed)
            .Select(f => f.Year).ToListAsync(ct)).ToHashSet();
        var mayManage = access.MayManage(a.UnitId);
        decimal BalanceOf(Func<LedgerEntry, bool> account) => entries.Where(account).Sum(e => e.Debit - e.Credit);
        var remaining = BalanceOf(e => e.Account == AccountKind.Allocation && e.AccountId == a.Id);
        var requested = BalanceOf(e => e.Account == AccountKind.Payable && trancheIds.Contains(e.AccountId));
        var paid = BalanceOf(e => e.Account == AccountKind.Disbursed && e.AccountId == a.Id);
        var spent = BalanceOf(e => e.Account == AccountKind.Spent && e.AccountId == a.Id);
        return new AllocationDetail(a.Id, a.UnitId, names.GetValueOrDefault(a.UnitId, ""), a.Year, a.BudgetId, a.Purpose, a.TargetKind, a.TargetId,
            a.TargetLabel, a.ObligationId, a.Status, a.Amount, remaining, requested, paid, spent, a.ReturnedUnspent, a.ReturnedUnrequested,
            a.SettlementNote, a.SettledBy, a.SettledAtUtc,
            a.Parts.OrderByDescending(p => p.Amount).Select(p => new AllocationPartView(p.SourceId, sources.GetValueOrDefault(p.SourceId)?.Name ?? "",
                sources.GetValueOrDefault(p.SourceId)?.Kind ?? FundingSourceKind.Other, p.BudgetLineId, p.Amount, p.Returned)).ToList(),
            tranches.Select(t => TrancheViews.View(t, access)).ToList(),
            entries.Select(e =>
            {
                var reversedBy = ReversedBy(e);
                var left = uncorrected.GetValueOrDefault(e.TransactionId);
                var canCorrect = mayManage && left > 0 && !reversedOrdinarily.Contains(e.TransactionId) && closedYears.Contains(e.Year);
                return new LedgerEntryView(e.Id, e.TransactionId, e.Year, e.Account, e.AccountId, e.SourceId, sources.GetValueOrDefault(e.SourceId)?.Name ?? "",
                    e.Debit, e.Credit, e.Event, e.DocumentId, e.ReversesTransactionId, e.Memo, e.PostedAtUtc, e.PostedBy,
                    reversedBy.FirstOrDefault()?.TransactionId, reversedBy.FirstOrDefault()?.Year, canCorrect,
                    ClosedYearCorrectionRules.Corrects(e.Event) ? left : null, reversedBy);
            }).ToList(),
            a.CreatedBy, access.MayManage(a.UnitId), a.Version);
    }
}

internal sealed class GetAllocationEndpoint(IMediator mediator) : Endpoint<GetAllocation, AllocationDetail>
{
    public override void Configure()
    {
        Get(GetAllocation.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "Get an allocation with its sources, tranches and ledger entries");
    }

    public override async Task HandleAsync(GetAllocation req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
