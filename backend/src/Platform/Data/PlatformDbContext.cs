using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Khcn.Platform.Data;

internal sealed class AppUser : IdentityUser<Guid>
{
    public string FullName { get; set; } = "";
    public bool IsDisabled { get; set; }
    /// <summary>An integrator client's account (no password, never signs in): it holds the client's role over its unit.</summary>
    public bool IsServiceAccount { get; set; }
    /// <summary>Set by an administrator's password reset: until the user picks their own password, only their own
    /// account screens answer (see <c>PasswordChangeGate</c>).</summary>
    public bool MustChangePassword { get; set; }
    [NotAudited] public string SearchText { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>A role held over a unit and everything below it.</summary>
internal sealed class UserGrant : Entity, IUnitOwned
{
    public Guid UserId { get; set; }
    public string Role { get; set; } = "";
    public Guid UnitId { get; set; }
}

/// <summary>Stored hashed; rotated on every refresh; a reused (already rotated) token revokes its whole family.</summary>
internal sealed class RefreshToken : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public Guid FamilyId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }
    public Guid? ReplacedById { get; set; }
}

/// <summary>Who may run a recurring job now, and when it last ran (shared by all replicas).</summary>
internal sealed class JobLease : INotAudited
{
    public string Name { get; set; } = "";
    public DateTime? LastRunAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public string? LockedBy { get; set; }
}

