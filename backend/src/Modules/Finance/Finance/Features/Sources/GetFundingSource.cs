using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Sources;

/// <summary>
/// A funding source; for a sponsor, its money from the ledger: pledged, received, outstanding (pledged − received),
/// what its allocations draw (net of settlement returns) and how much of that is not yet covered by receipts, with
/// its pledges and receipts (reversals listed beside the receipts they take back, a closed year's receipt with its
/// corrections into later years). 404 outside the caller's scope.
/// </summary>
public sealed record GetFundingSource : IQuery<FundingSourceDetail>
{
    public const string Route = "/api/v1/finance/sources/{id}";
    public static string For(Guid id) => $"/api/v1/finance/sources/{id}";
    public Guid Id { get; init; }
}

public sealed record SponsorPledgeView(Guid Id, decimal Amount, DateOnly PledgedOn, string? Note, string RecordedBy, DateTime RecordedAtUtc);

/// <summary>
/// A receipt, or (<see cref="ReversesReceiptId"/> set) the reversal of one; <see cref="ReversedByReceiptId"/> on a receipt
/// that was reversed. A receipt of a closed year lists its <see cref="Corrections"/> into later years (each part, oldest
/// first), what of it is still <see cref="Uncorrected"/>, and <see cref="CanCorrect"/> when the caller may correct it.
/// </summary>
public sealed record SponsorReceiptView(Guid Id, decimal Amount, DateOnly ReceivedOn, string VoucherNumber, string? Note, Guid? ReversesReceiptId,
    Guid? ReversedByReceiptId, string RecordedBy, DateTime RecordedAtUtc, IReadOnlyList<ReceiptCorrectionView> Corrections, decimal Uncorrected,
    bool CanCorrect);

/// <summary>A sponsor's money; every figure from the ledger. <see cref="AllocatedBeyondReceived"/> &gt; 0 flags allocations not yet covered by receipts.</summary>
public sealed record SponsorFundsView(decimal Pledged, decimal Received, decimal Outstanding, decimal Allocated, decimal AllocatedBeyondReceived,
    IReadOnlyList<SponsorPledgeView> Pledges, IReadOnlyList<SponsorReceiptView> Receipts);

public sealed record FundingSourceDetail(FundingSourceView Source, SponsorFundsView? Sponsor);

internal sealed class GetFundingSourceHandler(FinanceDbContext db, Ledger ledger, FinanceAccess access, IMediator mediator) : IQueryHandler<GetFundingSource, FundingSourceDetail>
{
    public async ValueTask<FundingSourceDetail> Handle(GetFundingSource query, CancellationToken ct)
    {
        var view = await mediator.Send(new ListFundingSources.ById(query.Id), ct);
        if (view.Kind != FundingSourceKind.Sponsor) return new FundingSourceDetail(view, null);

        var sponsorAccounts = new[] { AccountKind.SponsorPledge, AccountKind.SponsorReceivable, AccountKind.SponsorReceived };
        // Sums in memory: exact decimal on every provider (SQLite keeps decimals as text).
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.AccountId == view.Id && sponsorAccounts.Contains(e.Account))
            .Select(e => new { e.Account, e.Debit, e.Credit }).ToListAsync(ct);
        decimal Balance(AccountKind kind) => entries.Where(e => e.Account == kind).Sum(e => e.Debit - e.Credit);
        // Allocated: what allocations draw from the sponsor net of settlement returns, from the ledger — the same figure the
        // allocation rule checks (Ledger.SponsorMoneyAsync), not the allocation parts' cache.
        var (received, allocated) = await ledger.SponsorMoneyAsync(view.Id, ct);

        var pledges = await db.SponsorPledges.AsNoTracking().Where(p => p.SourceId == view.Id).OrderBy(p => p.PledgedOn).ThenBy(p => p.Id).ToListAsync(ct);
        var receipts = await db.SponsorReceipts.AsNoTracking().Where(r => r.SourceId == view.Id).OrderBy(r => r.ReceivedOn).ThenBy(r => r.Id).ToListAsync(ct);
        var reversedBy = receipts.Where(r => r.ReversesReceiptId is not null).ToDictionary(r => r.ReversesReceiptId!.Value, r => r.Id);
        var receiptIds = receipts.Select(r => r.Id).ToList();
        var corrections = (await db.ClosedYearCorrections.AsNoTracking().Where(x => receiptIds.Contains(x.DocumentId)).ToListAsync(ct))
            .OrderBy(x => x.Sequence).ToLookup(x => x.DocumentId);
        var closedYears = (await db.FiscalYears.AsNoTracking().Where(f => f.UnitId == view.UnitId && f.Status == FiscalYearStatus.Closed)
            .Select(f => f.Year).ToListAsync(ct)).ToHashSet();
        var mayManage = access.MayManage(view.UnitId);
        SponsorReceiptView Receipt(SponsorReceipt r)
        {
            var parts = corrections[r.Id].Select(x => new ReceiptCorrectionView(x.Id, x.TransactionId, x.Sequence, x.Year, x.Amount, x.Reason, x.CorrectedBy,
                x.CorrectedAtUtc)).ToList();
            var reversal = reversedBy.TryGetValue(r.Id, out var by) ? by : (Guid?)null;
            var uncorrected = r.IsReversal || reversal is not null ? 0 : r.Amount - parts.Sum(x => x.Amount);
            var canCorrect = mayManage && uncorrected > 0 && closedYears.Contains(r.ReceivedOn.Year);
            return new SponsorReceiptView(r.Id, r.Amount, r.ReceivedOn, r.VoucherNumber, r.Note, r.ReversesReceiptId, reversal, r.RecordedBy, r.CreatedAtUtc,
                parts, uncorrected, canCorrect);
        }
        return new FundingSourceDetail(view, new SponsorFundsView(-Balance(AccountKind.SponsorPledge), received, Balance(AccountKind.SponsorReceivable),
            allocated, Math.Max(0, allocated - received),
            pledges.Select(p => new SponsorPledgeView(p.Id, p.Amount, p.PledgedOn, p.Note, p.RecordedBy, p.CreatedAtUtc)).ToList(),
            receipts.Select(Receipt).ToList()));
    }
}

internal sealed class GetFundingSourceEndpoint(IMediator mediator) : Endpoint<GetFundingSource, FundingSourceDetail>
{
    public override void Configure()
    {
        Get(GetFundingSource.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "A funding source; for a sponsor its pledged, received and outstanding money (from the ledger), its pledges and receipts");
    }

    public override async Task HandleAsync(GetFundingSource req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
