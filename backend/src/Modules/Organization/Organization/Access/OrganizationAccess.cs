using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Access;

// Organization's record-level access (ADR 0011: one place per module), beyond the unit scope filter of
// ADR 0004 and AccessContext.Demand: which policies, plans and implementation plans a caller reads or changes.

/// <summary>The unit a use case works in: 404 when it does not exist or lies outside the caller's scope.</summary>
internal static class UnitAccess
{
    private static string UnitNoun => Localized.Text("Unit", "đơn vị");

    public static async Task ExistingAsync(OrganizationDbContext db, Guid unitId, CancellationToken ct)
    {
        if (!await db.Units.AnyAsync(u => u.Id == unitId, ct)) throw new NotFoundException(UnitNoun, unitId);
    }

    /// <summary>The unit exists in scope and the caller holds <paramref name="permission"/> over it (403 otherwise).</summary>
    public static async Task DemandAsync(OrganizationDbContext db, string permission, Guid unitId, CancellationToken ct)
    {
        await ExistingAsync(db, unitId, ct);
        db.Access.Demand(permission, unitId, UnitNoun, unitId);
    }
}

/// <summary>
/// Policy documents apply downwards: a user reads those kept by the units in scope and by the units above them
/// (a district officer reads the province's policies), and changes only those their rights cover.
/// </summary>
internal static class PolicyVisibility
{
    public static IQueryable<PolicyDocument> Readable(OrganizationDbContext db) => db.ReadableDownwards<PolicyDocument>();

    public static async Task<PolicyDocument> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var policy = await Readable(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Policy", "văn bản chính sách"), id);
        if (!db.Access.Can(Permission.PoliciesManage, policy.UnitId)) throw new ForbiddenException();
        return policy;
    }
}

/// <summary>
/// Plans apply downwards: a user reads the plans issued by the units in scope and by the units above them (a district
/// reads the provincial plan it implements), and changes only those issued by units their rights cover.
/// </summary>
internal static class PlanVisibility
{
    public static IQueryable<Plan> Readable(OrganizationDbContext db) => db.ReadableDownwards<Plan>();

    public static async Task<Plan> ReadableAsync(OrganizationDbContext db, Guid id, CancellationToken ct) =>
        await Readable(db).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), id);

    public static async Task<Plan> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var plan = await Readable(db).Include(p => p.Sections).ThenInclude(s => s.Tasks).Include(p => p.Indicators)
                       .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
                   ?? throw new NotFoundException(Localized.Text("Plan", "kế hoạch"), id);
        if (!db.Access.Can(Permission.PlansManage, plan.UnitId)) throw new ForbiddenException();
        return plan;
    }
}

/// <summary>A unit's implementation plan is addressed by its parent plan and its unit: there is at most one.</summary>
internal static class ImplementationPlanAccess
{
    public static string PathFor(Guid planId, Guid unitId) => $"/api/v1/organization/plans/{planId}/implementations/{unitId}";

    /// <summary>The unit's implementation plan for change, with its parent plan; 404 outside scope, 403 without the right.</summary>
    public static async Task<(ImplementationPlan Implementation, Plan Parent)> ForChangeAsync(OrganizationDbContext db, Guid planId, Guid unitId,
        CancellationToken ct)
    {
        var parent = await PlanVisibility.ReadableAsync(db, planId, ct);
        var implementation = await db.ImplementationPlans.Include(i => i.Revisions)
                                 .FirstOrDefaultAsync(i => i.PlanId == planId && i.UnitId == unitId, ct)
                             ?? throw new NotFoundException(Localized.Text("ImplementationPlan", "kế hoạch triển khai"), unitId);
        db.Access.Demand(Permission.PlansManage, unitId, Localized.Text("ImplementationPlan", "kế hoạch triển khai"), unitId);
        return (implementation, parent);
    }
}

