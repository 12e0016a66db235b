using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Statements;

/// <summary>
/// The funding statement of a research topic: every allocation in scope whose target is the topic (the topic id from
/// Participation), and for each, every đồng by source — allocated, not yet requested, requested and unpaid, paid,
/// spent at settlement, returned to the budget line — and by tranche with its split per source. Every figure is read
/// from the ledger, so that per source allocated = remaining + requested + (paid − returned unspent) + returned
/// unrequested, i.e. allocated = remaining + requested + held + spent + returned + corrected (a closed year's payment
/// taken back in a later year, <see cref="Domain.ClosedYearCorrection"/>). 404 when no allocation in scope funds it.
/// </summary>
public sealed record GetTopicFundingStatement : IQuery<TopicFundingStatement>
{
    public const string Route = "/api/v1/finance/topics/{topicId}/funding-statement";
    public static string For(Guid topicId) => $"/api/v1/finance/topics/{topicId}/funding-statement";
    public Guid TopicId { get; init; }
}

/// <summary>
/// What one source did for the topic (or for one allocation of it), exact VND from the ledger: Allocated; Remaining
/// (allocated, not yet requested); Requested (requested or approved, not yet paid); Paid (paid out by tranches,
/// cumulative); Held (paid, not yet settled); Spent (accepted at settlement); Returned (given back to the budget line
/// at settlement, unspent and never requested); Corrected (a closed year's payment taken back to the source's fund in a
/// later open year).
/// </summary>
public sealed record StatementSource(Guid SourceId, string SourceName, FundingSourceKind Kind, decimal Allocated, decimal Remaining, decimal Requested,
    decimal Paid, decimal Held, decimal Spent, decimal Returned, decimal Corrected);

/// <summary>One source's share of a tranche (as the ledger split it when it was requested).</summary>
public sealed record StatementShare(Guid SourceId, string SourceName, decimal Amount);

public sealed record StatementTranche(Guid Id, TrancheKind Kind, TrancheStatus Status, decimal Amount, DateTime RequestedAtUtc, string RequestedBy,
    string? ApprovedBy, string? VoucherNumber, DateOnly? PaidOn, IReadOnlyList<StatementShare> Shares);

public sealed record StatementAllocation(Guid Id, Guid UnitId, string UnitName, int Year, AllocationStatus Status, string TargetLabel, decimal Amount,
    IReadOnlyList<StatementSource> Sources, IReadOnlyList<StatementTranche> Tranches);

/// <summary>A research topic's funding: totals by source over its allocations, then each allocation with its tranches.</summary>
public sealed record TopicFundingStatement(Guid TopicId, string Title, decimal Allocated, decimal Remaining, decimal Requested, decimal Paid, decimal Held,
    decimal Spent, decimal Returned, IReadOnlyList<StatementSource> Sources, IReadOnlyList<StatementAllocation> Allocations, decimal Corrected);

