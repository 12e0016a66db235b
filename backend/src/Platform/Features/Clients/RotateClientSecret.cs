using FastEndpoints;
using FluentValidation;
using Khcn.Platform.Access;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Khcn.BuildingBlocks.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Khcn.Platform.Features.Clients;

/// <summary>
/// Issues a new secret. The one it replaces keeps working for <see cref="OverlapHours"/> (default 24), so the
/// third party can roll the new one out without a gap; 0 ends it at once (a leaked secret).
/// </summary>
public sealed record RotateClientSecret : Mediator.ICommand<ClientWithSecret>
{
    public const string Route = "/api/v1/admin/clients/{id}/rotate-secret";
    public Guid Id { get; init; }
    public int? OverlapHours { get; init; }
}

internal sealed class RotateClientSecretValidator : AbstractValidator<RotateClientSecret>
{
    public RotateClientSecretValidator() => RuleFor(x => x.OverlapHours).InclusiveBetween(0, 24 * 30);
}

internal sealed class RotateClientSecretHandler(PlatformDbContext db, ClientApplicationManager manager, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<RotateClientSecret, ClientWithSecret>
{
    public async ValueTask<ClientWithSecret> Handle(RotateClientSecret command, CancellationToken ct)
    {
        var client = await db.ManagedClientAsync(command.Id, ct);
        var application = await db.Set<OpenIddictEntityFrameworkCoreApplication>().FirstAsync(a => a.ClientId == client.ClientId, ct);
        var secret = ClientAccounts.NewSecret();
        var overlap = command.OverlapHours is { } hours ? TimeSpan.FromHours(hours) : IntegratorClient.DefaultOverlap;
        client.Rotate(application.ClientSecret!, overlap, clock.GetUtcNow().UtcDateTime);
        application.ClientSecret = await manager.HashSecretAsync(secret, ct);
        var disabled = await db.Users.Where(u => u.Id == client.Id).Select(u => u.IsDisabled).FirstAsync(ct);
        return new ClientWithSecret(ClientAccounts.ToView(client, disabled, await ClientAccounts.UnitNamesAsync(mediator, [client.UnitId], ct)), secret);
    }
}

internal sealed class RotateClientSecretEndpoint(IMediator mediator) : Endpoint<RotateClientSecret, ClientWithSecret>
{
    public override void Configure()
    {
        Post(RotateClientSecret.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Rotate a client's secret; the new one is in this answer only, the old one works for the overlap");
    }

    public override async Task HandleAsync(RotateClientSecret req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
