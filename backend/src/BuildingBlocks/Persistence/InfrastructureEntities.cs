using Khcn.BuildingBlocks.Domain;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>One change to one record, written in the same transaction as the change itself.</summary>
public sealed class AuditEntry : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTime OccurredAtUtc { get; set; }
    public Guid? UserId { get; set; }
    public string? UserEmail { get; set; }
    public Guid? UnitId { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>JSON array of {field, old, new}.</summary>
    public string Changes { get; set; } = "[]";
}

/// <summary>An integration event saved with the change that caused it, dispatched afterwards.</summary>
public sealed class OutboxMessage : INotAudited
{
    public Guid Id { get; set; }
    public string Type { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTime OccurredAtUtc { get; set; }
    public DateTime? ProcessedAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? LockedUntilUtc { get; set; }
    public string? LockedBy { get; set; }
}

/// <summary>Marks an event as handled by one handler of this module, so redelivery changes nothing.</summary>
public sealed class InboxMessage : INotAudited
{
    public Guid MessageId { get; set; }
    public string Handler { get; set; } = "";
    public DateTime ProcessedAtUtc { get; set; }
}
