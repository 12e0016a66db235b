using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>The clusters of a year the caller reads (formed by a unit they see, or with a member they see).</summary>
public sealed class ListClusters : IQuery<PagedResult<ClusterDetail>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/emulation/clusters";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default); prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text in the name.</summary>
    public string? Q { get; init; }
    public int Year { get; init; }
}

internal sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator()
    {
        this.AddPagingRules("name");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
    }
}

internal sealed class ListClustersHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : IQueryHandler<ListClusters, PagedResult<ClusterDetail>>
{
    public async ValueTask<PagedResult<ClusterDetail>> Handle(ListClusters query, CancellationToken ct)
    {
        var clusters = access.ReadableClusters().AsNoTracking().Include(c => c.Members).Where(c => c.Year == query.Year);
        if (!string.IsNullOrWhiteSpace(query.Q)) clusters = clusters.Where(c => c.Name.Contains(query.Q.Trim()));
        clusters = query.Descending() ? clusters.OrderByDescending(c => c.Name) : clusters.OrderBy(c => c.Name);
        var page = await clusters.ToPageAsync(query, ct);
        var names = await mediator.UnitNamesAsync(page.Items.SelectMany(c => c.Members.Select(m => m.UnitId).Append(c.UnitId)), ct);
        var locked = new Dictionary<Guid, bool>();
        foreach (var unit in page.Items.Select(c => c.UnitId).Distinct()) locked[unit] = await ClusterRules.IsLockedAsync(db, unit, query.Year, ct);
        return page.Map(c => c.ToDetail(names, access.MayManageEmulation(c.UnitId), locked[c.UnitId]));
    }
}

internal sealed class ListClustersEndpoint(IMediator mediator) : Endpoint<ListClusters, PagedResult<ClusterDetail>>
{
    public override void Configure()
    {
        Get(ListClusters.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the emulation clusters and blocks of a year");
    }

    public override async Task HandleAsync(ListClusters req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
