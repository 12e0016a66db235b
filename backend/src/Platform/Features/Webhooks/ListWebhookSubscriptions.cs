using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>The webhook subscriptions of the clients in the caller's scope, newest first; <c>clientId</c> narrows to one client.</summary>
public sealed class ListWebhookSubscriptions : IQuery<PagedResult<WebhookSubscriptionView>>, IPagedQuery
{
    public const string Route = "/api/v1/admin/webhooks";
    public Guid? ClientId { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>createdAt (prefix '-' for descending; newest first by default).</summary>
    public string? Sort { get; init; }
    /// <summary>Part of the URL.</summary>
    public string? Q { get; init; }
}

internal sealed class ListWebhookSubscriptionsValidator : AbstractValidator<ListWebhookSubscriptions>
{
    public ListWebhookSubscriptionsValidator()
    {
        this.AddPagingRules("createdAt");
        RuleFor(x => x.Q).MaximumLength(200);
    }
}

internal sealed class ListWebhookSubscriptionsHandler(PlatformDbContext db) : IQueryHandler<ListWebhookSubscriptions, PagedResult<WebhookSubscriptionView>>
{
    public async ValueTask<PagedResult<WebhookSubscriptionView>> Handle(ListWebhookSubscriptions query, CancellationToken ct)
    {
        var subscriptions = db.VisibleSubscriptions().AsNoTracking();
        if (query.ClientId is { } clientId) subscriptions = subscriptions.Where(s => s.ClientId == clientId);
        if (!string.IsNullOrWhiteSpace(query.Q)) subscriptions = subscriptions.Where(s => s.Url.Contains(query.Q.Trim()));
        subscriptions = query.Sort == "createdAt" ? subscriptions.OrderBy(s => s.CreatedAtUtc) : subscriptions.OrderByDescending(s => s.CreatedAtUtc);
        var page = await subscriptions.ToPageAsync(query, ct);
        var ids = page.Items.Select(s => s.ClientId).Distinct().ToList();
        var names = await db.IntegratorClients.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return new PagedResult<WebhookSubscriptionView>(page.Items.Select(s => WebhookSubscriptions.ToView(s, names.GetValueOrDefault(s.ClientId))).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListWebhookSubscriptionsEndpoint(IMediator mediator) : Endpoint<ListWebhookSubscriptions, PagedResult<WebhookSubscriptionView>>
{
    public override void Configure()
    {
        Get(ListWebhookSubscriptions.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List webhook subscriptions in the caller's scope");
    }

    public override async Task HandleAsync(ListWebhookSubscriptions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
