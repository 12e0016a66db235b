using FastEndpoints;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;

namespace Khcn.Finance.Features.Budgets;

/// <summary>
/// Approves a submitted budget — by the finance officer of the unit ABOVE (403 for the unit itself) — and posts every
/// line to the ledger (source → budget line), opening the line's balance. Requires Idempotency-Key and If-Match.
/// </summary>
public sealed record ApproveBudget : Mediator.ICommand<Guid>, IMovesMoney
{
    public const string Route = "/api/v1/finance/budgets/{id}/approve";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class ApproveBudgetHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock) : Mediator.ICommandHandler<ApproveBudget, Guid>
{
    public async ValueTask<Guid> Handle(ApproveBudget c, CancellationToken ct)
    {
        await ledger.BeginAsync(ct);
        var budget = await access.BudgetAsync(c.Id, ct);
        Concurrency.GuardUpdate(db, budget, c.IfMatch);
        var (acts, _) = await access.ApprovesBudgetsOfAsync(budget.UnitId, ct);
        await ledger.RequireOpenYearAsync(budget.UnitId, budget.Year, ct);
        budget.Approve(access.Actor, acts, clock.GetUtcNow().UtcDateTime);
        foreach (var line in budget.Lines)
        {
            ledger.Post(budget.UnitId, budget.Year, LedgerEvent.BudgetApproved, budget.Id, $"Dự toán {budget.Year}: {line.Purpose}", access.Actor,
                [new Movement(line.SourceId, line.Amount, AccountKind.Source, line.SourceId, AccountKind.BudgetLine, line.Id)]);
            db.Balances.Add(Balance.Open(line.Id, AccountKind.BudgetLine, budget.UnitId, line.Amount));
        }
        return budget.Id;
    }
}

internal sealed class ApproveBudgetEndpoint(IMediator mediator) : ChangedEndpoint<ApproveBudget, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Post(ApproveBudget.Route);
        Policies(Permission.FinanceApprove);
        Summary(s => s.Summary = "Approve a submitted budget as the unit above; posts its lines to the ledger (Idempotency-Key required; If-Match; 403 for the unit itself; 409 budget_state, fiscal_year_closed)");
    }

    protected override IQuery<BudgetDetail> ReadBack(ApproveBudget command) => new GetBudget { Id = command.Id };
}
