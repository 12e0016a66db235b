using FastEndpoints;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Mediator;

namespace Khcn.Finance.Features.Budgets;

/// <summary>Submits a draft budget to the unit above for approval (If-Match).</summary>
public sealed record SubmitBudget : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/budgets/{id}/submit";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class SubmitBudgetHandler(FinanceDbContext db, FinanceAccess access, TimeProvider clock) : Mediator.ICommandHandler<SubmitBudget, Guid>
{
    public async ValueTask<Guid> Handle(SubmitBudget c, CancellationToken ct)
    {
        var budget = await access.BudgetAsync(c.Id, ct);
        access.DemandManage(budget.UnitId);
        Concurrency.GuardUpdate(db, budget, c.IfMatch);
        budget.Submit(access.Actor, clock.GetUtcNow().UtcDateTime);
        return budget.Id;
    }
}

internal sealed class SubmitBudgetEndpoint(IMediator mediator) : ChangedEndpoint<SubmitBudget, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Post(SubmitBudget.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Submit a draft budget to the unit above (If-Match; 409 budget_state, budget_empty)");
    }

    protected override IQuery<BudgetDetail> ReadBack(SubmitBudget command) => new GetBudget { Id = command.Id };
}
