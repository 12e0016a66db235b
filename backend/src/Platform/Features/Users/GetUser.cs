using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Khcn.Platform.Access;
using Khcn.Platform.Data;

namespace Khcn.Platform.Features.Users;

/// <summary>One user in the caller's scope.</summary>
public sealed record GetUser : IQuery<UserView>
{
    public const string Route = "/api/v1/admin/users/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetUserHandler(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IQueryHandler<GetUser, UserView>
{
    public async ValueTask<UserView> Handle(GetUser query, CancellationToken ct)
    {
        await db.VisibleUserAsync(query.Id, ct);
        return await db.UserViewAsync(mediator, clock, query.Id, ct);
    }
}

internal sealed class GetUserEndpoint(IMediator mediator) : Endpoint<GetUser, UserView>
{
    public override void Configure()
    {
        Get(GetUser.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "Get a user");
    }

    public override async Task HandleAsync(GetUser req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
