using System.Linq.Expressions;
using Khcn.BuildingBlocks.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>The model rules every module context shares (the Identity context included).</summary>
public static class ModelConventions
{
    /// <summary>The rows of this schema's <see cref="ChangeStamp"/>s (created by the migrations, so a save can always update them).</summary>
    public static void AddChangeStamps(ModelBuilder mb, params string[] names) =>
        mb.Entity<ChangeStamp>(b =>
        {
            b.ToTable("change_stamps");
            b.HasKey(x => x.Name);
            b.Property(x => x.Name).HasMaxLength(60);
            b.HasData(names.Select(n => new ChangeStamp { Name = n, Value = Guid.Empty }));
        });

    public static void Apply(ModelBuilder mb, string schema, ModuleDbContext? scopeSource)
    {
        mb.HasDefaultSchema(schema);

        mb.Entity<AuditEntry>(b =>
        {
            b.ToTable("audit_entries");
            b.HasKey(x => x.Id);
            b.Property(x => x.EntityType).HasMaxLength(100);
            b.Property(x => x.EntityId).HasMaxLength(100);
            b.Property(x => x.Action).HasMaxLength(20);
            b.Property(x => x.UserEmail).HasMaxLength(256);
            // What the audit list (GET /api/v1/audit) filters on, and nothing more: a record's trail (by type, or type
            // and id, newest first) and the caller's scope (by unit).
            b.HasIndex(x => new { x.EntityType, x.EntityId, x.OccurredAtUtc });
            b.HasIndex(x => x.UnitId);
            if (scopeSource is not null)
                b.HasQueryFilter("scope", (AuditEntry a) => EF.Parameter(scopeSource.ScopeKey) == null || (a.UnitId != null && scopeSource.Set<AccessScope>()
                    .Where(s => s.ScopeKey == scopeSource.ScopeKey).Select(s => s.UnitId).Contains(a.UnitId.Value)));
        });
        if (scopeSource is not null)
            mb.Entity<AccessScope>(b =>
            {
                b.ToTable("access_scopes");
                b.HasKey(x => new { x.ScopeKey, x.UnitId });
            });
        mb.Entity<OutboxMessage>(b =>
        {
            b.ToTable("outbox_messages");
            b.HasKey(x => x.Id);
            b.Property(x => x.Type).HasMaxLength(500);
            b.Property(x => x.LockedBy).HasMaxLength(100);
            b.Property(x => x.LastError).HasMaxLength(2000);
            b.HasIndex(x => new { x.ProcessedAtUtc, x.OccurredAtUtc });
        });
        mb.Entity<InboxMessage>(b =>
        {
            b.ToTable("inbox_messages");
            b.HasKey(x => new { x.MessageId, x.Handler });
            b.Property(x => x.Handler).HasMaxLength(300);
        });
    }

    /// <summary>After the module's own configurations: concurrency token and scope filter by convention.</summary>
    public static void ApplyEntityConventions(ModelBuilder mb, ModuleDbContext? scopeSource)
    {
        foreach (var et in mb.Model.GetEntityTypes().Where(t => t.BaseType is null).ToList())
        {
            if (typeof(Entity).IsAssignableFrom(et.ClrType))
                mb.Entity(et.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
            if (scopeSource is not null && typeof(IUnitOwned).IsAssignableFrom(et.ClrType))
            {
                var method = typeof(ModelConventions).GetMethod(nameof(ScopeByUnitOwned), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(et.ClrType);
                method.Invoke(null, [mb, scopeSource]);
            }
        }
    }

    private static void ScopeByUnitOwned<T>(ModelBuilder mb, ModuleDbContext source) where T : class, IUnitOwned =>
        ScopeBy<T>(mb, source, e => e.UnitId);

    public static void ScopeBy<T>(ModelBuilder mb, ModuleDbContext source, Expression<Func<T, Guid>> unitOf) where T : class
    {
        // "@key IS NULL OR …": EF renders the SQL per nullness of @key, so an unrestricted caller gets no filter at all
        // and everyone else an indexed IN over the scope's rows — never a list of ids, however large the subtree.
        // EF.Parameter keeps the null test in SQL: left to itself EF evaluates "key == null" in .NET and sends it as
        // a boolean flag, "@flag OR UnitId IN (…)", under which SQLite cannot use the unit index (#17, ADR 0004).
        Expression<Func<Guid, bool>> visible = id => EF.Parameter(source.ScopeKey) == null ||
            source.Set<AccessScope>().Where(s => s.ScopeKey == source.ScopeKey).Select(s => s.UnitId).Contains(id);
        var body = new Replace(visible.Parameters[0], unitOf.Body).Visit(visible.Body);
        mb.Entity<T>().HasQueryFilter("scope", Expression.Lambda<Func<T, bool>>(body, unitOf.Parameters));
    }

    public static void Configure(ModelConfigurationBuilder builder)
    {
        builder.Properties<DateTime>().HaveConversion<UtcConverter>();
        builder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
        builder.Properties<decimal>().HavePrecision(18, 2);
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
        v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
