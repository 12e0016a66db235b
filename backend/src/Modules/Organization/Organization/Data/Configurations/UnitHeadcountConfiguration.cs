using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class UnitHeadcountConfiguration : IEntityTypeConfiguration<UnitHeadcount>
{
    public void Configure(EntityTypeBuilder<UnitHeadcount> b)
    {
        b.ToTable("unit_headcounts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Note).HasMaxLength(500);
        // One record per unit and day; the same index serves "the latest on or before a day".
        b.HasIndex(x => new { x.UnitId, x.AsOf }).IsUnique();
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
