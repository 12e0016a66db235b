using Khcn.BuildingBlocks.Domain;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features.Reports;
using Khcn.Organization.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Integrations;

/// <summary>
/// The budget execution of every unit's approved budgets of a fiscal year, read once per request and year for all the
/// funding sources (the report's pre-fill and the dashboard ask each source in turn).
/// </summary>
internal sealed class FundingFigures(FinanceDbContext db, BudgetExecution execution)
{
    private readonly Dictionary<int, ILookup<Guid, ExecutionLine>> _byYear = [];

    public async Task<ILookup<Guid, ExecutionLine>> LinesAsync(int year, CancellationToken ct)
    {
        if (_byYear.TryGetValue(year, out var kept)) return kept;
        // Every unit's budgets: the caller has already limited the units it asks about to its scope (see FundingIndicatorSource).
        var budgets = db.Budgets.IgnoreQueryFilters().AsNoTracking().Where(b => b.Status == BudgetStatus.Approved && b.Year == year);
        return _byYear[year] = (await execution.LinesAsync(budgets, null, null, ct)).ToLookup(l => l.UnitId);
    }
}

/// <summary>
/// What the money of KH,CN&amp;ĐMST feeds into the annual report and the plan dashboard (domain.md §5 "funding by source
/// and its use"): the approved budget of the fiscal year, what was paid out of it and what settlement accepted as spent,
/// and what was paid by kind of source — the figures of the budget execution report (<see cref="BudgetExecution"/>),
/// to the đồng. The year is the fiscal year the budget, its allocations and their ledger entries belong to (a tranche of
/// a 2025 allocation paid in January 2026 counts for 2025, as in the execution report). Each value is the unit's own
/// budget, as <see cref="IReportIndicatorSource"/> asks: the synthesis and the dashboard add units up over a subtree. A
/// unit with no approved budget that year gets no value (it types its own figure), one with a budget gets its figures,
/// zero included. The caller has already limited <c>unitIds</c> to its scope, so Finance's scope filter is not applied
/// a second time (a reader without the finance right must still see its report pre-filled).
/// </summary>
internal abstract class FundingIndicatorSource(FundingFigures figures) : IReportIndicatorSource
{
    public abstract string Key { get; }
    public abstract string Description { get; }

    protected abstract decimal Value(IEnumerable<ExecutionLine> lines);

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var lines = await figures.LinesAsync(year, ct);
        var result = new Dictionary<Guid, decimal>();
        foreach (var unitId in unitIds.Distinct())
            if (lines.Contains(unitId)) result[unitId] = Value(lines[unitId]);
        return result;
    }
}

/// <summary>The approved budget (dự toán được duyệt, as adjusted) of the fiscal year.</summary>
internal sealed class FundsApprovedSource(FundingFigures figures) : FundingIndicatorSource(figures)
{
    public const string SourceKey = "finance.funds-approved";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "The unit's approved KH,CN&ĐMST budget for the fiscal year (VND, as adjusted), from the budget execution report.",
        "Dự toán kinh phí KH,CN&ĐMST được duyệt của đơn vị cho năm tài chính (đồng, kể cả điều chỉnh), theo báo cáo thực hiện dự toán.");
    protected override decimal Value(IEnumerable<ExecutionLine> lines) => lines.Sum(l => l.Approved);
}

/// <summary>Paid out by tranches against the allocations of the fiscal year's budget, of every source or of one kind of source.</summary>
internal sealed class FundsPaidSource(FundingFigures figures, FundingSourceKind? kind) : FundingIndicatorSource(figures)
{
    public const string SourceKey = "finance.funds-paid";

    /// <summary>The key of the part paid from one kind of source, e.g. "finance.funds-paid.state-budget".</summary>
    public static string KeyOf(FundingSourceKind kind) => $"{SourceKey}.{kind switch
    {
        FundingSourceKind.UnionFunds => "union-funds",
        FundingSourceKind.StateBudget => "state-budget",
        FundingSourceKind.Sponsor => "sponsors",
        _ => "other",
    }}";

    public override string Key => kind is { } k ? KeyOf(k) : SourceKey;

    public override string Description => kind switch
    {
        null => Localized.Text(
            "Paid out (disbursed by tranches) from the unit's KH,CN&ĐMST budget of the fiscal year (VND), from the budget execution report.",
            "Kinh phí KH,CN&ĐMST đã chi (giải ngân theo các đợt) từ dự toán năm tài chính của đơn vị (đồng), theo báo cáo thực hiện dự toán."),
        FundingSourceKind.UnionFunds => Localized.Text(
            "Of that paid out, from the unit's union funds (VND).", "Trong số đã chi, từ nguồn kinh phí công đoàn của đơn vị (đồng)."),
        FundingSourceKind.StateBudget => Localized.Text(
            "Of that paid out, from the state budget through the Department of Science and Technology (VND).",
            "Trong số đã chi, từ ngân sách nhà nước qua Sở Khoa học và Công nghệ (đồng)."),
        FundingSourceKind.Sponsor => Localized.Text(
            "Of that paid out, from socialised sponsors (VND).", "Trong số đã chi, từ nguồn xã hội hóa, tài trợ (đồng)."),
        _ => Localized.Text("Of that paid out, from other lawful sources (VND).", "Trong số đã chi, từ nguồn hợp pháp khác (đồng)."),
    };

    protected override decimal Value(IEnumerable<ExecutionLine> lines) =>
        lines.Where(l => kind is null || l.SourceKind == kind).Sum(l => l.Paid);
}

/// <summary>What settlement (quyết toán) accepted as spent of what was paid for the fiscal year's allocations.</summary>
internal sealed class FundsSettledSource(FundingFigures figures) : FundingIndicatorSource(figures)
{
    public const string SourceKey = "finance.funds-settled";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Spent as accepted at settlement of the allocations of the unit's KH,CN&ĐMST budget of the fiscal year (VND), from the budget execution report.",
        "Kinh phí KH,CN&ĐMST đã quyết toán (số chi được chấp nhận khi quyết toán các khoản phân bổ) thuộc dự toán năm tài chính của đơn vị (đồng), theo báo cáo thực hiện dự toán.");
    protected override decimal Value(IEnumerable<ExecutionLine> lines) => lines.Sum(l => l.Spent);
}
