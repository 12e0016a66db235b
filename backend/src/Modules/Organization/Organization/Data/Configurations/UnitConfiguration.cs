using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<UnionUnit>
{
    public void Configure(EntityTypeBuilder<UnionUnit> b)
    {
        b.ToTable("units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Path).HasMaxLength(900).IsRequired();
        b.HasIndex(x => x.Path);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.SearchText).HasMaxLength(400);
        b.HasIndex(x => x.SearchText);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Successors).WithOne().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UnitSuccessorConfiguration : IEntityTypeConfiguration<UnitSuccessor>
{
    public void Configure(EntityTypeBuilder<UnitSuccessor> b)
    {
        b.ToTable("unit_successors");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => x.UnitId);
        b.HasIndex(x => x.SuccessorId);
    }
}

internal sealed class UnitVersionConfiguration : IEntityTypeConfiguration<UnitVersion>
{
    public void Configure(EntityTypeBuilder<UnitVersion> b)
    {
        b.ToTable("unit_versions");
        b.HasKey(x => x.Id);
        // Ids are made in code: a version added to a tracked unit's collection is new, not an existing row.
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(300);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.UnitId, x.ValidFrom });
        b.HasIndex(x => new { x.ValidFrom, x.ValidTo });
    }
}
