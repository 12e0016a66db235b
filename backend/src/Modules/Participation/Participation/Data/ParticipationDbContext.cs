using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Data;

internal sealed class ParticipationDbContext(DbContextOptions<ParticipationDbContext> options, AccessContext access)
    : ModuleDbContext(options, access)
{
    public const string SchemaName = "participation";
    public override string Schema => SchemaName;

    /// <summary>Changes with any saved change of the module's records: the plan dashboard's figures are kept per value (<c>IIndicatorDataStamp</c>).</summary>
    public const string DataStamp = "participation.data";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        ModelConventions.AddChangeStamps(modelBuilder, DataStamp);
    }

    public DbSet<Initiative> Initiatives => Set<Initiative>();
    public DbSet<InitiativeAuthor> InitiativeAuthors => Set<InitiativeAuthor>();
    public DbSet<ConditionCheck> ConditionChecks => Set<ConditionCheck>();
    public DbSet<InitiativeAttachment> InitiativeAttachments => Set<InitiativeAttachment>();
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<CouncilItem> CouncilItems => Set<CouncilItem>();
    public DbSet<CouncilScore> CouncilScores => Set<CouncilScore>();
    public DbSet<Movement> Movements => Set<Movement>();
    public DbSet<EmulationCluster> Clusters => Set<EmulationCluster>();
    public DbSet<ClusterMember> ClusterMembers => Set<ClusterMember>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<RegistrationReminder> RegistrationReminders => Set<RegistrationReminder>();
    public DbSet<CommendationProposal> CommendationProposals => Set<CommendationProposal>();
    public DbSet<CommendationNominee> CommendationNominees => Set<CommendationNominee>();
    public DbSet<HonouringEvent> HonouringEvents => Set<HonouringEvent>();
    public DbSet<HonouredDecision> HonouredDecisions => Set<HonouredDecision>();
    public DbSet<HonourCertificate> HonourCertificates => Set<HonourCertificate>();
    public DbSet<ResearchCall> ResearchCalls => Set<ResearchCall>();
    public DbSet<ResearchTopic> ResearchTopics => Set<ResearchTopic>();
    public DbSet<TopicAttachment> TopicAttachments => Set<TopicAttachment>();

    /// <summary>Movements and clusters are read downwards (not scope-filtered), but their audit entries belong to the unit that owns them.</summary>
    public override Guid? AuditUnitOf(object entity) => entity switch
    {
        Movement m => m.UnitId,
        EmulationCluster c => c.UnitId,
        ResearchCall c => c.UnitId,
        HonourCertificate c => c.UnitId,
        _ => base.AuditUnitOf(entity),
    };
}

internal sealed class ParticipationDesignTimeFactory : DesignTimeFactory<ParticipationDbContext>
{
    protected override string Schema => ParticipationDbContext.SchemaName;
    protected override ParticipationDbContext Create(DbContextOptions<ParticipationDbContext> options, AccessContext access) => new(options, access);
}
