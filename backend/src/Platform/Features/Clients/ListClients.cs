using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Platform.Access;
using Khcn.Platform.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Features.Clients;

/// <summary>The integrator clients bound to units in the caller's scope, by name.</summary>
public sealed class ListClients : IQuery<PagedResult<ClientView>>, IPagedQuery
{
    public const string Route = "/api/v1/admin/clients";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (prefix '-' for descending).</summary>
    public string? Sort { get; init; }
    /// <summary>Not used.</summary>
    public string? Q { get; init; }
}

internal sealed class ListClientsValidator : AbstractValidator<ListClients>
{
    public ListClientsValidator() => this.AddPagingRules("name");
}

internal sealed class ListClientsHandler(PlatformDbContext db, IMediator mediator) : IQueryHandler<ListClients, PagedResult<ClientView>>
{
    public async ValueTask<PagedResult<ClientView>> Handle(ListClients query, CancellationToken ct)
    {
        var clients = db.VisibleClients().AsNoTracking();
        clients = query.Descending() ? clients.OrderByDescending(c => c.Name) : clients.OrderBy(c => c.Name);
        var page = await clients.ToPageAsync(query, ct);
        var ids = page.Items.Select(c => c.Id).ToList();
        var disabled = await db.Users.Where(u => ids.Contains(u.Id) && u.IsDisabled).Select(u => u.Id).ToListAsync(ct);
        var names = await ClientAccounts.UnitNamesAsync(mediator, page.Items.Select(c => c.UnitId), ct);
        return new PagedResult<ClientView>(page.Items.Select(c => ClientAccounts.ToView(c, disabled.Contains(c.Id), names)).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListClientsEndpoint(IMediator mediator) : Endpoint<ListClients, PagedResult<ClientView>>
{
    public override void Configure()
    {
        Get(ListClients.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List integrator clients in the caller's scope");
    }

    public override async Task HandleAsync(ListClients req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>The API scopes a client may be granted, with what each opens.</summary>
public sealed record ListApiScopes : IQuery<IReadOnlyList<ApiScopeView>>
{
    public const string Route = "/api/v1/admin/clients/scopes";
}

internal sealed class ListApiScopesHandler : IQueryHandler<ListApiScopes, IReadOnlyList<ApiScopeView>>
{
    public ValueTask<IReadOnlyList<ApiScopeView>> Handle(ListApiScopes query, CancellationToken ct) =>
        ValueTask.FromResult<IReadOnlyList<ApiScopeView>>(ApiScopes.All.Select(s => new ApiScopeView(s.Name, s.Description)).ToList());
}

internal sealed class ListApiScopesEndpoint(IMediator mediator) : EndpointWithoutRequest<IReadOnlyList<ApiScopeView>>
{
    public override void Configure()
    {
        Get(ListApiScopes.Route);
        Policies(Permission.UsersManage);
        Summary(s => s.Summary = "List the API scopes a client may be granted");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new ListApiScopes(), ct), ct);
}
