using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class CommendationProposalConfiguration : IEntityTypeConfiguration<CommendationProposal>
{
    public void Configure(EntityTypeBuilder<CommendationProposal> b)
    {
        b.ToTable("commendation_proposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.FormCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.Achievements).HasMaxLength(8000).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ProposedBy).HasMaxLength(200);
        b.Property(x => x.ProposedByEmail).HasMaxLength(320);
        b.Property(x => x.RuleSetCode).HasMaxLength(20);
        b.Property(x => x.DecisionNumber).HasMaxLength(50);
        b.Property(x => x.Issuer).HasMaxLength(300);
        b.Property(x => x.RefusalReason).HasMaxLength(2000);
        b.Property(x => x.ExceptionRequest).HasMaxLength(2000);
        b.Property(x => x.OverrideReason).HasMaxLength(2000);
        b.Property(x => x.OverriddenBy).HasMaxLength(200);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.PrizeTotal).HasPrecision(18, 2);
        b.HasIndex(x => new { x.UnitId, x.Year, x.FormCode });
        b.HasIndex(x => new { x.DecidingUnitId, x.DecisionNumber });
        b.HasMany(x => x.Nominees).WithOne().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommendationNomineeConfiguration : IEntityTypeConfiguration<CommendationNominee>
{
    public void Configure(EntityTypeBuilder<CommendationNominee> b)
    {
        b.ToTable("commendation_nominees");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.InitiativeTitle).HasMaxLength(500);
        b.Property(x => x.Prize).HasPrecision(18, 2);
        b.HasIndex(x => x.OfficialId);
        b.HasIndex(x => x.NomineeUnitId);
        b.HasIndex(x => x.Email);
        b.HasMany(x => x.Checks).WithOne().HasForeignKey(x => x.NomineeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NomineeCheckConfiguration : IEntityTypeConfiguration<NomineeCheck>
{
    public void Configure(EntityTypeBuilder<NomineeCheck> b)
    {
        b.ToTable("commendation_checks");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(50).IsRequired();
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.LegalBasis).HasMaxLength(500).IsRequired();
        b.Property(x => x.Detail).HasMaxLength(2000);
    }
}
