using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>Stops deliveries to a subscription (its pending deliveries wait; enabling it again sends them).</summary>
public sealed record DisableWebhookSubscription : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/webhooks/{id}/disable";
    public Guid Id { get; init; }
}

/// <summary>Enables a subscription again (also after it was disabled for failing) and resets its failure count.</summary>
public sealed record EnableWebhookSubscription : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/webhooks/{id}/enable";
    public Guid Id { get; init; }
}

internal sealed class DisableWebhookSubscriptionHandler(PlatformDbContext db)
    : Mediator.ICommandHandler<DisableWebhookSubscription>, Mediator.ICommandHandler<EnableWebhookSubscription>
{
    public async ValueTask<Mediator.Unit> Handle(DisableWebhookSubscription command, CancellationToken ct)
    {
        (await db.ManagedSubscriptionAsync(command.Id, ct)).Disable(Localized.Text("Disabled by an administrator", "Quản trị viên đã tắt"));
        return Mediator.Unit.Value;
    }

    public async ValueTask<Mediator.Unit> Handle(EnableWebhookSubscription command, CancellationToken ct)
    {
        (await db.ManagedSubscriptionAsync(command.Id, ct)).Enable();
        return Mediator.Unit.Value;
    }
}

internal sealed class DisableWebhookSubscriptionEndpoint(IMediator mediator) : ChangedEndpoint<DisableWebhookSubscription, WebhookSubscriptionView>(mediator)
{
    public override void Configure()
    {
        Post(DisableWebhookSubscription.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Disable a webhook subscription");
    }

    protected override IQuery<WebhookSubscriptionView> ReadBack(DisableWebhookSubscription command) => new GetWebhookSubscription { Id = command.Id };
}

internal sealed class EnableWebhookSubscriptionEndpoint(IMediator mediator) : ChangedEndpoint<EnableWebhookSubscription, WebhookSubscriptionView>(mediator)
{
    public override void Configure()
    {
        Post(EnableWebhookSubscription.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Enable a webhook subscription again");
    }

    protected override IQuery<WebhookSubscriptionView> ReadBack(EnableWebhookSubscription command) => new GetWebhookSubscription { Id = command.Id };
}
