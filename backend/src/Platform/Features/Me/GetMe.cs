using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Mediator;

namespace Khcn.Platform.Features.Me;

/// <summary>The caller, their roles with the units they hold them over, and the permissions that follow.</summary>
public sealed record GetMe : IQuery<MeResponse>
{
    public const string Route = "/api/v1/me";
}

public sealed record GrantView(string Role, Guid UnitId, string UnitCode, string UnitName);

/// <summary>Who I am; <c>MustChangePassword</c>: an administrator reset the password and nothing else answers until I choose mine.</summary>
public sealed record MeResponse(Guid Id, string Email, string FullName, IReadOnlyList<GrantView> Grants, IReadOnlyCollection<string> Permissions,
    bool MustChangePassword = false);

internal sealed class GetMeHandler(AccessContext access, IMediator mediator) : IQueryHandler<GetMe, MeResponse>
{
    public async ValueTask<MeResponse> Handle(GetMe query, CancellationToken ct)
    {
        var units = (await mediator.Send(new GetUnitSummaries(access.Grants.Select(g => g.UnitId).ToList()), ct)).ToDictionary(u => u.Id);
        var grants = access.Grants
            .Where(g => units.ContainsKey(g.UnitId))
            .Select(g => new GrantView(g.Role, g.UnitId, units[g.UnitId].Code, units[g.UnitId].Name))
            .ToList();
        return new MeResponse(access.UserId!.Value, access.Email!, access.FullName!, grants, access.Permissions, access.MustChangePassword);
    }
}

internal sealed class GetMeEndpoint(IMediator mediator) : EndpointWithoutRequest<MeResponse>
{
    public override void Configure()
    {
        Get(GetMe.Route);
        Summary(s => s.Summary = "The current user, roles, units and permissions");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new GetMe(), ct), ct);
}
