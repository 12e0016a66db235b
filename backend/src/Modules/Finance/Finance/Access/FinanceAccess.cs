using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Access;

/// <summary>
/// Who sees and moves which money — the one place these rules live. The scope filter hides every record of a unit
/// outside the caller's subtrees (404). Inside them, <see cref="Permission.FinanceRead"/> reads (finance officers,
/// leaders, the policy-law board); <see cref="Permission.FinanceManage"/> over the unit drafts budgets, allocates,
/// requests, pays and settles; a budget is approved by a holder of <see cref="Permission.FinanceApprove"/> over the
/// unit ABOVE (the root's by another person over the root); a tranche by a holder of it over the unit who did not
/// request it.
/// </summary>
internal sealed class FinanceAccess(FinanceDbContext db, IMediator mediator)
{
    public AccessContext Access => db.Access;

    public Actor Actor => new(Access.UserId, Access.FullName ?? Access.Email ?? "system");

    public void DemandManage(Guid unitId) => Access.Demand(Permission.FinanceManage, unitId, Localized.Text("Unit", "đơn vị"), unitId);

    public async Task<Budget> BudgetAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = db.Budgets.Include(b => b.Lines).AsQueryable();
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(b => b.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Budget", "dự toán"), id);
    }

    public async Task<Allocation> AllocationAsync(Guid id, CancellationToken ct, bool tracked = true)
    {
        var q = db.Allocations.Include(a => a.Parts).AsQueryable();
        if (!tracked) q = q.AsNoTracking();
        return await q.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Allocation", "khoản phân bổ"), id);
    }

    public async Task<Tranche> TrancheAsync(Guid allocationId, Guid id, CancellationToken ct) =>
        await db.Tranches.FirstOrDefaultAsync(t => t.Id == id && t.AllocationId == allocationId, ct)
        ?? throw new NotFoundException(Localized.Text("Tranche", "đợt giải ngân"), id);

    /// <summary>The unit above <paramref name="unitId"/> (null for the root).</summary>
    public async Task<Guid?> ParentOfAsync(Guid unitId, CancellationToken ct) =>
        (await mediator.Send(new GetUnitSummaries([unitId]), ct)).FirstOrDefault()?.ParentId;

    /// <summary>Whether the caller approves this unit's budgets: over the parent unit; for the root, over the root.</summary>
    public async Task<(bool Acts, bool IsRoot)> ApprovesBudgetsOfAsync(Guid unitId, CancellationToken ct)
    {
        var parent = await ParentOfAsync(unitId, ct);
        return parent is { } p ? (Access.Can(Permission.FinanceApprove, p), false) : (Access.Can(Permission.FinanceApprove, unitId), true);
    }

    public bool MayManage(Guid unitId) => Access.Can(Permission.FinanceManage, unitId);
    public bool MayApproveTranche(Tranche t) => Access.Can(Permission.FinanceApprove, t.UnitId) && Access.UserId is { } me && me != t.RequestedByUserId;
}
