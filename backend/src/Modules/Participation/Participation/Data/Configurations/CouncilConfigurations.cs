using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> b)
    {
        b.ToTable("councils");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.ItemKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.UnitHeadName).HasMaxLength(200);
        b.Property(x => x.FormedBy).HasMaxLength(200);
        b.Property(x => x.ClosedBy).HasMaxLength(200);
        b.Property(x => x.DecisionNumber).HasMaxLength(50);
        b.HasIndex(x => new { x.UnitId, x.Status });
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Conflicts).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.CouncilId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouncilMemberConfiguration : IEntityTypeConfiguration<CouncilMember>
{
    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.ToTable("council_members");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Position).HasMaxLength(200);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => x.Email);
        b.HasIndex(x => new { x.CouncilId, x.OfficialId }).IsUnique();
    }
}

internal sealed class CouncilItemConfiguration : IEntityTypeConfiguration<CouncilItem>
{
    public void Configure(EntityTypeBuilder<CouncilItem> b)
    {
        b.ToTable("council_items");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.AverageScore).HasPrecision(6, 3);
        b.HasIndex(x => new { x.Kind, x.ItemId });
        b.HasIndex(x => new { x.CouncilId, x.ItemId }).IsUnique();
    }
}

internal sealed class CouncilConflictConfiguration : IEntityTypeConfiguration<CouncilConflict>
{
    public void Configure(EntityTypeBuilder<CouncilConflict> b)
    {
        b.ToTable("council_conflicts");
        b.HasKey(x => new { x.CouncilId, x.MemberId, x.CouncilItemId });
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
    }
}

internal sealed class CouncilScoreConfiguration : IEntityTypeConfiguration<CouncilScore>
{
    public void Configure(EntityTypeBuilder<CouncilScore> b)
    {
        b.ToTable("council_scores");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Comment).HasMaxLength(2000);
        // One score per member and item, even when the same member submits twice at once.
        b.HasIndex(x => new { x.CouncilItemId, x.MemberId }).IsUnique();
        b.HasMany(x => x.Findings).WithOne().HasForeignKey(x => x.ScoreId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CouncilFindingConfiguration : IEntityTypeConfiguration<CouncilFinding>
{
    public void Configure(EntityTypeBuilder<CouncilFinding> b)
    {
        b.ToTable("council_findings");
        b.HasKey(x => new { x.ScoreId, x.Criterion });
        b.Property(x => x.Criterion).HasMaxLength(40);
        b.Property(x => x.Note).HasMaxLength(2000);
    }
}