internal sealed class IdempotencyRecord : INotAudited
{
    public string Key { get; set; } = "";
    public string RequestHash { get; set; } = "";
    public int? StatusCode { get; set; }
    public string? ContentType { get; set; }
    public string? Location { get; set; }
    public string? ETag { get; set; }
    public byte[]? Body { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// The platform schema: identity (users, grants, refresh tokens), data-protection keys, idempotency keys and the
/// platform's audit trail. Everything an API replica would otherwise keep in memory lives here.
/// </summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options, AccessContext access)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IModuleDbContext, IDataProtectionKeyContext
{
    public const string SchemaName = "platform";
    public string Schema => SchemaName;
    public AccessContext Access { get; } = access;

    public DbSet<UserGrant> Grants => Set<UserGrant>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<IntegratorClient> IntegratorClients => Set<IntegratorClient>();
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
    public DbSet<WebhookSubscription> WebhookSubscriptions => Set<WebhookSubscription>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public Guid? AuditUnitOf(object entity) => (entity as IUnitOwned)?.UnitId;

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => ModelConventions.Configure(builder);

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        ModelConventions.Apply(b, Schema, scopeSource: null);
        ModelConventions.AddChangeStamps(b, AccessStamps.Users, Search.SearchIndex.Stamp);
        b.Entity<AppUser>(e =>
        {
            e.ToTable("users");
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.SearchText).HasMaxLength(500);
        });
        b.Entity<IdentityRole<Guid>>().ToTable("roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("user_roles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("user_claims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("user_logins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("user_tokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("role_claims");
        b.Entity<UserGrant>(e =>
        {
            e.ToTable("user_grants");
            e.HasKey(x => x.Id);
            e.Property(x => x.Role).HasMaxLength(40);
            e.HasIndex(x => new { x.UserId, x.Role, x.UnitId }).IsUnique();
            e.HasIndex(x => x.UnitId);
        });
        b.Entity<RefreshToken>(e =>
        {
            e.ToTable("refresh_tokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.TokenHash).HasMaxLength(100);
            e.HasIndex(x => x.TokenHash).IsUnique();
            e.HasIndex(x => x.FamilyId);
        });
        b.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.RequestHash).HasMaxLength(100);
            e.Property(x => x.ContentType).HasMaxLength(200);
            e.Property(x => x.Location).HasMaxLength(1000);
            e.Property(x => x.ETag).HasMaxLength(100);
        });
        b.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        b.Entity<JobLease>(e =>
        {
            e.ToTable("job_leases");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.LockedBy).HasMaxLength(200);
        });
        b.Entity<IdempotencyRecord>().HasIndex(x => x.CreatedAtUtc);
        b.Entity<Notification>(e =>
        {
            e.ToTable("notifications");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Key).HasMaxLength(300);
            e.HasIndex(x => x.Key).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(100);
            e.Property(x => x.Text).HasMaxLength(2000);
            e.Property(x => x.Link).HasMaxLength(1000);
            e.Property(x => x.ParamsJson).HasMaxLength(4000);
            e.HasIndex(x => new { x.UnitId, x.CreatedAtUtc });
            e.HasIndex(x => new { x.UserId, x.CreatedAtUtc });
        });
        b.Entity<NotificationRead>(e =>
        {
            e.ToTable("notification_reads");
            e.HasKey(x => new { x.NotificationId, x.UserId });
        });
        b.Entity<IntegratorClient>(e =>
        {
            e.ToTable("integrator_clients");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.ClientId).HasMaxLength(100);
            e.HasIndex(x => x.ClientId).IsUnique();
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(40);
            e.Property(x => x.Scopes).HasMaxLength(1000);
            e.Property(x => x.PreviousSecretHash).HasMaxLength(500);
            e.HasIndex(x => x.UnitId);
            e.Ignore(x => x.ScopeList);
        });
        // The KH,CN&ĐMST search index (ADR 0014); its full-text part (FTS5 table and triggers, SQL Server full-text
        // index) is created by hand in the AddSearchIndex migration of each provider.
        b.Entity<SearchEntry>(e =>
        {
            e.ToTable("search_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Kind).HasMaxLength(40);
            e.HasIndex(x => new { x.Kind, x.RecordId }).IsUnique();
            e.HasIndex(x => x.RecordId);
            e.HasIndex(x => x.UnitId);
            e.Property(x => x.Reach).HasConversion<int>();
            e.Property(x => x.Title).HasMaxLength(SearchEntry.TitleLength);
            e.Property(x => x.Body).HasMaxLength(SearchEntry.StoredBodyLength);
            e.Property(x => x.Status).HasMaxLength(40);
            e.Property(x => x.Link).HasMaxLength(300);
            e.Property(x => x.FoldedTitle).HasMaxLength(SearchEntry.TitleLength);
            e.Property(x => x.FoldedText).HasMaxLength(SearchEntry.TitleLength + SearchEntry.StoredBodyLength + 1);
        });
        b.Entity<WebhookSubscription>(e =>
        {
            e.ToTable("webhook_subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Url).HasMaxLength(1000);
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.EventTypes).HasMaxLength(1000);
            e.Property(x => x.ProtectedSecret).HasMaxLength(2000);
            e.Property(x => x.DisabledReason).HasMaxLength(500);
            e.HasIndex(x => x.ClientId);
            e.HasIndex(x => x.UnitId);
            e.Ignore(x => x.EventTypeList);
        });
        b.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.EventType).HasMaxLength(100);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.HasIndex(x => new { x.SubscriptionId, x.EventId }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAtUtc });
            e.HasIndex(x => new { x.SubscriptionId, x.CreatedAtUtc });
        });
        // OpenIddict's applications (the clients' ids, hashed secrets and permissions); tokens are self-contained, so
        // its authorization and token tables stay empty (storage disabled) but exist for its stores.
        b.UseOpenIddict();
        b.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oauth_applications");
        b.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oauth_authorizations");
        b.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oauth_scopes");
        b.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oauth_tokens");
        ModelConventions.ApplyEntityConventions(b, scopeSource: null);
    }
}

internal sealed class PlatformDesignTimeFactory : DesignTimeFactory<PlatformDbContext>
{
    protected override string Schema => PlatformDbContext.SchemaName;
    protected override PlatformDbContext Create(DbContextOptions<PlatformDbContext> options, AccessContext access) => new(options, access);
}

/// <summary>
/// Short-lived platform contexts, as the system, for the stores that must not share the request's unit of work
/// (idempotency keys, job leases): a refused insert there must never linger in the request's own SaveChanges.
/// </summary>
internal sealed class PlatformContexts(DatabaseOptions database)
{
    private readonly DbContextOptions<PlatformDbContext> _options = BuildOptions(database);

    private static DbContextOptions<PlatformDbContext> BuildOptions(DatabaseOptions database)
    {
        var builder = new DbContextOptionsBuilder<PlatformDbContext>();
        PersistenceRegistration.Configure(builder, database, PlatformDbContext.SchemaName);
        return builder.Options;
    }

    public PlatformDbContext Create()
    {
        var access = new AccessContext();
        access.UseSystem();
        return new PlatformDbContext(_options, access);
    }
}
