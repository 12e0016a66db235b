using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Training.Data.Configurations;

internal sealed class PartnerAgencyConfiguration : IEntityTypeConfiguration<PartnerAgency>
{
    public void Configure(EntityTypeBuilder<PartnerAgency> b)
    {
        b.ToTable("partner_agencies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ContactName).HasMaxLength(200);
        b.Property(x => x.ContactEmail).HasMaxLength(256);
        b.Property(x => x.ContactPhone).HasMaxLength(30);
        b.Property(x => x.AgreementNumber).HasMaxLength(100);
        b.Property(x => x.SearchText).HasMaxLength(1000);
        b.HasIndex(x => x.Name).IsUnique();
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PartnerMemberConfiguration : IEntityTypeConfiguration<PartnerMember>
{
    public void Configure(EntityTypeBuilder<PartnerMember> b)
    {
        b.ToTable("partner_members");
        b.HasKey(x => new { x.PartnerId, x.UserId });
        // A user works for one agency: that agency is what "their own" means.
        b.HasIndex(x => x.UserId).IsUnique();
        b.Property(x => x.FullName).HasMaxLength(200);
        b.Property(x => x.Email).HasMaxLength(256);
    }
}

internal sealed class InstructorConfiguration : IEntityTypeConfiguration<Instructor>
{
    public void Configure(EntityTypeBuilder<Instructor> b)
    {
        b.ToTable("instructors");
        b.HasKey(x => x.Id);
        b.Property(x => x.FullName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.Expertise).HasMaxLength(300);
        b.HasIndex(x => x.PartnerId);
        b.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("courses");
        b.HasKey(x => x.Id);
        b.Property(x => x.Code).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Subject).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.FeePaidBy).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Audience).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.Venue).HasMaxLength(300);
        b.Property(x => x.Fee).HasPrecision(18, 0);
        b.Property(x => x.FundingReference).HasMaxLength(100);
        b.Property(x => x.FundingAllocationLabel).HasMaxLength(500);
        b.Property(x => x.CancellationReason).HasMaxLength(1000);
        b.Property(x => x.ChangesRequested).HasMaxLength(1000);
        b.Property(x => x.ChangesRequestedBy).HasMaxLength(200);
        b.Property(x => x.SearchText).HasMaxLength(1500);
        b.HasIndex(x => new { x.PartnerId, x.Status });
        b.HasIndex(x => x.RequestingUnitId);
        b.HasOne<PartnerAgency>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseStepConfiguration : IEntityTypeConfiguration<CourseStep>
{
    public void Configure(EntityTypeBuilder<CourseStep> b)
    {
        b.ToTable("course_steps");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.From).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.To).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.Note).HasMaxLength(1000);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.ToTable("sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Topic).HasMaxLength(300);
        b.Property(x => x.Room).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        // The clash checks: the partner's sessions in a time range (room, instructor), a course's sessions.
        b.HasIndex(x => new { x.PartnerId, x.StartsAtUtc });
        b.HasIndex(x => new { x.CourseId, x.StartsAtUtc });
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Instructor>().WithMany().HasForeignKey(x => x.InstructorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnrolmentConfiguration : IEntityTypeConfiguration<Enrolment>
{
    public void Configure(EntityTypeBuilder<Enrolment> b)
    {
        b.ToTable("enrolments");
        b.HasKey(x => x.Id);
        b.Property(x => x.OfficialName).HasMaxLength(200).IsRequired();
        b.Property(x => x.OfficialEmail).HasMaxLength(256);
        b.Property(x => x.OfficialPosition).HasMaxLength(200);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Result).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.NominatedBy).HasMaxLength(200);
        b.Property(x => x.ClashOverrideReason).HasMaxLength(1000);
        b.Property(x => x.WithdrawalReason).HasMaxLength(1000);
        b.HasIndex(x => new { x.CourseId, x.Status, x.QueueNumber });
        // One queue number per course: two nominations racing for the same place cannot both take it.
        b.HasIndex(x => new { x.CourseId, x.QueueNumber }).IsUnique();
        b.HasIndex(x => new { x.OfficialId, x.Status });
        b.HasIndex(x => x.UnitId);
        b.HasOne<Course>().WithMany().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attendance).WithOne().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> b)
    {
        b.ToTable("attendance");
        b.HasKey(x => new { x.EnrolmentId, x.SessionId });
        b.Property(x => x.Mark).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => x.SessionId);
        b.HasOne<Session>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CertificateConfiguration : IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.ToTable("certificates");
        b.HasKey(x => x.Id);
        b.Property(x => x.Number).HasMaxLength(50).IsRequired();
        b.HasIndex(x => x.Number).IsUnique();
        b.Property(x => x.VerificationCode).HasMaxLength(64).IsRequired();
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.HasIndex(x => x.EnrolmentId).IsUnique();
        b.Property(x => x.HolderName).HasMaxLength(200);
        b.Property(x => x.CourseTitle).HasMaxLength(300);
        b.Property(x => x.PartnerName).HasMaxLength(300);
        b.Property(x => x.RevocationReason).HasMaxLength(1000);
        b.HasOne<Enrolment>().WithMany().HasForeignKey(x => x.EnrolmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
