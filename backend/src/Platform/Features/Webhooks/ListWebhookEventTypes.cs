using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Integrations.Webhooks;
using Mediator;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>The catalogue of integration events a webhook may carry, with the API scope each needs.</summary>
public sealed record ListWebhookEventTypes : IQuery<IReadOnlyList<WebhookEventTypeView>>
{
    public const string Route = "/api/v1/admin/webhooks/event-types";
}

internal sealed class ListWebhookEventTypesHandler : IQueryHandler<ListWebhookEventTypes, IReadOnlyList<WebhookEventTypeView>>
{
    public ValueTask<IReadOnlyList<WebhookEventTypeView>> Handle(ListWebhookEventTypes query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<WebhookEventTypeView>>(
            WebhookCatalogue.All.Select(e => new WebhookEventTypeView(e.Name, e.Scope, WebhookCatalogue.Describe(e))).ToList());
}

internal sealed class ListWebhookEventTypesEndpoint(IMediator mediator) : EndpointWithoutRequest<IReadOnlyList<WebhookEventTypeView>>
{
    public override void Configure()
    {
        Get(ListWebhookEventTypes.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List the event types a webhook subscription may carry");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new ListWebhookEventTypes(), ct), ct);
}
