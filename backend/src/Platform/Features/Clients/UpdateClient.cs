using System.Text.Json;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Khcn.Platform.Features.Clients;

/// <summary>
/// Renames a client, changes its API scopes or its request budget. A scope withdrawn stops at once (tokens carry
/// only the scopes the client still holds); its unit and role stay (create another client for another unit).
/// </summary>
public sealed record UpdateClient : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/clients/{id}";
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public IReadOnlyList<string> Scopes { get; init; } = [];
    public int? RequestsPerMinute { get; init; }
}

internal sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("Grant at least one API scope.", "Hãy cấp ít nhất một phạm vi API.");
        RuleForEach(x => x.Scopes).Must(ApiScopes.IsKnown).WithMessage($"Scopes must be among: {string.Join(", ", ApiScopes.All.Select(s => s.Name))}.",
            $"Phạm vi API phải thuộc: {string.Join(", ", ApiScopes.All.Select(s => s.Name))}.");
        RuleFor(x => x.RequestsPerMinute).InclusiveBetween(1, 100_000);
    }
}

internal sealed class UpdateClientHandler(PlatformDbContext db) : Mediator.ICommandHandler<UpdateClient>
{
    public async ValueTask<Mediator.Unit> Handle(UpdateClient command, CancellationToken ct)
    {
        var client = await db.ManagedClientAsync(command.Id, ct);
        client.Name = command.Name.Trim();
        client.ChangeScopes(command.Scopes);
        if (command.RequestsPerMinute is { } limit) client.RequestsPerMinute = limit;
        var account = await db.Users.FirstAsync(u => u.Id == client.Id, ct);
        account.FullName = client.Name;
        var application = await db.Set<OpenIddictEntityFrameworkCoreApplication>().FirstAsync(a => a.ClientId == client.ClientId, ct);
        application.DisplayName = client.Name;
        application.Permissions = JsonSerializer.Serialize(new[] { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials }
            .Concat(client.ScopeList.Select(s => Permissions.Prefixes.Scope + s)));
        return Mediator.Unit.Value;
    }
}

internal sealed class UpdateClientEndpoint(IMediator mediator) : ChangedEndpoint<UpdateClient, ClientView>(mediator)
{
    public override void Configure()
    {
        Put(UpdateClient.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Change an integrator client's name, API scopes or request budget");
    }

    protected override IQuery<ClientView> ReadBack(UpdateClient command) => new GetClient { Id = command.Id };
}
