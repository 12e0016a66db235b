using System.Linq.Expressions;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Microsoft.EntityFrameworkCore;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// What every module's DbContext has: its own schema, the audit trail, outbox and inbox in that schema, the
/// concurrency token, UTC dates, and the scope filter on unit-owned rows. Modules derive from it and add their
/// own sets and configurations. (The platform's Identity context cannot derive from it and calls
/// <see cref="ModelConventions"/> instead.)
/// </summary>
public abstract class ModuleDbContext(DbContextOptions options, AccessContext access) : DbContext(options), IModuleDbContext
{
    public abstract string Schema { get; }

    public AccessContext Access { get; } = access;

    // Read by the scope query filters at query time (EF parameterises members of the context): null when unrestricted.
    public Guid? ScopeKey => Access.ScopeKey;

    /// <summary>The units the caller sees, as a subquery on this database's <see cref="AccessScope"/> rows (for queries that bypass the filter).</summary>
    public IQueryable<Guid> VisibleUnits => Set<AccessScope>().Where(s => s.ScopeKey == ScopeKey).Select(s => s.UnitId);

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>Queue an integration event; it is saved with the current change and dispatched after commit.</summary>
    public void Publish(IIntegrationEvent @event) => OutboxMessages.Add(OutboxSerializer.ToMessage(@event));

    /// <summary>
    /// Queue an in-app notification: a <see cref="NoticeRequested"/> event saved with the current change (so a crash
    /// after the commit loses nothing) and stored by Platform once per <see cref="Messaging.Notice.Key"/>.
    /// </summary>
    public void Notify(NoticeTarget target, Messaging.Notice notice) => Publish(new NoticeRequested(
        Guid.CreateVersion7(), DateTime.UtcNow, target, notice.Key, notice.Kind, notice.Text, notice.Link, notice.Params));

    /// <summary>
    /// Take back the notices this module queued whose key starts with <paramref name="keyPrefix"/> (a reminder whose
    /// request has been met): a <see cref="NoticesWithdrawn"/> event saved with the current change, after the notices.
    /// </summary>
    public void Withdraw(string keyPrefix) => Publish(new NoticesWithdrawn(Guid.CreateVersion7(), DateTime.UtcNow, keyPrefix));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ModelConventions.Apply(modelBuilder, Schema, this);
        modelBuilder.ApplyConfigurationsFromAssembly(GetType().Assembly, t => ConfigurationBelongsHere(t));
        ModelConventions.ApplyEntityConventions(modelBuilder, this);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder) => ModelConventions.Configure(builder);

    /// <summary>A module assembly holds one context; override when it holds more.</summary>
    protected virtual bool ConfigurationBelongsHere(Type configurationType) => true;

    /// <summary>Scope filter for an entity whose owning unit is not a plain <see cref="IUnitOwned"/> property.</summary>
    protected void ScopeBy<T>(ModelBuilder modelBuilder, Expression<Func<T, Guid>> unitOf) where T : class =>
        ModelConventions.ScopeBy(modelBuilder, this, unitOf);

    public virtual Guid? AuditUnitOf(object entity) => (entity as IUnitOwned)?.UnitId;
}

public interface IModuleDbContext
{
    string Schema { get; }
    AccessContext Access { get; }
    Guid? AuditUnitOf(object entity);
}

public static class OutboxSerializer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static OutboxMessage ToMessage(IIntegrationEvent e) => new()
    {
        Id = e.EventId,
        Type = e.GetType().AssemblyQualifiedName!,
        Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
        OccurredAtUtc = e.OccurredAtUtc,
    };

    public static IIntegrationEvent FromMessage(OutboxMessage m)
    {
        var type = System.Type.GetType(m.Type, throwOnError: true)!;
        return (IIntegrationEvent)JsonSerializer.Deserialize(m.Payload, type, Json)!;
    }
}
