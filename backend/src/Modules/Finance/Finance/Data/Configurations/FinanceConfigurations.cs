using Khcn.Finance.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Finance.Data.Configurations;

/// <summary>Whole đồng: budgets, allocations, tranches, the ledger and balances.</summary>
internal static class Vnd
{
    public static PropertyBuilder<decimal> Whole(this PropertyBuilder<decimal> p) => p.HasPrecision(18, 0);
    public static PropertyBuilder<decimal?> Whole(this PropertyBuilder<decimal?> p) => p.HasPrecision(18, 0);
}

internal sealed class FiscalYearConfiguration : IEntityTypeConfiguration<FiscalYear>
{
    public void Configure(EntityTypeBuilder<FiscalYear> b)
    {
        b.ToTable("fiscal_years");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
    }
}

internal sealed class FundingSourceConfiguration : IEntityTypeConfiguration<FundingSource>
{
    public void Configure(EntityTypeBuilder<FundingSource> b)
    {
        b.ToTable("funding_sources");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.ProgrammeReference).HasMaxLength(200);
        b.Property(x => x.SponsorName).HasMaxLength(300);
        b.Property(x => x.SponsorTaxCode).HasMaxLength(14);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => x.UnitId);
    }
}

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> b)
    {
        b.ToTable("budgets");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Ignore(x => x.Total);
        b.HasIndex(x => new { x.UnitId, x.Year }).IsUnique();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("budget_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Amount).Whole();
        b.HasIndex(x => new { x.BudgetId, x.Purpose, x.SourceId }).IsUnique();
        b.HasIndex(x => x.SourceId);
    }
}

internal sealed class BudgetAdjustmentConfiguration : IEntityTypeConfiguration<BudgetAdjustment>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustment> b)
    {
        b.ToTable("budget_adjustments");
        b.HasKey(x => x.Id);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
        b.Property(x => x.SubmittedBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.HasIndex(x => new { x.BudgetId, x.Number }).IsUnique();
        b.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BudgetAdjustmentLineConfiguration : IEntityTypeConfiguration<BudgetAdjustmentLine>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustmentLine> b)
    {
        b.ToTable("budget_adjustment_lines");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.PreviousAmount).Whole();
        b.Property(x => x.Amount).Whole();
        b.Ignore(x => x.Difference);
        b.HasIndex(x => new { x.AdjustmentId, x.Purpose, x.SourceId }).IsUnique();
    }
}

