using FastEndpoints;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features.Allocations;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>
/// Approves a budget adjustment as the unit above (403 for the unit itself; 409 <c>four_eyes</c> for its proposer): the
/// budget takes the new amounts as its new version, the old amounts stay on the adjustment, and the ledger gets the
/// differences — a rise moves source → budget line, a cut moves budget line → source and never takes more than the
/// line has unallocated (409 <c>budget_line_remainder_exceeded</c> with <c>remaining</c>). Requires Idempotency-Key and
/// If-Match (the adjustment's version).
/// </summary>
public sealed record ApproveBudgetAdjustment : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/budgets/{id}/adjustments/{adjustmentId}/approve";
    public Guid Id { get; init; }
    public Guid AdjustmentId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class ApproveBudgetAdjustmentHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<ApproveBudgetAdjustment, Guid>
{
    public async ValueTask<Guid> Handle(ApproveBudgetAdjustment c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var budget = await access.BudgetAsync(c.Id, ct);
        var adjustment = await db.BudgetAdjustments.Include(a => a.Lines).FirstOrDefaultAsync(a => a.Id == c.AdjustmentId && a.BudgetId == budget.Id, ct)
                         ?? throw new NotFoundException(Localized.Text("Budget adjustment", "điều chỉnh dự toán"), c.AdjustmentId);
        Concurrency.GuardUpdate(db, adjustment, c.IfMatch);
        var (acts, _) = await access.ApprovesBudgetsOfAsync(budget.UnitId, ct);
        await ledger.RequireOpenYearAsync(budget.UnitId, budget.Year, ct);
        var existing = budget.Lines.Select(l => l.Id).ToHashSet();
        adjustment.Approve(budget, access.Actor, acts, clock.GetUtcNow().UtcDateTime);

        var names = await db.FundingSources.IgnoreQueryFilters().Where(s => adjustment.Lines.Select(l => l.SourceId).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var memo = $"Điều chỉnh dự toán {budget.Year} (phiên bản {adjustment.Number}): {adjustment.Reason}";
        var movements = new List<Movement>();
        // Cuts first, in a fixed order, each a conditional draw on the line's balance (never below what is allocated).
        foreach (var change in adjustment.Lines.Where(l => l.Difference < 0).OrderBy(l => l.Purpose).ThenBy(l => l.SourceId))
        {
            var line = budget.Lines.Single(l => l.Purpose == change.Purpose && l.SourceId == change.SourceId);
            await ledger.TakeAsync(line.Id, -change.Difference, left => AllocationProblems.BudgetLineShort(change.SourceId, names.GetValueOrDefault(change.SourceId, ""), left), ct);
            movements.Add(new Movement(change.SourceId, -change.Difference, AccountKind.BudgetLine, line.Id, AccountKind.Source, change.SourceId));
        }
        foreach (var change in adjustment.Lines.Where(l => l.Difference > 0))
        {
            var line = budget.Lines.Single(l => l.Purpose == change.Purpose && l.SourceId == change.SourceId);
            if (existing.Contains(line.Id)) await ledger.GiveAsync(line.Id, change.Difference, ct);
            else db.Balances.Add(Balance.Open(line.Id, AccountKind.BudgetLine, budget.UnitId, change.Difference));
            movements.Add(new Movement(change.SourceId, change.Difference, AccountKind.Source, change.SourceId, AccountKind.BudgetLine, line.Id));
        }
        ledger.Post(budget.UnitId, budget.Year, LedgerEvent.BudgetAdjusted, adjustment.Id, memo.Length <= 500 ? memo : memo[..500], access.Actor, movements);
        return budget.Id;
    }
}

internal sealed class ApproveBudgetAdjustmentEndpoint(IMediator mediator) : ChangedEndpoint<ApproveBudgetAdjustment, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Post(ApproveBudgetAdjustment.Route);
        Policies(Permission.FinanceApprove);
        Summary(s => s.Summary = "Approve a budget adjustment as the unit above: the new version takes effect, the differences post to the ledger (Idempotency-Key required; If-Match; 403 for the unit itself; 409 four_eyes, adjustment_state, budget_line_remainder_exceeded, fiscal_year_closed)");
    }

    protected override IQuery<BudgetDetail> ReadBack(ApproveBudgetAdjustment command) => new GetBudget { Id = command.Id };
}
