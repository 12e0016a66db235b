using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Data;

internal sealed class OrganizationDbContext(DbContextOptions<OrganizationDbContext> options, AccessContext access)
    : ModuleDbContext(options, access)
{
    public const string SchemaName = "organization";
    public override string Schema => SchemaName;

    /// <summary>Changes with any saved change of the module's records: the plan dashboard's figures are kept per value (<c>IIndicatorDataStamp</c>).</summary>
    public const string DataStamp = "organization.data";

    public DbSet<UnionUnit> Units => Set<UnionUnit>();
    public DbSet<UnitVersion> UnitVersions => Set<UnitVersion>();
    public DbSet<UnitSuccessor> UnitSuccessors => Set<UnitSuccessor>();
    public DbSet<UnitHeadcount> UnitHeadcounts => Set<UnitHeadcount>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<FocalAssignment> FocalAssignments => Set<FocalAssignment>();
    public DbSet<OfficialTraining> OfficialTrainings => Set<OfficialTraining>();
    public DbSet<PolicyDocument> Policies => Set<PolicyDocument>();
    public DbSet<PolicyAttachment> PolicyAttachments => Set<PolicyAttachment>();
    public DbSet<ReportPeriod> ReportPeriods => Set<ReportPeriod>();
    public DbSet<AnnualReport> Reports => Set<AnnualReport>();
    public DbSet<ReportValue> ReportValues => Set<ReportValue>();
    public DbSet<ReportReminder> ReportReminders => Set<ReportReminder>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<ImplementationPlan> ImplementationPlans => Set<ImplementationPlan>();
    public DbSet<ImplementationPlanAttachment> ImplementationPlanAttachments => Set<ImplementationPlanAttachment>();
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<EnterpriseYearFigures> EnterpriseFigures => Set<EnterpriseYearFigures>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ModelConventions.AddChangeStamps(modelBuilder, AccessStamps.Units, DataStamp);
        // Paths compare by code point on both engines (SQLite's default), so a subtree is one index range (UnitPaths).
        if (Database.IsSqlServer()) modelBuilder.Entity<UnionUnit>().Property(u => u.Path).UseCollation("Latin1_General_BIN2");
        // A unit is the scope itself: the user sees the units their grants reach.
        ScopeBy<UnionUnit>(modelBuilder, u => u.Id);
    }

    /// <summary>
    /// Records that apply downwards (policy documents, plans, reporting periods): readable by the units in the caller's
    /// scope and by the units below the one that keeps them — a district reads the province's plan.
    /// </summary>
    public IQueryable<T> ReadableDownwards<T>() where T : class, IUnitOwned
    {
        if (Access.Unrestricted) return Set<T>();
        var above = Access.AncestorUnitIds;
        return Set<T>().IgnoreQueryFilters().Where(p => VisibleUnits.Contains(p.UnitId) || above.Contains(p.UnitId));
    }

    /// <summary>The path of a unit whatever the caller's scope: for checking that a unit lies below a record's unit.</summary>
    public Task<string> PathOfAsync(Guid unitId, CancellationToken ct) =>
        Units.IgnoreQueryFilters().Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);

    /// <summary>The path prefix of a visible unit's subtree (the "within" filter of the lists); 404 when out of scope.</summary>
    public async Task<string> SubtreePathOfAsync(Guid unitId, CancellationToken ct) =>
        await Units.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct)
        ?? throw new Khcn.BuildingBlocks.Domain.NotFoundException(Localized.Text("Unit", "đơn vị"), unitId);

    public override Guid? AuditUnitOf(object entity) => entity is UnionUnit u ? u.Id : base.AuditUnitOf(entity);
}

internal sealed class OrganizationDesignTimeFactory : DesignTimeFactory<OrganizationDbContext>
{
    protected override string Schema => OrganizationDbContext.SchemaName;
    protected override OrganizationDbContext Create(DbContextOptions<OrganizationDbContext> options, AccessContext access) => new(options, access);
}
