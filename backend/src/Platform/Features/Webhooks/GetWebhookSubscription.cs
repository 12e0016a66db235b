using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>One webhook subscription in the caller's scope.</summary>
public sealed record GetWebhookSubscription : IQuery<WebhookSubscriptionView>
{
    public const string Route = "/api/v1/admin/webhooks/{id}";
    public Guid Id { get; init; }
    public static string For(Guid id) => Route.Replace("{id}", id.ToString());
}

internal sealed class GetWebhookSubscriptionHandler(PlatformDbContext db) : IQueryHandler<GetWebhookSubscription, WebhookSubscriptionView>
{
    public async ValueTask<WebhookSubscriptionView> Handle(GetWebhookSubscription query, CancellationToken ct) => await db.ViewAsync(query.Id, ct);
}

internal sealed class GetWebhookSubscriptionEndpoint(IMediator mediator) : Endpoint<GetWebhookSubscription, WebhookSubscriptionView>
{
    public override void Configure()
    {
        Get(GetWebhookSubscription.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Get a webhook subscription");
    }

    public override async Task HandleAsync(GetWebhookSubscription req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
