using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class MovementConfiguration : IEntityTypeConfiguration<Movement>
{
    public void Configure(EntityTypeBuilder<Movement> b)
    {
        b.ToTable("emulation_movements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Participants).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LaunchedBy).HasMaxLength(200);
        b.HasIndex(x => x.UnitId);
        b.HasMany(x => x.ChosenUnits).WithOne().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Criteria).WithOne().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ClosedYears).WithOne().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MovementUnitConfiguration : IEntityTypeConfiguration<MovementUnit>
{
    public void Configure(EntityTypeBuilder<MovementUnit> b)
    {
        b.ToTable("emulation_movement_units");
        b.HasKey(x => new { x.MovementId, x.UnitId });
    }
}

internal sealed class MovementCriterionConfiguration : IEntityTypeConfiguration<MovementCriterion>
{
    public void Configure(EntityTypeBuilder<MovementCriterion> b)
    {
        b.ToTable("emulation_criteria");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.Property(x => x.Evidence).HasMaxLength(1000);
        b.Property(x => x.MaxPoints).HasPrecision(9, 2);
    }
}

internal sealed class MovementYearClosureConfiguration : IEntityTypeConfiguration<MovementYearClosure>
{
    public void Configure(EntityTypeBuilder<MovementYearClosure> b)
    {
        b.ToTable("emulation_closed_years");
        b.HasKey(x => new { x.MovementId, x.Year });
        b.Property(x => x.ClosedBy).HasMaxLength(200);
    }
}

internal sealed class EmulationClusterConfiguration : IEntityTypeConfiguration<EmulationCluster>
{
    public void Configure(EntityTypeBuilder<EmulationCluster> b)
    {
        b.ToTable("emulation_clusters");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.Year, x.UnitId });
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClusterMemberConfiguration : IEntityTypeConfiguration<ClusterMember>
{
    public void Configure(EntityTypeBuilder<ClusterMember> b)
    {
        b.ToTable("emulation_cluster_members");
        b.HasKey(x => new { x.ClusterId, x.UnitId });
        // A unit is in at most one cluster per year: the rule's last line of defence against a race.
        b.HasIndex(x => new { x.Year, x.UnitId }).IsUnique();
    }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> b)
    {
        b.ToTable("emulation_registrations");
        b.HasKey(x => x.Id);
        b.Property(x => x.Targets).HasMaxLength(4000).IsRequired();
        b.Property(x => x.AimedTitles).HasMaxLength(1000);
        b.Property(x => x.RegisteredBy).HasMaxLength(200);
        b.Property(x => x.ReviewedBy).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Total).HasPrecision(9, 2);
        // One registration per unit, movement and year.
        b.HasIndex(x => new { x.MovementId, x.Year, x.UnitId }).IsUnique();
        b.HasMany(x => x.People).WithOne().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Scores).WithOne().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.RegistrationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RegisteredPersonConfiguration : IEntityTypeConfiguration<RegisteredPerson>
{
    public void Configure(EntityTypeBuilder<RegisteredPerson> b)
    {
        b.ToTable("emulation_registered_people");
        b.HasKey(x => new { x.RegistrationId, x.OfficialId });
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.AimedTitle).HasMaxLength(200);
        b.HasIndex(x => x.OfficialId);
    }
}

internal sealed class CriterionScoreConfiguration : IEntityTypeConfiguration<CriterionScore>
{
    public void Configure(EntityTypeBuilder<CriterionScore> b)
    {
        b.ToTable("emulation_scores");
        b.HasKey(x => new { x.RegistrationId, x.CriterionId });
        b.Property(x => x.SelfPoints).HasPrecision(9, 2);
        b.Property(x => x.ReviewedPoints).HasPrecision(9, 2);
        b.Property(x => x.SelfNote).HasMaxLength(2000);
        b.Property(x => x.ReviewComment).HasMaxLength(2000);
        b.Ignore(x => x.Final);
    }
}

internal sealed class ScoreEvidenceConfiguration : IEntityTypeConfiguration<ScoreEvidence>
{
    public void Configure(EntityTypeBuilder<ScoreEvidence> b)
    {
        b.ToTable("emulation_score_evidence");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Label).HasMaxLength(500).IsRequired();
        b.Property(x => x.Url).HasMaxLength(1000);
        b.HasIndex(x => x.RecordId);
    }
}

internal sealed class RegistrationReminderConfiguration : IEntityTypeConfiguration<RegistrationReminder>
{
    public void Configure(EntityTypeBuilder<RegistrationReminder> b)
    {
        b.ToTable("emulation_registration_reminders");
        b.HasKey(x => new { x.MovementId, x.Year, x.UnitId, x.Phase });
        b.Property(x => x.Phase).HasMaxLength(20);
        b.HasOne<Movement>().WithMany().HasForeignKey(x => x.MovementId).OnDelete(DeleteBehavior.Cascade);
    }
}
