using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Participation.Data.Configurations;

internal sealed class HonouringEventConfiguration : IEntityTypeConfiguration<HonouringEvent>
{
    public void Configure(EntityTypeBuilder<HonouringEvent> b)
    {
        b.ToTable("honouring_events");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Venue).HasMaxLength(300).IsRequired();
        b.Property(x => x.IssuingUnitName).HasMaxLength(300).IsRequired();
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.UnitId, x.HeldOn });
        b.HasMany(x => x.Decisions).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Certificates).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HonouredDecisionConfiguration : IEntityTypeConfiguration<HonouredDecision>
{
    public void Configure(EntityTypeBuilder<HonouredDecision> b)
    {
        b.ToTable("honoured_decisions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.FormCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.FormName).HasMaxLength(300).IsRequired();
        b.Property(x => x.DecisionNumber).HasMaxLength(50).IsRequired();
        // A decision is honoured at one event: two events racing for it, the second fails here (nothing half-saved).
        b.HasIndex(x => x.ProposalId).IsUnique();
    }
}

internal sealed class HonourCertificateConfiguration : IEntityTypeConfiguration<HonourCertificate>
{
    public void Configure(EntityTypeBuilder<HonourCertificate> b)
    {
        b.ToTable("honour_certificates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(30).IsRequired();
        b.Property(x => x.VerificationCode).HasMaxLength(64).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.HolderName).HasMaxLength(300).IsRequired();
        b.Property(x => x.Email).HasMaxLength(320);
        b.Property(x => x.FormCode).HasMaxLength(20).IsRequired();
        b.Property(x => x.FormName).HasMaxLength(300).IsRequired();
        b.Property(x => x.DecisionNumber).HasMaxLength(50).IsRequired();
        b.Property(x => x.IssuingUnitName).HasMaxLength(300).IsRequired();
        b.Property(x => x.RevocationReason).HasMaxLength(1000);
        b.Property(x => x.RevokedBy).HasMaxLength(200);
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => x.Email);
    }
}
