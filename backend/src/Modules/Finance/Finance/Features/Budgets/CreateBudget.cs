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

/// <summary>Drafts a unit's budget (dự toán) for a year, opening the fiscal year when the unit has not yet.</summary>
public sealed record CreateBudget : BudgetFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/finance/budgets";
    public Guid UnitId { get; init; }
    public int Year { get; init; }
}

internal sealed class CreateBudgetValidator : AbstractValidator<CreateBudget>
{
    public CreateBudgetValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(FiscalYearRules.FirstYear, 2100);
        this.AddBudgetRules();
    }
}

internal sealed class CreateBudgetHandler(FinanceDbContext db, FinanceAccess access) : Mediator.ICommandHandler<CreateBudget, Guid>
{
    public async ValueTask<Guid> Handle(CreateBudget c, CancellationToken ct)
    {
        access.DemandManage(c.UnitId);
        var year = await db.FiscalYears.FirstOrDefaultAsync(f => f.UnitId == c.UnitId && f.Year == c.Year, ct);
        if (year is { Status: FiscalYearStatus.Closed }) throw FiscalYearRules.Closed(c.Year);
        if (year is null) db.FiscalYears.Add(FiscalYear.Open(c.UnitId, c.Year));
        if (await db.Budgets.AnyAsync(b => b.UnitId == c.UnitId && b.Year == c.Year, ct))
            throw new BusinessRuleException("budget_exists", Localized.Text("The unit has a budget for this year already: edit it.",
                "Đơn vị đã có dự toán năm này: hãy sửa dự toán đó."));
        await db.RequireOwnSourcesAsync(c.UnitId, c, ct);
        var budget = Budget.Draft(c.UnitId, c.Year, c.Note, c.ToLines(), access.Actor);
        db.Budgets.Add(budget);
        return budget.Id;
    }
}

internal sealed class CreateBudgetEndpoint(IMediator mediator) : CreatedEndpoint<CreateBudget, BudgetDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateBudget.Route);
        Policies(Permission.FinanceManage);
        Summary(s => s.Summary = "Draft a unit's budget for a year: lines per purpose × source (honours Idempotency-Key; 409 budget_exists, fiscal_year_closed)");
    }

    protected override IQuery<BudgetDetail> ReadBack(CreateBudget command, Guid id) => new GetBudget { Id = id };
    protected override string Location(CreateBudget command, Guid id) => GetBudget.For(id);
}
