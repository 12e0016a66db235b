using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Platform.Integrations.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>
/// Sends a delivery again now (a failed one, or a delivered one the receiver lost): same payload and the same
/// <c>webhook-id</c>, so a receiver that keeps the ids it handled ignores a duplicate.
/// </summary>
public sealed record RedeliverWebhook : Mediator.ICommand<WebhookDeliveryView>
{
    public const string Route = "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver";
    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
}

internal sealed class RedeliverWebhookHandler(PlatformDbContext db, TimeProvider clock, OutboxSignal signal)
    : Mediator.ICommandHandler<RedeliverWebhook, WebhookDeliveryView>
{
    public async ValueTask<WebhookDeliveryView> Handle(RedeliverWebhook command, CancellationToken ct)
    {
        var subscription = await db.ManagedSubscriptionAsync(command.Id, ct);
        var delivery = await db.WebhookDeliveries.FirstOrDefaultAsync(d => d.Id == command.DeliveryId && d.SubscriptionId == subscription.Id, ct)
                       ?? throw new NotFoundException(Localized.Text("Webhook delivery", "lần gửi webhook"), command.DeliveryId);
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptAtUtc = clock.GetUtcNow().UtcDateTime;
        delivery.LockedUntilUtc = null;
        signal.Notify(WebhookOptions.SignalName);
        return WebhookSubscriptions.ToView(delivery);
    }
}

internal sealed class RedeliverWebhookEndpoint(IMediator mediator) : Endpoint<RedeliverWebhook, WebhookDeliveryView>
{
    public override void Configure()
    {
        Post(RedeliverWebhook.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Queue a webhook delivery again (same webhook-id and payload)");
    }

    public override async Task HandleAsync(RedeliverWebhook req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
