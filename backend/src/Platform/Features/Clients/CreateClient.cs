using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Auth;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Platform.Features.Clients;

/// <summary>
/// Registers a third party's system as an integrator client (OAuth 2.0 client credentials): bound to a unit in the
/// caller's scope (its scope of data) with a role there, and to API scopes that narrow what the role allows. The
/// answer carries the client secret, shown this once and stored only hashed.
/// </summary>
public sealed record CreateClient : Mediator.ICommand<ClientWithSecret>
{
    public const string Route = "/api/v1/admin/clients";
    public string Name { get; init; } = "";
    public Guid UnitId { get; init; }
    /// <summary>The role the client holds over its unit (any but admin); e.g. integrator, or partner for a partner agency's system.</summary>
    public string Role { get; init; } = Roles.Integrator;
    /// <summary>API scopes (see GET /api/v1/admin/clients/scopes), e.g. training.read, training.sessions.write.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = [];
    /// <summary>Requests per minute before 429 (default Integrations:DefaultRequestsPerMinute).</summary>
    public int? RequestsPerMinute { get; init; }
}

internal sealed class CreateClientValidator : AbstractValidator<CreateClient>
{
    public CreateClientValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Role).Must(ClientAccounts.IsClientRole).WithMessage("The role must be a known role other than admin.",
            "Vai trò phải là một vai trò hợp lệ, không phải quản trị.");
        RuleFor(x => x.Scopes).NotEmpty().WithMessage("Grant at least one API scope.", "Hãy cấp ít nhất một phạm vi API.");
        RuleForEach(x => x.Scopes).Must(ApiScopes.IsKnown).WithMessage($"Scopes must be among: {string.Join(", ", ApiScopes.All.Select(s => s.Name))}.",
            $"Phạm vi API phải thuộc: {string.Join(", ", ApiScopes.All.Select(s => s.Name))}.");
        RuleFor(x => x.RequestsPerMinute).InclusiveBetween(1, 100_000);
    }
}

internal sealed class CreateClientHandler(PlatformDbContext db, ClientApplicationManager manager, IMediator mediator,
    ClientCredentialsOptions options, TimeProvider clock) : Mediator.ICommandHandler<CreateClient, ClientWithSecret>
{
    public async ValueTask<ClientWithSecret> Handle(CreateClient command, CancellationToken ct)
    {
        await db.DemandGrantableUnitAsync(mediator, command.UnitId, ct);
        var secret = ClientAccounts.NewSecret();
        var client = await ClientAccounts.CreateAsync(db, manager, command.Name.Trim(), command.UnitId, command.Role, command.Scopes,
            command.RequestsPerMinute ?? options.DefaultRequestsPerMinute, secret, clock.GetUtcNow().UtcDateTime, ct);
        return new ClientWithSecret(ClientAccounts.ToView(client, false, await ClientAccounts.UnitNamesAsync(mediator, [client.UnitId], ct)), secret);
    }
}

internal sealed class CreateClientEndpoint(IMediator mediator) : Endpoint<CreateClient, ClientWithSecret>
{
    public override void Configure()
    {
        Post(CreateClient.Route);
        Policies(Permission.UsersManage);
        Summary(s =>
        {
            s.Summary = "Register an integrator client (honours Idempotency-Key); the secret is in this answer only";
            s.Response<ClientWithSecret>(201, "The client and its secret (shown once).");
        });
    }

    public override async Task HandleAsync(CreateClient req, CancellationToken ct)
    {
        var created = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = $"{CreateClient.Route}/{created.Client.Id}";
        await Send.ResponseAsync(created, StatusCodes.Status201Created, ct);
    }
}
