using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>A campaign's reach over the subtree of a unit the caller sees (default: the organiser, else the caller's own unit).</summary>
public sealed record GetCampaignTotals : IQuery<ReachTotals>
{
    public const string Route = "/api/v1/training/campaigns/{id}/totals";
    public Guid Id { get; init; }
    /// <summary>The unit whose subtree is summed.</summary>
    public Guid? Within { get; init; }
}

internal sealed class GetCampaignTotalsEndpoint(IMediator mediator) : Endpoint<GetCampaignTotals, ReachTotals>
{
    public override void Configure()
    {
        Get(GetCampaignTotals.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "A campaign's reach over a unit's subtree: in total, by direct sub-unit, by channel and by quarter");
    }

    public override async Task HandleAsync(GetCampaignTotals req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

internal sealed class CampaignTotalsHandler(TrainingDbContext db, CampaignVisibility visibility, IMediator mediator)
    : IQueryHandler<GetCampaignTotals, ReachTotals>, IQueryHandler<GetYearCampaignTotals, ReachTotals>
{
    private AccessContext Access => db.Access;

    public async ValueTask<ReachTotals> Handle(GetCampaignTotals query, CancellationToken ct)
    {
        var campaign = await visibility.FindAsync(query.Id, ct);
        var within = query.Within ?? (Access.CanSee(campaign.UnitId) ? campaign.UnitId : await OwnUnitAsync(ct));
        var reports = db.ReachReports.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id);
        return await SumAsync(within, reports, campaign.Id, null, ct);
    }

    public async ValueTask<ReachTotals> Handle(GetYearCampaignTotals query, CancellationToken ct)
    {
        var within = query.Within ?? await OwnUnitAsync(ct);
        var readable = visibility.Readable();
        var reports = db.ReachReports.IgnoreQueryFilters().Where(r => r.Year == query.Year && readable.Any(c => c.Id == r.CampaignId));
        return await SumAsync(within, reports, null, query.Year, ct);
    }

    private async Task<Guid> OwnUnitAsync(CancellationToken ct) =>
        Access.Grants.FirstOrDefault()?.UnitId
        ?? (await mediator.Send(new GetRootUnit(), ct))?.Id
        ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), "root");

    private async Task<ReachTotals> SumAsync(Guid within, IQueryable<ReachReport> reports, Guid? campaignId, int? year, CancellationToken ct)
    {
        if (!Access.CanSee(within)) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), within);
        var subtree = (await mediator.Send(new GetSubtreeUnitIds(within), ct)).ToDictionary(u => u.UnitId, u => u.BranchId ?? within);
        if (subtree.Count == 0) throw new NotFoundException(Localized.Text("Unit", "đơn vị"), within);
        // Reports of one campaign or one year are few: filter the subtree in memory rather than send its ids.
        var rows = (await reports.AsNoTracking()
                .Select(r => new Reach(r.CampaignId, r.UnitId, r.Period, r.EventsHeld, r.PeopleReached, r.WomenReached)).ToListAsync(ct))
            .Where(r => subtree.ContainsKey(r.UnitId)).ToList();
        var campaignIds = rows.Select(r => r.CampaignId).Distinct().ToList();
        var channels = (await db.Campaigns.IgnoreQueryFilters().AsNoTracking().Where(c => campaignIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Channels }).ToListAsync(ct))
            .ToDictionary(c => c.Id, c => Campaign.Parse<CampaignChannel>(c.Channels));
        var names = await CampaignVisibility.NamesAsync(mediator, subtree.Values.Append(within), ct);

        static ReachRow Row(string key, string label, IEnumerable<Reach> group) => new(key, label,
            group.Sum(r => r.EventsHeld), group.Sum(r => r.PeopleReached), group.Sum(r => r.WomenReached));

        var byUnit = rows.GroupBy(r => subtree[r.UnitId])
            .Select(g => Row(g.Key.ToString(), names.GetValueOrDefault(g.Key)?.Name ?? "", g))
            .OrderByDescending(r => r.PeopleReached).ThenBy(r => r.Label).ToList();
        var byChannel = rows.SelectMany(r => channels.GetValueOrDefault(r.CampaignId, []).Select(ch => (Channel: ch, Row: r)))
            .GroupBy(x => x.Channel).OrderBy(g => g.Key)
            .Select(g => Row(g.Key.ToString(), g.Key.ToString(), g.Select(x => x.Row))).ToList();
        var byPeriod = rows.GroupBy(r => r.Period).OrderBy(g => g.Key).Select(g => Row(g.Key, g.Key, g)).ToList();
        return new ReachTotals(within, names.GetValueOrDefault(within)?.Name ?? "", campaignId, year, campaignIds.Count,
            rows.Sum(r => r.EventsHeld), rows.Sum(r => r.PeopleReached), rows.Sum(r => r.WomenReached), byUnit, byChannel, byPeriod);
    }
}

internal sealed record Reach(Guid CampaignId, Guid UnitId, string Period, int EventsHeld, int PeopleReached, int WomenReached);
