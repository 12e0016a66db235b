using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.Headcounts;

/// <summary>Members and workers summed over the unit and every unit below it, as of a day (default: today in Vietnam).</summary>
public sealed record GetHeadcountTotal : IQuery<HeadcountTotal>
{
    public const string Route = "/api/v1/organization/units/{id}/headcounts/total";
    public static string For(Guid id, DateOnly? asOf = null) =>
        $"/api/v1/organization/units/{id}/headcounts/total" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : "");
    public Guid Id { get; init; }
    /// <summary>The day (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? AsOf { get; init; }
}

internal sealed class GetHeadcountTotalHandler(OrganizationDbContext db, TimeProvider clock) : IQueryHandler<GetHeadcountTotal, HeadcountTotal>
{
    public async ValueTask<HeadcountTotal> Handle(GetHeadcountTotal query, CancellationToken ct)
    {
        var day = query.AsOf ?? VietnamTime.Today(clock);
        var prefix = await db.SubtreePathOfAsync(query.Id, ct);
        // The units of the subtree that existed (and were not yet merged or dissolved) on the day: a merged unit's
        // last figures stop counting once its successor's figures include its people.
        var existing = db.Units.WhereUnder(u => u.Path, prefix).Where(u => db.UnitVersions.Any(v => v.UnitId == u.Id
            && v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day) && v.Status == UnitStatus.Active));
        var sums = await Headcounts.LatestOnOrBefore(db, day).AsNoTracking()
            .Where(h => existing.Any(u => u.Id == h.UnitId))
            .GroupBy(_ => 1)
            .Select(g => new { Members = g.Sum(h => h.Members), Workers = g.Sum(h => h.Workers), Units = g.Count() })
            .FirstOrDefaultAsync(ct);
        var missing = await existing.CountAsync(u => u.Kind == UnitKind.Grassroots
            && !db.UnitHeadcounts.Any(h => h.UnitId == u.Id && h.AsOf <= day), ct);
        return new HeadcountTotal(query.Id, day, sums?.Members ?? 0, sums?.Workers ?? 0, sums?.Units ?? 0, missing);
    }
}

internal sealed class GetHeadcountTotalEndpoint(IMediator mediator) : Endpoint<GetHeadcountTotal, HeadcountTotal>
{
    public override void Configure()
    {
        Get(GetHeadcountTotal.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Members and workers summed over a unit's subtree as of a day");
    }

    public override async Task HandleAsync(GetHeadcountTotal req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
