using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("enterprises");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.TaxCode).HasMaxLength(14).IsRequired();
        b.Property(x => x.Ownership).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Sector).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.District).HasMaxLength(100).IsRequired();
        b.Property(x => x.IndustrialZone).HasMaxLength(200);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.SearchText).HasMaxLength(1000);
        // One record per tax code in the whole database: the import matches on it.
        b.HasIndex(x => x.TaxCode).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.District);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.GrassrootsUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Figures).WithOne(x => x.Enterprise).HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EnterpriseYearFiguresConfiguration : IEntityTypeConfiguration<EnterpriseYearFigures>
{
    public void Configure(EntityTypeBuilder<EnterpriseYearFigures> b)
    {
        b.ToTable("enterprise_year_figures");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.AverageMonthlyIncome).HasPrecision(18, 0);
        b.HasIndex(x => new { x.EnterpriseId, x.Year }).IsUnique();
        b.HasIndex(x => new { x.Year, x.UnitId });
    }
}
