using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.Platform.Integrations.Webhooks;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Platform.Features.Webhooks;

/// <summary>
/// Subscribes an integrator client's receiver to event types of the catalogue (those its role and API scopes allow).
/// The URL must be HTTPS to a public address (loopback and private addresses only where Webhooks:AllowPrivateAddresses
/// is on, as in Development). The answer carries the signing secret (<c>whsec_…</c>), shown this once.
/// </summary>
public sealed record CreateWebhookSubscription : Mediator.ICommand<WebhookSubscriptionWithSecret>
{
    public const string Route = "/api/v1/admin/webhooks";
    public Guid ClientId { get; init; }
    public string Url { get; init; } = "";
    public string? Description { get; init; }
    /// <summary>Event types (see GET /api/v1/admin/webhooks/event-types), e.g. initiative.recognised.</summary>
    public IReadOnlyList<string> EventTypes { get; init; } = [];
}

internal sealed class CreateWebhookSubscriptionValidator : AbstractValidator<CreateWebhookSubscription>
{
    public CreateWebhookSubscriptionValidator(WebhookOptions options)
    {
        RuleFor(x => x.ClientId).NotEmpty();
        RuleFor(x => x.Url).NotEmpty().MaximumLength(1000).Must(u => WebhookUrls.IsAcceptable(u, options.AllowPrivateAddresses))
            .WithMessage("The URL must be an HTTPS URL of a public address.", "URL phải là địa chỉ HTTPS công khai (không phải địa chỉ nội bộ).");
        RuleFor(x => x.Description).MaximumLength(500);
        RuleFor(x => x.EventTypes).NotEmpty().WithMessage("Choose at least one event type.", "Hãy chọn ít nhất một loại sự kiện.");
        RuleForEach(x => x.EventTypes).Must(WebhookCatalogue.IsKnown)
            .WithMessage($"Event types must be among: {string.Join(", ", WebhookCatalogue.All.Select(e => e.Name))}.",
                $"Loại sự kiện phải thuộc: {string.Join(", ", WebhookCatalogue.All.Select(e => e.Name))}.");
    }
}

internal sealed class CreateWebhookSubscriptionHandler(PlatformDbContext db, WebhookSecrets secrets)
    : Mediator.ICommandHandler<CreateWebhookSubscription, WebhookSubscriptionWithSecret>
{
    public async ValueTask<WebhookSubscriptionWithSecret> Handle(CreateWebhookSubscription command, CancellationToken ct)
    {
        var client = await db.ManagedClientAsync(command.ClientId, ct);
        WebhookSubscriptions.DemandAllowed(client, command.EventTypes);
        var secret = WebhookSecrets.New();
        var subscription = WebhookSubscription.Create(client.Id, client.UnitId, command.Url.Trim(), command.Description?.Trim(),
            command.EventTypes, secrets.Protect(secret), db.Access.UserId);
        db.WebhookSubscriptions.Add(subscription);
        return new WebhookSubscriptionWithSecret(WebhookSubscriptions.ToView(subscription, client.Name), secret);
    }
}

internal sealed class CreateWebhookSubscriptionEndpoint(IMediator mediator) : Endpoint<CreateWebhookSubscription, WebhookSubscriptionWithSecret>
{
    public override void Configure()
    {
        Post(CreateWebhookSubscription.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Subscribe an integrator client to events (honours Idempotency-Key); the whsec_ secret is in this answer only";
            s.Response<WebhookSubscriptionWithSecret>(201, "The subscription and its signing secret (shown once).");
        });
    }

    public override async Task HandleAsync(CreateWebhookSubscription req, CancellationToken ct)
    {
        var created = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = $"{CreateWebhookSubscription.Route}/{created.Subscription.Id}";
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
