using Khcn.BuildingBlocks.Domain;

namespace Khcn.Platform.Domain;

/// <summary>Where a webhook delivery stands.</summary>
public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending,
    /// <summary>The receiver answered 2xx.</summary>
    Delivered,
    /// <summary>Every attempt failed (or the subscription was disabled); a manual redelivery may try again.</summary>
    Failed,
}

/// <summary>
/// An integrator client's subscription to integration events (Standard Webhooks): the HTTPS URL the events are
/// POSTed to, the event types it wants and the secret they are signed with (kept protected with the data-protection
/// keys, since signing needs it back; shown once, as <c>whsec_…</c>). Owned by the client's unit, so the audit trail
/// and the scope of administrators follow the client's.
/// </summary>
internal sealed class WebhookSubscription : Entity, IUnitOwned
{
    public Guid ClientId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Url { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>Space-separated event types (e.g. <c>initiative.recognised training.completed</c>).</summary>
    public string EventTypes { get; set; } = "";
    [NotAudited] public string ProtectedSecret { get; private set; } = "";
    public bool IsDisabled { get; private set; }
    public string? DisabledReason { get; private set; }
    /// <summary>Failed attempts in a row, across its deliveries; a 2xx resets it.</summary>
    [NotAudited] public int ConsecutiveFailures { get; private set; }
    public Guid? CreatedByUserId { get; private set; }

    public IReadOnlyList<string> EventTypeList => EventTypes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static WebhookSubscription Create(Guid clientId, Guid unitId, string url, string? description, IEnumerable<string> eventTypes,
        string protectedSecret, Guid? createdBy) => new()
    {
        ClientId = clientId, UnitId = unitId, Url = url, Description = description,
        EventTypes = string.Join(' ', eventTypes.Distinct().Order()), ProtectedSecret = protectedSecret, CreatedByUserId = createdBy,
    };

    /// <summary>
    /// Whether an event goes to this subscription: enabled, of a type it asked for, and one that occurred once it
    /// existed. A subscription is not a replay of history: an older event that reaches the platform late (an outbox
    /// retry, the demo's backdated records) is not sent to an endpoint that did not exist when it happened.
    /// </summary>
    public bool Wants(string eventType, DateTime occurredAtUtc) =>
        !IsDisabled && EventTypeList.Contains(eventType) && occurredAtUtc >= CreatedAtUtc;

    public void Disable(string reason)
    {
        IsDisabled = true;
        DisabledReason = reason;
    }

    public void Enable()
    {
        IsDisabled = false;
        DisabledReason = null;
        ConsecutiveFailures = 0;
    }

    public void Succeeded() => ConsecutiveFailures = 0;

    /// <summary>Counts a failed attempt; true when it reaches <paramref name="disableAfter"/> and the subscription is disabled now.</summary>
    public bool Failed(int disableAfter)
    {
        ConsecutiveFailures++;
        if (IsDisabled || ConsecutiveFailures < disableAfter) return false;
        Disable($"{ConsecutiveFailures} consecutive failed attempts");
        return true;
    }
}

/// <summary>One event for one subscription: its payload (as signed), its attempts and where it stands (the delivery log).</summary>
internal sealed class WebhookDelivery : INotAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SubscriptionId { get; set; }
    /// <summary>The integration event's id (the test event's own id): one delivery per event and subscription.</summary>
    public Guid EventId { get; set; }
    public string EventType { get; set; } = "";
    public string Payload { get; set; } = "";
    public WebhookDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextAttemptAtUtc { get; set; }
    public DateTime? LastAttemptAtUtc { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTime? DeliveredAtUtc { get; set; }
    public DateTime? LockedUntilUtc { get; set; }

    /// <summary>
    /// The wait before attempt n+1 after n failed ones: <paramref name="first"/> doubled each time, at most
    /// <paramref name="max"/> (30 s, 1 min, 2 min, 4 min… with the defaults).
    /// </summary>
    public static TimeSpan Backoff(int failedAttempts, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var wait = TimeSpan.FromSeconds(first.TotalSeconds * factor);
        return wait < max ? wait : max;
    }
}
