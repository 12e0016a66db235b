using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Budgets;

/// <summary>A line of a budget being drafted: a purpose funded by one of the unit's sources, in whole đồng.</summary>
public sealed record BudgetLineInput(BudgetPurpose Purpose, Guid SourceId, decimal Amount);

/// <summary>What a budget draft holds.</summary>
public abstract record BudgetFields
{
    public string? Note { get; init; }
    public IReadOnlyList<BudgetLineInput> Lines { get; init; } = [];
}

internal static class BudgetFieldRules
{
    public static void AddBudgetRules<T>(this AbstractValidator<T> v) where T : BudgetFields
    {
        v.RuleFor(x => x.Note).MaximumLength(2000);
        v.RuleFor(x => x.Lines).Must(l => l.Count <= 200);
        v.RuleForEach(x => x.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Purpose).IsInEnum();
            l.RuleFor(x => x.SourceId).NotEmpty();
            l.RuleFor(x => x.Amount).Must(Money.IsWholePositive).WithMessage(Localized.Text(Money.WholePositiveEn, Money.WholePositiveVi));
        });
    }

    public static IReadOnlyList<(BudgetPurpose, Guid, decimal)> ToLines(this BudgetFields f) =>
        f.Lines.Select(l => (l.Purpose, l.SourceId, l.Amount)).ToList();

    /// <summary>Every line draws on a source of the budget's own unit.</summary>
    public static async Task RequireOwnSourcesAsync(this FinanceDbContext db, Guid unitId, BudgetFields f, CancellationToken ct)
    {
        var ids = f.Lines.Select(l => l.SourceId).Distinct().ToList();
        var own = await db.FundingSources.IgnoreQueryFilters().Where(s => ids.Contains(s.Id) && s.UnitId == unitId).Select(s => s.Id).ToListAsync(ct);
        var foreign = f.Lines.Select((l, i) => (l, i)).Where(x => !own.Contains(x.l.SourceId)).ToList();
        if (foreign.Count > 0)
            throw new RequestValidationException(foreign.ToDictionary(x => $"lines[{x.i}].sourceId",
                _ => new[] { Localized.Text("Choose one of the unit's funding sources.", "Chọn một nguồn kinh phí của đơn vị.") }));
    }
}