/// <summary>Enterprises of the labour database are changed by those holding the labour right over the keeping unit.</summary>
internal static class EnterpriseAccess
{
    /// <summary>The enterprise with its figures, for a change: 404 outside the caller's scope, 403 without the labour right over its unit.</summary>
    public static async Task<Enterprise> ForChangeAsync(OrganizationDbContext db, Guid id, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.Include(e => e.Figures).FirstOrDefaultAsync(e => e.Id == id, ct)
                         ?? throw new NotFoundException(Localized.Text("Enterprise", "doanh nghiệp"), id);
        db.Access.Demand(Permission.LabourManage, enterprise.UnitId, Localized.Text("Enterprise", "doanh nghiệp"), id);
        return enterprise;
    }
}

/// <summary>
/// A period asked for by a unit applies to the units below it: a user reads the periods of the units in scope and of
/// the units above them (a district officer reads the province's period), and manages only those their rights cover.
/// </summary>
internal static class PeriodVisibility
{
    public static IQueryable<ReportPeriod> Readable(OrganizationDbContext db) => db.ReadableDownwards<ReportPeriod>();

    public static async Task<ReportPeriod> FindAsync(OrganizationDbContext db, Guid id, CancellationToken ct, bool withIndicators = true)
    {
        var query = Readable(db);
        if (withIndicators) query = query.Include(p => p.Indicators);
        return await query.FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException(Localized.Text("Report period", "kỳ báo cáo"), id);
    }
}

/// <summary>A unit's annual report: who sees it (the period's subtree, in scope), who fills it and who reviews it (the units above).</summary>
internal static class ReportAccess
{
    /// <summary>The period and the unit, both visible to the caller, the unit reporting in that period; 404 otherwise.</summary>
    public static async Task<(ReportPeriod Period, UnionUnit Unit)> ReportingUnitAsync(OrganizationDbContext db, Guid periodId, Guid unitId, CancellationToken ct)
    {
        var period = await PeriodVisibility.FindAsync(db, periodId, ct);
        var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct) ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);
        var periodPath = await db.PathOfAsync(period.UnitId, ct);
        if (unit.Id == period.UnitId || !unit.Path.StartsWith(periodPath, StringComparison.Ordinal))
            throw new NotFoundException(Localized.Text("Report", "báo cáo"), $"{periodId}/{unitId}");
        return (period, unit);
    }

    public static Task<AnnualReport?> ReportOfAsync(OrganizationDbContext db, Guid periodId, Guid unitId, CancellationToken ct) =>
        db.Reports.Include(r => r.Values).Include(r => r.Events).FirstOrDefaultAsync(r => r.PeriodId == periodId && r.UnitId == unitId, ct);

    /// <summary>The report with its period and unit, for a workflow step; 404 when any of them is outside the caller's scope.</summary>
    public static async Task<(AnnualReport Report, ReportPeriod Period, UnionUnit Unit)> ForStepAsync(OrganizationDbContext db, Guid reportId, CancellationToken ct)
    {
        var report = await db.Reports.Include(r => r.Values).Include(r => r.Events).FirstOrDefaultAsync(r => r.Id == reportId, ct)
                     ?? throw new NotFoundException(Localized.Text("Report", "báo cáo"), reportId);
        var (period, unit) = await ReportingUnitAsync(db, report.PeriodId, report.UnitId, ct);
        return (report, period, unit);
    }

    /// <summary>A report is reviewed by the units above the one that made it: review rights over its parent.</summary>
    public static bool CanReview(OrganizationDbContext db, UnionUnit unit) => unit.ParentId is { } parent && db.Access.Can(Permission.ReportsReview, parent);

    public static void DemandReview(OrganizationDbContext db, UnionUnit unit)
    {
        if (!CanReview(db, unit)) throw new ForbiddenException(Localized.Text(
            "Only a unit above the reporting unit can return or accept its report.",
            "Chỉ đơn vị cấp trên của đơn vị báo cáo mới được trả lại hoặc chấp nhận báo cáo."));
    }
}
