using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Khcn.Platform.Access;

namespace Khcn.Platform.Features.Users;

/// <summary>Takes a role away.</summary>
public sealed record RevokeGrant : Mediator.ICommand
{
    public const string Route = "/api/v1/admin/users/{id}/grants/{grantId}";
    public Guid Id { get; init; }
    public Guid GrantId { get; init; }
}

internal sealed class RevokeGrantHandler(PlatformDbContext db) : Mediator.ICommandHandler<RevokeGrant>
{
    public async ValueTask<Mediator.Unit> Handle(RevokeGrant command, CancellationToken ct)
    {
        await db.VisibleUserAsync(command.Id, ct);
        var grant = await db.Grants.FirstOrDefaultAsync(g => g.Id == command.GrantId && g.UserId == command.Id, ct)
                    ?? throw new NotFoundException(Localized.Text("Grant", "vai trò được giao"), command.GrantId);
        db.Access.Demand(Permission.UsersManage, grant.UnitId, Localized.Text("Grant", "vai trò được giao"), grant.Id);
        db.Grants.Remove(grant);
        return Mediator.Unit.Value;
    }
}

internal sealed class RevokeGrantEndpoint(IMediator mediator) : Endpoint<RevokeGrant>
{
    public override void Configure()
    {
        Delete(RevokeGrant.Route);
        Policies(Permission.UsersManage);
        Description(d => d.Produces(204));
        Summary(s => s.Summary = "Remove a role from a user");
    }

    public override async Task HandleAsync(RevokeGrant req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
