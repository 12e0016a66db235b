namespace Khcn.BuildingBlocks.Domain;

/// <summary>
/// Base of every mutable aggregate. <see cref="Version"/> is the concurrency token on both providers
/// (SQLite has no rowversion): the save pipeline bumps it on every update, the API exposes it as the ETag.
/// </summary>
public abstract class Entity
{
    public Guid Id { get; protected set; } = Guid.CreateVersion7();
    public long Version { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>A record owned by a union unit: the scope filter hides it from users whose grants do not cover that unit.</summary>
public interface IUnitOwned
{
    Guid UnitId { get; }
}

/// <summary>Rows the audit trail does not record (the audit trail itself, outbox, inbox…).</summary>
public interface INotAudited;

/// <summary>A property derived from others (paths, search text, depths): the audit trail leaves it out.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotAuditedAttribute : Attribute;
