using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>Removes a subscription and its delivery log.</summary>
public sealed record DeleteWebhookSubscription : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/webhooks/{id}";
    public Guid Id { get; init; }
}

internal sealed class DeleteWebhookSubscriptionHandler(PlatformDbContext db) : Mediator.ICommandHandler<DeleteWebhookSubscription>
{
    public async ValueTask<Mediator.Unit> Handle(DeleteWebhookSubscription command, CancellationToken ct)
    {
        var subscription = await db.ManagedSubscriptionAsync(command.Id, ct);
        db.WebhookDeliveries.RemoveRange(await db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription.Id).ToListAsync(ct));
        db.WebhookSubscriptions.Remove(subscription);
        return Mediator.Unit.Value;
    }
}

internal sealed class DeleteWebhookSubscriptionEndpoint(IMediator mediator) : Endpoint<DeleteWebhookSubscription>
{
    public override void Configure()
    {
        Delete(DeleteWebhookSubscription.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Delete a webhook subscription and its delivery log");
    }

    public override async Task HandleAsync(DeleteWebhookSubscription req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
