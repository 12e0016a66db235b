using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Mediator;

namespace Khcn.Finance.Features.Budgets;

/// <summary>Replaces a draft budget's note and lines (If-Match).</summary>
public sealed record UpdateBudget : BudgetFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/budgets/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateBudgetValidator : AbstractValidator<UpdateBudget>
{
    public UpdateBudgetValidator() => this.AddBudgetRules();
}

internal sealed class UpdateBudgetHandler(FinanceDbContext db, FinanceAccess access) : Mediator.ICommandHandler<UpdateBudget, Guid>
{
    public async ValueTask<Guid> Handle(UpdateBudget c, CancellationToken ct)
    {
        var budget = await access.BudgetAsync(c.Id, ct);
        access.DemandManage(budget.UnitId);
        Concurrency.GuardUpdate(db, budget, c.IfMatch);
        await db.RequireOwnSourcesAsync(budget.UnitId, c, ct);
        budget.Edit(c.Note, c.ToLines());
        return budget.Id;
    }
}

internal sealed class UpdateBudgetEndpoint(IMediator mediator) : ChangedEndpoint<UpdateBudget, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateBudget.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Edit a draft budget's lines (If-Match; 409 budget_state)");
    }

    protected override IQuery<BudgetDetail> ReadBack(UpdateBudget command) => new GetBudget { Id = command.Id };
}
