using FastEndpoints;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Platform.Integrations.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>Queues a <c>webhook.test</c> event for the subscription (no data of any record), to check the receiver and its signature check.</summary>
public sealed record SendTestWebhook : Mediator.ICommand<WebhookDeliveryView>
{
    public const string Route = "/api/v1/admin/webhooks/{id}/test";
    public Guid Id { get; init; }
}

internal sealed class SendTestWebhookHandler(PlatformDbContext db, TimeProvider clock, OutboxSignal signal)
    : Mediator.ICommandHandler<SendTestWebhook, WebhookDeliveryView>
{
    public async ValueTask<WebhookDeliveryView> Handle(SendTestWebhook command, CancellationToken ct)
    {
        var subscription = await db.ManagedSubscriptionAsync(command.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = Guid.CreateVersion7();
        var delivery = new WebhookDelivery
        {
            SubscriptionId = subscription.Id, EventId = eventId, EventType = WebhookCatalogue.Test,
            Payload = WebhookCatalogue.Payload(WebhookCatalogue.Test, now,
                new { subscriptionId = subscription.Id, message = "Sự kiện thử của nền tảng KH,CN&ĐMST." }),
            Status = WebhookDeliveryStatus.Pending, CreatedAtUtc = now, NextAttemptAtUtc = now,
        };
        db.WebhookDeliveries.Add(delivery);
        signal.Notify(WebhookOptions.SignalName);
        return WebhookSubscriptions.ToView(delivery);
    }
}

internal sealed class SendTestWebhookEndpoint(IMediator mediator) : Endpoint<SendTestWebhook, WebhookDeliveryView>
{
    public override void Configure()
    {
        Post(SendTestWebhook.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Send a test event to a webhook subscription (honours Idempotency-Key)";
            s.Response<WebhookDeliveryView>(201, "The queued test delivery.");
        });
    }

    public override async Task HandleAsync(SendTestWebhook req, CancellationToken ct) =>
        await Send.ResponseAsync(await mediator.Send(req, ct), StatusCodes.Status201Created, ct);
}
