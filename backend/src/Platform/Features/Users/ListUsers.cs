using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Users;

/// <summary>Users holding a role somewhere in the caller's scope.</summary>
public sealed class ListUsers : IQuery<PagedResult<UserView>>, IPagedQuery
{
    public const string Route = "/api/v1/admin/users";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>email or fullName; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the e-mail or name (case and diacritics ignored).</summary>
    public string? Q { get; init; }
}

internal sealed class ListUsersValidator : AbstractValidator<ListUsers>
{
    public ListUsersValidator() => this.AddPagingRules("email", "fullName");
}

internal sealed class ListUsersHandler(PlatformDbContext db, IMediator mediator, TimeProvider clock) : IQueryHandler<ListUsers, PagedResult<UserView>>
{
    public async ValueTask<PagedResult<UserView>> Handle(ListUsers query, CancellationToken ct)
    {
        var users = db.VisibleUsers().AsNoTracking().WhereMatches(query.Q, u => u.SearchText);
        var desc = query.Descending();
        users = query.SortField() switch
        {
            "fullname" => desc ? users.OrderByDescending(u => u.FullName) : users.OrderBy(u => u.FullName),
            _ => desc ? users.OrderByDescending(u => u.Email) : users.OrderBy(u => u.Email),
        };
        var page = await users.ToPageAsync(query, ct);
        var ids = page.Items.Select(u => u.Id).ToList();
        var grants = await db.Grants.AsNoTracking().Where(g => ids.Contains(g.UserId)).ToListAsync(ct);
        var names = (await mediator.Send(new GetUnitSummaries(grants.Select(g => g.UnitId).Distinct().ToList()), ct)).ToDictionary(u => u.Id, u => u.Name);
        return new PagedResult<UserView>(
            page.Items.Select(u => UserViews.ToView(u, grants.Where(g => g.UserId == u.Id), names, clock)).ToList(), page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListUsersEndpoint(IMediator mediator) : Endpoint<ListUsers, PagedResult<UserView>>
{
    public override void Configure()
    {
        Get(ListUsers.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List users with roles in the caller's scope");
    }

    public override async Task HandleAsync(ListUsers req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
