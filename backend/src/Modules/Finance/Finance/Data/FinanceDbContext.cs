using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Data;

internal sealed class FinanceDbContext(DbContextOptions<FinanceDbContext> options, AccessContext access)
    : ModuleDbContext(options, access)
{
    public const string SchemaName = "finance";
    public override string Schema => SchemaName;

    /// <summary>Changes with any saved change of the module's records: the plan dashboard's figures are kept per value (<c>IIndicatorDataStamp</c>).</summary>
    public const string DataStamp = "finance.data";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ModelConventions.AddChangeStamps(modelBuilder, DataStamp);
    }

    public DbSet<FiscalYear> FiscalYears => Set<FiscalYear>();
    public DbSet<FundingSource> FundingSources => Set<FundingSource>();
    public DbSet<Budget> Budgets => Set<Budget>();
    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();
    public DbSet<BudgetAdjustment> BudgetAdjustments => Set<BudgetAdjustment>();
    public DbSet<Allocation> Allocations => Set<Allocation>();
    public DbSet<AllocationPart> AllocationParts => Set<AllocationPart>();
    public DbSet<Tranche> Tranches => Set<Tranche>();
    public DbSet<SponsorPledge> SponsorPledges => Set<SponsorPledge>();
    public DbSet<SponsorReceipt> SponsorReceipts => Set<SponsorReceipt>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<ClosedYearCorrection> ClosedYearCorrections => Set<ClosedYearCorrection>();
    public DbSet<Balance> Balances => Set<Balance>();
    public DbSet<FundingObligation> Obligations => Set<FundingObligation>();
    public DbSet<ObligationYear> ObligationYears => Set<ObligationYear>();

    /// <summary>The ledger is append-only: a save that would change or delete an entry is refused (the database triggers refuse it too).</summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardLedger();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardLedger();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void GuardLedger()
    {
        if (ChangeTracker.Entries<LedgerEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw LedgerRules.AppendOnly();
    }
}

internal sealed class FinanceDesignTimeFactory : DesignTimeFactory<FinanceDbContext>
{
    protected override string Schema => FinanceDbContext.SchemaName;
    protected override FinanceDbContext Create(DbContextOptions<FinanceDbContext> options, AccessContext access) => new(options, access);
}
