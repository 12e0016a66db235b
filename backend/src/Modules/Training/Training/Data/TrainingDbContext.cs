using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.Training.Data;

internal sealed class TrainingDbContext(DbContextOptions<TrainingDbContext> options, AccessContext access)
    : ModuleDbContext(options, access)
{
    public const string SchemaName = "training";
    public override string Schema => SchemaName;

    /// <summary>Changes with any saved change of the module's records: the plan dashboard's figures are kept per value (<c>IIndicatorDataStamp</c>).</summary>
    public const string DataStamp = "training.data";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ModelConventions.AddChangeStamps(modelBuilder, DataStamp);
    }

    /// <summary>Units as Training knows them, kept from Organization's UnitCreated events.</summary>
    public DbSet<KnownUnit> KnownUnits => Set<KnownUnit>();

    public DbSet<PartnerAgency> Partners => Set<PartnerAgency>();
    public DbSet<PartnerMember> PartnerMembers => Set<PartnerMember>();
    public DbSet<Instructor> Instructors => Set<Instructor>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<CourseStep> CourseSteps => Set<CourseStep>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();
    public DbSet<Certificate> Certificates => Set<Certificate>();
    public DbSet<CalendarToken> CalendarTokens => Set<CalendarToken>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignParticipant> CampaignParticipants => Set<CampaignParticipant>();
    public DbSet<CampaignMaterial> CampaignMaterials => Set<CampaignMaterial>();
    public DbSet<ReachReport> ReachReports => Set<ReachReport>();
}

internal sealed class TrainingDesignTimeFactory : DesignTimeFactory<TrainingDbContext>
{
    protected override string Schema => TrainingDbContext.SchemaName;
    protected override TrainingDbContext Create(DbContextOptions<TrainingDbContext> options, AccessContext access) => new(options, access);
}

/// <summary>A union unit seen from Training (nominations and reports will refer to it). Not an aggregate of this module.</summary>
internal sealed class KnownUnit
{
    public Guid Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public Guid? ParentId { get; set; }
    public DateTime LearnedAtUtc { get; set; }
}

internal sealed class KnownUnitConfiguration : IEntityTypeConfiguration<KnownUnit>
{
    public void Configure(EntityTypeBuilder<KnownUnit> b)
    {
        b.ToTable("known_units");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Code).HasMaxLength(50);
        b.Property(x => x.Name).HasMaxLength(300);
    }
}
