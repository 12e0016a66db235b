using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>
/// Proposes an adjustment of an approved budget — a new version with a reason and the new amounts of the lines it
/// changes (a new purpose × source adds a line) — for the unit above to approve. One pending adjustment at a time (409
/// <c>adjustment_pending</c>); the fiscal year must be open. Honours Idempotency-Key.
/// </summary>
public sealed record ProposeBudgetAdjustment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/budgets/{id}/adjustments";
    public Guid Id { get; init; }
    public string Reason { get; init; } = "";
    public IReadOnlyList<BudgetLineInput> Lines { get; init; } = [];
}

internal sealed class ProposeBudgetAdjustmentValidator : AbstractValidator<ProposeBudgetAdjustment>
{
    public ProposeBudgetAdjustmentValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000)
            .WithMessage(Localized.Text("Give the reason for the adjustment.", "Nêu lý do điều chỉnh dự toán."));
        RuleFor(x => x.Lines).NotEmpty().Must(l => l.Count <= 200);
        RuleForEach(x => x.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Purpose).IsInEnum();
            l.RuleFor(x => x.SourceId).NotEmpty();
            l.RuleFor(x => x.Amount).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi));
        });
    }
}

internal sealed class ProposeBudgetAdjustmentHandler(FinanceDbContext db, FinanceAccess access, Ledger ledger, TimeProvider clock)
    : Mediator.ICommandHandler<ProposeBudgetAdjustment, Guid>
{
    public async ValueTask<Guid> Handle(ProposeBudgetAdjustment c, CancellationToken ct)
    {
        var budget = await access.BudgetAsync(c.Id, ct, tracked: false);
        access.DemandManage(budget.UnitId);
        await ledger.RequireOpenYearAsync(budget.UnitId, budget.Year, ct);
        var numbers = await db.BudgetAdjustments.Where(a => a.BudgetId == budget.Id).Select(a => new { a.Number, a.Status }).ToListAsync(ct);
        if (numbers.Any(n => n.Status == BudgetAdjustmentStatus.Submitted))
            throw new BusinessRuleException("adjustment_pending", Localized.Text("An adjustment of this budget awaits approval already.",
                "Dự toán đang có một đề nghị điều chỉnh chờ phê duyệt."));
        await db.RequireOwnSourcesAsync(budget.UnitId, new LinesOnly { Lines = c.Lines }, ct);
        var adjustment = BudgetAdjustment.Propose(budget, numbers.Select(n => n.Number).DefaultIfEmpty(1).Max() + 1, c.Reason,
            c.Lines.Select(l => (l.Purpose, l.SourceId, l.Amount)).ToList(), access.Actor, clock.GetUtcNow().UtcDateTime);
        db.BudgetAdjustments.Add(adjustment);
        return budget.Id;
    }

    private sealed record LinesOnly : BudgetFields;
}

internal sealed class ProposeBudgetAdjustmentEndpoint(IMediator mediator) : CreatedEndpoint<ProposeBudgetAdjustment, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Post(ProposeBudgetAdjustment.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Propose an adjustment of an approved budget: a new version with a reason (honours Idempotency-Key; 409 adjustment_pending, budget_state, fiscal_year_closed)");
    }

    protected override IQuery<BudgetDetail> ReadBack(ProposeBudgetAdjustment command, Guid id) => new GetBudget { Id = id };
    protected override string Location(ProposeBudgetAdjustment command, Guid id) => GetBudget.For(id);
}