internal sealed class GetTopicFundingStatementHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<GetTopicFundingStatement, TopicFundingStatement>
{
    public async ValueTask<TopicFundingStatement> Handle(GetTopicFundingStatement query, CancellationToken ct)
    {
        var allocations = await db.Allocations.AsNoTracking().Include(a => a.Parts)
            .Where(a => a.TargetKind == AllocationTargetKind.ResearchTopic && a.TargetId == query.TopicId)
            .OrderBy(a => a.Year).ThenBy(a => a.Id).ToListAsync(ct);
        if (allocations.Count == 0) throw new NotFoundException(Localized.Text("Research topic funding", "kinh phí đề tài"), query.TopicId);
        var allocationIds = allocations.Select(a => a.Id).ToList();
        var tranches = await db.Tranches.AsNoTracking().Where(t => allocationIds.Contains(t.AllocationId)).OrderBy(t => t.RequestedAtUtc).ToListAsync(ct);
        var documents = tranches.Select(t => t.Id).Concat(allocationIds).ToList();
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => documents.Contains(e.DocumentId))
            .Select(e => new { e.Account, e.AccountId, e.SourceId, e.Debit, e.Credit, e.Event, e.DocumentId }).ToListAsync(ct);
        var sourceIds = allocations.SelectMany(a => a.Parts).Select(p => p.SourceId).Distinct().ToList();
        var sources = await db.FundingSources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => new { s.Name, s.Kind }, ct);
        var names = await mediator.NamesAsync(allocations.Select(a => a.UnitId), ct);
        string SourceName(Guid id) => sources.GetValueOrDefault(id)?.Name ?? "";

        var views = allocations.Select(a =>
        {
            var mine = tranches.Where(t => t.AllocationId == a.Id).ToList();
            var trancheIds = mine.Select(t => t.Id).ToHashSet();
            var rows = a.Parts.OrderByDescending(p => p.Amount).Select(p =>
            {
                var of = entries.Where(e => e.SourceId == p.SourceId).ToList();
                decimal Balance(AccountKind kind, Func<Guid, bool> account) => of.Where(e => e.Account == kind && account(e.AccountId)).Sum(e => e.Debit - e.Credit);
                var allocated = of.Where(e => e.Event == LedgerEvent.Allocated && e.Account == AccountKind.Allocation && e.AccountId == a.Id).Sum(e => e.Debit);
                var paid = of.Where(e => e.Event == LedgerEvent.TranchePaid && e.Account == AccountKind.Disbursed && e.AccountId == a.Id).Sum(e => e.Debit);
                var returned = of.Where(e => e.Event == LedgerEvent.SettlementReturned && e.Account == AccountKind.BudgetLine && e.DocumentId == a.Id).Sum(e => e.Debit);
                var corrected = of.Where(e => e.Event == LedgerEvent.ClosedYearCorrected && e.Account == AccountKind.Source).Sum(e => e.Debit);
                return new StatementSource(p.SourceId, SourceName(p.SourceId), sources.GetValueOrDefault(p.SourceId)?.Kind ?? FundingSourceKind.Other, allocated,
                    Balance(AccountKind.Allocation, id => id == a.Id), Balance(AccountKind.Payable, trancheIds.Contains), paid,
                    Balance(AccountKind.Disbursed, id => id == a.Id), Balance(AccountKind.Spent, id => id == a.Id), returned, corrected);
            }).ToList();
            var trancheRows = mine.Select(t => new StatementTranche(t.Id, t.Kind, t.Status, t.Amount, t.RequestedAtUtc, t.RequestedBy, t.ApprovedBy, t.VoucherNumber,
                t.PaidOn, entries.Where(e => e.DocumentId == t.Id && e.Event == LedgerEvent.TrancheRequested && e.Account == AccountKind.Payable)
                    .GroupBy(e => e.SourceId).Select(g => new StatementShare(g.Key, SourceName(g.Key), g.Sum(e => e.Debit))).OrderByDescending(s => s.Amount).ToList())).ToList();
            return new StatementAllocation(a.Id, a.UnitId, names.GetValueOrDefault(a.UnitId, ""), a.Year, a.Status, a.TargetLabel, a.Amount, rows, trancheRows);
        }).ToList();

        var totals = views.SelectMany(v => v.Sources).GroupBy(s => s.SourceId).Select(g => new StatementSource(g.Key, g.First().SourceName, g.First().Kind,
            g.Sum(s => s.Allocated), g.Sum(s => s.Remaining), g.Sum(s => s.Requested), g.Sum(s => s.Paid), g.Sum(s => s.Held), g.Sum(s => s.Spent),
            g.Sum(s => s.Returned), g.Sum(s => s.Corrected))).OrderByDescending(s => s.Allocated).ToList();
        return new TopicFundingStatement(query.TopicId, allocations[^1].TargetLabel, totals.Sum(s => s.Allocated), totals.Sum(s => s.Remaining),
            totals.Sum(s => s.Requested), totals.Sum(s => s.Paid), totals.Sum(s => s.Held), totals.Sum(s => s.Spent), totals.Sum(s => s.Returned), totals, views,
            totals.Sum(s => s.Corrected));
    }
}

internal sealed class GetTopicFundingStatementEndpoint(IMediator mediator) : Endpoint<GetTopicFundingStatement, TopicFundingStatement>
{
    public override void Configure()
    {
        Get(GetTopicFundingStatement.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "The funding statement of a research topic: every đồng by source and tranche, from the ledger (404 when no allocation in scope funds it)");
    }

    public override async Task HandleAsync(GetTopicFundingStatement req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