internal sealed class AllocationConfiguration : IEntityTypeConfiguration<Allocation>
{
    public void Configure(EntityTypeBuilder<Allocation> b)
    {
        b.ToTable("allocations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.TargetLabel).HasMaxLength(500).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.SpentAmount).Whole();
        b.Property(x => x.ReturnedUnspent).Whole();
        b.Property(x => x.ReturnedUnrequested).Whole();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.SettledBy).HasMaxLength(200);
        b.Property(x => x.SettlementNote).HasMaxLength(2000);
        b.HasIndex(x => new { x.UnitId, x.Year });
        b.HasIndex(x => x.ObligationId);
        b.HasIndex(x => new { x.TargetKind, x.TargetId });
        b.HasMany(x => x.Parts).WithOne().HasForeignKey(x => x.AllocationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AllocationPartConfiguration : IEntityTypeConfiguration<AllocationPart>
{
    public void Configure(EntityTypeBuilder<AllocationPart> b)
    {
        b.ToTable("allocation_parts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.Returned).Whole();
        b.HasIndex(x => new { x.AllocationId, x.SourceId }).IsUnique();
        b.HasIndex(x => x.BudgetLineId);
    }
}

internal sealed class TrancheConfiguration : IEntityTypeConfiguration<Tranche>
{
    public void Configure(EntityTypeBuilder<Tranche> b)
    {
        b.ToTable("tranches");
        b.HasKey(x => x.Id);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.Purpose).HasMaxLength(1000);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.ApprovedBy).HasMaxLength(200);
        b.Property(x => x.PaidBy).HasMaxLength(200);
        b.Property(x => x.RejectedBy).HasMaxLength(200);
        b.Property(x => x.VoucherNumber).HasMaxLength(50);
        b.Property(x => x.RejectionReason).HasMaxLength(2000);
        b.HasIndex(x => new { x.AllocationId, x.Status });
    }
}

internal sealed class SponsorPledgeConfiguration : IEntityTypeConfiguration<SponsorPledge>
{
    public void Configure(EntityTypeBuilder<SponsorPledge> b)
    {
        b.ToTable("sponsor_pledges");
        b.HasKey(x => x.Id);
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => x.SourceId);
    }
}

internal sealed class SponsorReceiptConfiguration : IEntityTypeConfiguration<SponsorReceipt>
{
    public void Configure(EntityTypeBuilder<SponsorReceipt> b)
    {
        b.ToTable("sponsor_receipts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.VoucherNumber).HasMaxLength(50);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.Ignore(x => x.IsReversal);
        b.HasIndex(x => x.SourceId);
        // A receipt is reversed at most once, even by two racing requests.
        b.HasIndex(x => x.ReversesReceiptId).IsUnique().HasFilter("[ReversesReceiptId] IS NOT NULL");
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("ledger_entries");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Account).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Event).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Debit).Whole();
        b.Property(x => x.Credit).Whole();
        b.Property(x => x.Memo).HasMaxLength(500);
        b.Property(x => x.PostedBy).HasMaxLength(200);
        b.HasIndex(x => x.TransactionId);
        b.HasIndex(x => new { x.Account, x.AccountId });
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => new { x.UnitId, x.Year, x.SourceId });
    }
}

internal sealed class ClosedYearCorrectionConfiguration : IEntityTypeConfiguration<ClosedYearCorrection>
{
    public void Configure(EntityTypeBuilder<ClosedYearCorrection> b)
    {
        b.ToTable("closed_year_corrections");
        b.HasKey(x => x.Id);
        b.Property(x => x.Amount).Whole();
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.CorrectedBy).HasMaxLength(200);
        // A transaction may be corrected in parts, numbered 1, 2, …: two racing corrections cannot take the same number.
        b.HasIndex(x => new { x.OriginalTransactionId, x.Sequence }).IsUnique();
        b.HasIndex(x => x.DocumentId);
        b.HasIndex(x => new { x.UnitId, x.Year });
    }
}

internal sealed class BalanceConfiguration : IEntityTypeConfiguration<Balance>
{
    public void Configure(EntityTypeBuilder<Balance> b)
    {
        b.ToTable("balances", t => t.HasCheckConstraint("ck_balances_remaining_not_negative", "Remaining >= 0"));
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Remaining).Whole();
    }
}

internal sealed class FundingObligationConfiguration : IEntityTypeConfiguration<FundingObligation>
{
    public void Configure(EntityTypeBuilder<FundingObligation> b)
    {
        b.ToTable("obligations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Title).HasMaxLength(300);
        b.Property(x => x.CertificateNumber).HasMaxLength(50);
        b.Property(x => x.LegalBasis).HasMaxLength(500);
        b.Property(x => x.Total).HasPrecision(18, 2);
        b.Property(x => x.SourceKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.WithdrawalReason).HasMaxLength(2000);
        b.HasIndex(x => new { x.SourceKind, x.RecordId }).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasMany(x => x.Years).WithOne().HasForeignKey(x => x.ObligationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ObligationYearConfiguration : IEntityTypeConfiguration<ObligationYear>
{
    public void Configure(EntityTypeBuilder<ObligationYear> b)
    {
        b.ToTable("obligation_years");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AuthorsTotal).HasPrecision(18, 2);
        b.Property(x => x.OrganisersMinimum).HasPrecision(18, 2);
    }
}
