using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.Headcounts;

/// <summary>Every headcount record of a unit, newest first.</summary>
public sealed record ListUnitHeadcounts : IQuery<IReadOnlyList<UnitHeadcountView>>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts";
    public static string For(Guid id) => $"/api/v1/organization/units/{id}/headcounts";
    public Guid Id { get; init; }
}

internal sealed class ListUnitHeadcountsHandler(OrganizationDbContext db) : IQueryHandler<ListUnitHeadcounts, IReadOnlyList<UnitHeadcountView>>
{
    public async ValueTask<IReadOnlyList<UnitHeadcountView>> Handle(ListUnitHeadcounts query, CancellationToken ct)
    {
        await Headcounts.EnsureVisibleAsync(db, query.Id, ct);
        return await db.UnitHeadcounts.AsNoTracking().Where(h => h.UnitId == query.Id).OrderByDescending(h => h.AsOf)
            .Select(h => new UnitHeadcountView(h.AsOf, h.Members, h.Workers, h.Note)).ToListAsync(ct);
    }
}

internal sealed class ListUnitHeadcountsEndpoint(IMediator mediator) : Endpoint<ListUnitHeadcounts, IReadOnlyList<UnitHeadcountView>>
{
    public override void Configure()
    {
        Get(ListUnitHeadcounts.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "A unit's recorded member and worker counts, newest first");
    }

    public override async Task HandleAsync(ListUnitHeadcounts req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
