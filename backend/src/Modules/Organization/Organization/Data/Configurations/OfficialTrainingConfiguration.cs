using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Organization.Data.Configurations;

internal sealed class OfficialTrainingConfiguration : IEntityTypeConfiguration<OfficialTraining>
{
    public void Configure(EntityTypeBuilder<OfficialTraining> b)
    {
        b.ToTable("official_trainings");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.CourseCode).HasMaxLength(50).IsRequired();
        b.Property(x => x.CourseTitle).HasMaxLength(300).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(30);
        b.Property(x => x.PartnerName).HasMaxLength(300);
        b.Property(x => x.CertificateNumber).HasMaxLength(50);
        b.HasIndex(x => new { x.OfficialId, x.CompletedOn });
        b.HasIndex(x => x.EnrolmentId).IsUnique();
        b.HasIndex(x => x.UnitId);
        b.HasOne<Official>().WithMany().HasForeignKey(x => x.OfficialId).OnDelete(DeleteBehavior.Restrict);
    }
}
