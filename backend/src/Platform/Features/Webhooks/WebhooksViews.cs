using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Platform.Integrations.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>A webhook subscription as administrators see it (never its secret).</summary>
public sealed record WebhookSubscriptionView(Guid Id, Guid ClientId, string? ClientName, Guid UnitId, string Url, string? Description,
    IReadOnlyList<string> EventTypes, bool IsDisabled, string? DisabledReason, int ConsecutiveFailures, DateTime CreatedAt);

/// <summary>A new subscription and its signing secret (<c>whsec_…</c>): shown this once.</summary>
public sealed record WebhookSubscriptionWithSecret(WebhookSubscriptionView Subscription, string Secret);

/// <summary>One event for one subscription in the delivery log.</summary>
public sealed record WebhookDeliveryView(Guid Id, Guid SubscriptionId, Guid EventId, string EventType, WebhookDeliveryStatus Status,
    int Attempts, DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? LastAttemptAt, int? LastStatusCode, string? LastError,
    DateTime? DeliveredAt, string Payload);

/// <summary>An event type of the catalogue, and the API scope a client needs to receive it.</summary>
public sealed record WebhookEventTypeView(string Name, string Scope, string Description);

internal static class WebhookSubscriptions
{
    private static string Entity => Localized.Text("Webhook subscription", "đăng ký webhook");

    /// <summary>The subscriptions of clients in the caller's scope.</summary>
    public static IQueryable<WebhookSubscription> VisibleSubscriptions(this PlatformDbContext db)
    {
        if (db.Access.Unrestricted) return db.WebhookSubscriptions;
        var visible = db.Access.VisibleUnitIds;
        return db.WebhookSubscriptions.Where(s => visible.Contains(s.UnitId));
    }

    public static async Task<WebhookSubscription> VisibleSubscriptionAsync(this PlatformDbContext db, Guid id, CancellationToken ct) =>
        await db.VisibleSubscriptions().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException(Entity, id);

    /// <summary>404 outside the scope, 403 without user management over the client's unit.</summary>
    public static async Task<WebhookSubscription> ManagedSubscriptionAsync(this PlatformDbContext db, Guid id, CancellationToken ct)
    {
        var subscription = await db.VisibleSubscriptionAsync(id, ct);
        db.Access.Demand(Permission.UsersManage, subscription.UnitId, Entity, id);
        return subscription;
    }

    /// <summary>The event types must be in the catalogue and allowed by the client's role and scopes (400 otherwise).</summary>
    public static void DemandAllowed(IntegratorClient client, IEnumerable<string> eventTypes)
    {
        var refused = eventTypes.Where(t => !WebhookCatalogue.Allows(t, client.Role, client.ScopeList)).ToList();
        if (refused.Count == 0) return;
        throw new RequestValidationException(new Dictionary<string, string[]>
        {
            ["eventTypes"] = [Localized.Text($"This client may not receive: {string.Join(", ", refused)} (its role or API scopes do not allow them).",
                $"Ứng dụng này không được nhận: {string.Join(", ", refused)} (vai trò hoặc phạm vi API không cho phép).")],
        });
    }

    public static async Task<WebhookSubscriptionView> ViewAsync(this PlatformDbContext db, Guid id, CancellationToken ct)
    {
        var s = await db.VisibleSubscriptionAsync(id, ct);
        var name = await db.IntegratorClients.Where(c => c.Id == s.ClientId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return ToView(s, name);
    }

    public static WebhookSubscriptionView ToView(WebhookSubscription s, string? clientName) =>
        new(s.Id, s.ClientId, clientName, s.UnitId, s.Url, s.Description, s.EventTypeList, s.IsDisabled, s.DisabledReason, s.ConsecutiveFailures, s.CreatedAtUtc);

    public static WebhookDeliveryView ToView(WebhookDelivery d) =>
        new(d.Id, d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts, d.CreatedAtUtc,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAtUtc : null, d.LastAttemptAtUtc, d.LastStatusCode, d.LastError, d.DeliveredAtUtc, d.Payload);
}
