using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> b)
    {
        b.ToTable("officials");
        b.HasKey(x => x.Id);
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Position).HasMaxLength(200).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Expertise).HasMaxLength(300);
        b.Property(x => x.ForeignLanguage).HasMaxLength(200);
        b.Property(x => x.PoliticalTheory).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SearchText).HasMaxLength(700);
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.SearchText);
        b.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.FocalAssignments).WithOne(x => x.Official).HasForeignKey(x => x.OfficialId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FocalAssignmentConfiguration : IEntityTypeConfiguration<FocalAssignment>
{
    public void Configure(EntityTypeBuilder<FocalAssignment> b)
    {
        b.ToTable("focal_assignments");
        b.HasKey(x => x.Id);
        b.Ignore(x => x.IsActive);
        b.Property(x => x.AssignedBy).HasMaxLength(256);
        b.HasIndex(x => new { x.UnitId, x.StartedOn });
        // Exactly one active focal official per unit, even under concurrent assignments ([..] quoting works on both engines).
        b.HasIndex(x => x.UnitId).IsUnique().HasFilter("[EndedOn] IS NULL").HasDatabaseName("UX_focal_assignments_active");
        b.HasOne<UnionUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
