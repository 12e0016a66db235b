using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Access;
using Khcn.Finance.Contracts;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Todos;

/// <summary>
/// Finance's part of an officer's to-dos (#15), each part only with the permission it needs over the unit:
/// <list type="bullet">
/// <item>finance.approve: the submitted budgets and budget adjustments of the units directly below (the root's own
/// too, as the root approves its own), and the tranches of the unit's allocations requested by someone else (the
/// requester never approves: four-eyes);</item>
/// <item>finance.manage: the approved tranches still to be paid, and the obligations (initiative remuneration, topic
/// funding, prize money) not yet fully funded and not withdrawn, as one item with their count.</item>
/// </list>
/// </summary>
internal sealed class GetFinanceTodosHandler(FinanceDbContext db, FinanceAccess access, IMediator mediator) : IQueryHandler<GetFinanceTodos, IReadOnlyList<TodoItem>>
{
    /// <summary>At most this many items of one kind, oldest first; the pages behind the links list the rest.</summary>
    private const int PerKind = 20;

    public async ValueTask<IReadOnlyList<TodoItem>> Handle(GetFinanceTodos query, CancellationToken ct)
    {
        var unitId = query.UnitId;
        var items = new List<TodoItem>();
        if (access.Access.Can(Permission.FinanceApprove, unitId))
        {
            items.AddRange(await BudgetsToApproveAsync(unitId, ct));
            // The unit above approves its units' tranches (as the demo's books do); another officer of the unit may too.
            var children = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Where(u => u.BranchId == u.UnitId).Select(u => u.UnitId);
            items.AddRange(await TranchesAsync([unitId, .. children], TrancheStatus.Requested, "tranche-approval", "Duyệt", ct));
        }
        if (access.MayManage(unitId))
        {
            items.AddRange(await TranchesAsync([unitId], TrancheStatus.Approved, "tranche-payment", "Chi trả", ct));
            var unfunded = await ObligationsToFundAsync(unitId, ct);
            if (unfunded > 0)
                items.Add(new TodoItem("obligation-funding", $"{unfunded} khoản phải chi chưa được phân bổ đủ kinh phí", null, false, unfunded, "/finance/obligations"));
        }
        return items;
    }

    /// <summary>Submitted budgets and adjustments whose approver is this unit: those of its children, and its own at the root.</summary>
    private async Task<IEnumerable<TodoItem>> BudgetsToApproveAsync(Guid unitId, CancellationToken ct)
    {
        // Within the caller's scope (which holds the unit's subtree when they approve over the unit).
        var budgets = await db.Budgets.AsNoTracking()
            .Where(b => b.Status == BudgetStatus.Submitted)
            .OrderBy(b => b.SubmittedAtUtc).Select(b => new { b.Id, b.UnitId, b.Year }).ToListAsync(ct);
        var adjustments = await db.BudgetAdjustments.AsNoTracking()
            .Where(a => a.Status == BudgetAdjustmentStatus.Submitted)
            .Join(db.Budgets.IgnoreQueryFilters(), a => a.BudgetId, b => b.Id, (a, b) => new { a.BudgetId, a.UnitId, b.Year, a.Number, a.SubmittedAtUtc })
            .OrderBy(a => a.SubmittedAtUtc).ToListAsync(ct);
        var units = budgets.Select(b => b.UnitId).Concat(adjustments.Select(a => a.UnitId)).Distinct().ToList();
        if (units.Count == 0) return [];
        var summaries = (await mediator.Send(new GetUnitSummaries(units), ct)).ToDictionary(u => u.Id);
        bool ApprovedHere(Guid owner) => summaries.TryGetValue(owner, out var u) && (u.ParentId == unitId || (u.ParentId is null && u.Id == unitId));
        string Name(Guid owner) => summaries.TryGetValue(owner, out var u) ? u.Name : "";
        return budgets.Where(b => ApprovedHere(b.UnitId)).Take(PerKind)
            .Select(b => new TodoItem("budget-approval", string.Create(CultureInfo.InvariantCulture, $"Duyệt dự toán năm {b.Year} của {Name(b.UnitId)}"),
                null, false, null, $"/finance/budgets/{b.Id}"))
            .Concat(adjustments.Where(a => ApprovedHere(a.UnitId)).Take(PerKind)
                .Select(a => new TodoItem("budget-approval",
                    string.Create(CultureInfo.InvariantCulture, $"Duyệt điều chỉnh dự toán năm {a.Year} (lần {a.Number - 1}) của {Name(a.UnitId)}"),
                    null, false, null, $"/finance/budgets/{a.BudgetId}")))
            .ToList();
    }

    /// <summary>The tranches of <paramref name="unitIds"/> in <paramref name="status"/>; awaiting approval leaves out the caller's own requests (four-eyes).</summary>
    private async Task<IEnumerable<TodoItem>> TranchesAsync(List<Guid> unitIds, TrancheStatus status, string kind, string verb, CancellationToken ct)
    {
        var me = access.Access.UserId;
        var q = db.Tranches.IgnoreQueryFilters().AsNoTracking().Where(t => unitIds.Contains(t.UnitId) && t.Status == status);
        if (status == TrancheStatus.Requested) q = q.Where(t => t.RequestedByUserId != me);
        var rows = await q.OrderBy(t => t.RequestedAtUtc).Take(PerKind)
            .Join(db.Allocations.IgnoreQueryFilters(), t => t.AllocationId, a => a.Id, (t, a) => new { t.AllocationId, t.UnitId, t.Amount, a.TargetLabel })
            .ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(r => new TodoItem(kind, $"{verb} đợt giải ngân {SponsorRules.Vnd(r.Amount)} ₫ – {r.TargetLabel} ({names.GetValueOrDefault(r.UnitId, "")})",
            null, false, null, $"/finance/allocations/{r.AllocationId}"));
    }

    /// <summary>The unit's open obligations that its allocations do not yet fund in full (a settled allocation funds what it spent; an open one what it holds), as the obligations page counts them; a withdrawn one asks nothing.</summary>
    private async Task<int> ObligationsToFundAsync(Guid unitId, CancellationToken ct)
    {
        var obligations = await db.Obligations.IgnoreQueryFilters().AsNoTracking().Where(o => o.UnitId == unitId && o.State == ObligationState.Open)
            .Select(o => new { o.Id, o.Total }).ToListAsync(ct);
        if (obligations.Count == 0) return 0;
        var ids = obligations.Select(o => o.Id).ToList();
        var funded = (await db.Allocations.IgnoreQueryFilters().AsNoTracking().Where(a => a.ObligationId != null && ids.Contains(a.ObligationId.Value))
                .Select(a => new { ObligationId = a.ObligationId!.Value, a.Status, a.Amount, a.SpentAmount }).ToListAsync(ct))
            .GroupBy(a => a.ObligationId)
            .ToDictionary(g => g.Key, g => g.Sum(a => FundingObligation.FundedBy(a.Status, a.Amount, a.SpentAmount)));
        return obligations.Count(o => FundingObligation.StillToBeFunded(ObligationState.Open, o.Total, funded.GetValueOrDefault(o.Id)) > 0);
    }
}
