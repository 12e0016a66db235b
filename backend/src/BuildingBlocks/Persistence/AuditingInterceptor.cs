using System.Runtime.CompilerServices;
using System.Text.Json;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// The save pipeline of every module context: stamps times, bumps the concurrency token, writes one audit entry
/// per changed record in the same SaveChanges (hence the same transaction), and wakes the outbox dispatcher
/// once something was queued.
/// </summary>
public sealed class AuditingInterceptor(TimeProvider clock, OutboxSignal signal) : SaveChangesInterceptor
{
    private static readonly HashSet<string> NotRecorded =
    [
        nameof(Entity.Version), nameof(Entity.CreatedAtUtc), nameof(Entity.UpdatedAtUtc),
        // Identity's secrets and derived columns (its classes are not ours to annotate).
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedEmail", "NormalizedUserName",
        // OpenIddict's hashed client secret (an integrator client's rotation is recorded on the client itself).
        "ClientSecret",
    ];

    private static readonly ConditionalWeakTable<DbContext, object> QueuedOutbox = new();

    /// <summary>
    /// The changes as compact as they read back: no null members, Vietnamese letters as UTF-8 rather than \u escapes
    /// (a third of the size of an entry's text; the trail is most of a database's bytes).
    /// </summary>
    private static readonly JsonSerializerOptions CompactJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context!);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeDispatcher(eventData.Context!);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        WakeDispatcher(eventData.Context!);
        return ValueTask.FromResult(result);
    }

    private void WakeDispatcher(DbContext context)
    {
        if (QueuedOutbox.TryGetValue(context, out _) && context is IModuleDbContext m)
        {
            QueuedOutbox.Remove(context);
            signal.Notify(m.Schema);
        }
    }

    private void Stamp(DbContext context)
    {
        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow().UtcDateTime;
        var module = context as IModuleDbContext;
        var audits = new List<AuditEntry>();

        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is OutboxMessage && entry.State == EntityState.Added)
                QueuedOutbox.AddOrUpdate(context, true);

            if (entry.Entity is Entity entity)
            {
                switch (entry.State)
                {
                    case EntityState.Added:
                        entity.CreatedAtUtc = now;
                        entity.UpdatedAtUtc = now;
                        entity.Version = 1;
                        break;
                    case EntityState.Modified:
                        entity.UpdatedAtUtc = now;
                        var version = entry.Property(nameof(Entity.Version));
                        version.CurrentValue = (long)version.OriginalValue! + 1;
                        break;
                }
            }

            if (entry.Entity is INotAudited || module is null) continue;
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;

            audits.Add(new AuditEntry
            {
                OccurredAtUtc = now,
                UserId = module.Access.UserId,
                UserEmail = module.Access.IsSystem ? "system" : module.Access.Email,
                UnitId = module.AuditUnitOf(entry.Entity),
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)),
                Action = entry.State switch
                {
                    EntityState.Added => "Created",
                    EntityState.Deleted => "Deleted",
                    _ => "Updated",
                },
                Changes = JsonSerializer.Serialize(changes, CompactJson),
            });
        }

        if (audits.Count > 0) context.AddRange(audits);
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var list = new List<FieldChange>();
        // Owned values (an attachment's file) are recorded field by field, like the entity's own columns.
        foreach (var p in entry.Properties.Concat(entry.ComplexProperties.SelectMany(c => c.Properties)))
        {
            if (NotRecorded.Contains(p.Metadata.Name) || p.Metadata.IsShadowProperty() || p.Metadata.IsPrimaryKey()
                || p.Metadata.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), inherit: true) == true) continue;
            var old = entry.State == EntityState.Added ? null : Format(p.OriginalValue);
            var @new = entry.State == EntityState.Deleted ? null : Format(p.CurrentValue);
            if (entry.State == EntityState.Modified && (!p.IsModified || old == @new)) continue;
            if (entry.State == EntityState.Added && @new is null) continue;
            list.Add(new FieldChange(JsonNamingPolicy.CamelCase.ConvertName(p.Metadata.Name), old, @new));
        }
        return list;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O"),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

public sealed record FieldChange(string Field, string? Old, string? New);
