using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>The delivery log of a subscription, newest first; <c>status</c> narrows it (Pending, Delivered, Failed).</summary>
public sealed class ListWebhookDeliveries : IQuery<PagedResult<WebhookDeliveryView>>, IPagedQuery
{
    public const string Route = "/api/v1/admin/webhooks/{id}/deliveries";
    public Guid Id { get; init; }
    public WebhookDeliveryStatus? Status { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>createdAt (newest first by default; "createdAt" for oldest first).</summary>
    public string? Sort { get; init; }
    /// <summary>An event type.</summary>
    public string? Q { get; init; }
    public static string For(Guid id) => Route.Replace("{id}", id.ToString());
}

internal sealed class ListWebhookDeliveriesValidator : AbstractValidator<ListWebhookDeliveries>
{
    public ListWebhookDeliveriesValidator()
    {
        this.AddPagingRules("createdAt");
        RuleFor(x => x.Q).MaximumLength(100);
    }
}

internal sealed class ListWebhookDeliveriesHandler(PlatformDbContext db) : IQueryHandler<ListWebhookDeliveries, PagedResult<WebhookDeliveryView>>
{
    public async ValueTask<PagedResult<WebhookDeliveryView>> Handle(ListWebhookDeliveries query, CancellationToken ct)
    {
        var subscription = await db.VisibleSubscriptionAsync(query.Id, ct);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == subscription.Id);
        if (query.Status is { } status) deliveries = deliveries.Where(d => d.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Q)) deliveries = deliveries.Where(d => d.EventType == query.Q.Trim());
        deliveries = query.Sort == "createdAt" ? deliveries.OrderBy(d => d.CreatedAtUtc) : deliveries.OrderByDescending(d => d.CreatedAtUtc);
        var page = await deliveries.ToPageAsync(query, ct);
        return new PagedResult<WebhookDeliveryView>(page.Items.Select(WebhookSubscriptions.ToView).ToList(), page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListWebhookDeliveriesEndpoint(IMediator mediator) : Endpoint<ListWebhookDeliveries, PagedResult<WebhookDeliveryView>>
{
    public override void Configure()
    {
        Get(ListWebhookDeliveries.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List a webhook subscription's deliveries (the delivery log)");
    }

    public override async Task HandleAsync(ListWebhookDeliveries req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
