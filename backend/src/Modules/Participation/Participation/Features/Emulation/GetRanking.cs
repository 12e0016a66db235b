using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Emulation;

/// <summary>
/// The ranking of a movement's year in each cluster the caller reads, by the stated tie rule (<c>tieRule</c>):
/// provisional until the launching unit closes the year, final after.
/// </summary>
public sealed record GetRanking : IQuery<RankingView>
{
    public const string Route = "/api/v1/participation/emulation/movements/{id}/ranking";
    public Guid Id { get; init; }
    public int Year { get; init; }
}

internal sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public GetRankingValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

internal sealed class GetRankingHandler(RankingBuilder builder) : IQueryHandler<GetRanking, RankingView>
{
    public async ValueTask<RankingView> Handle(GetRanking query, CancellationToken ct) => await builder.BuildAsync(query.Id, query.Year, ct);
}

/// <summary>Ranks the registrations of each readable cluster of the year (the one computation behind the view and the .xlsx).</summary>
internal sealed class RankingBuilder(ParticipationDbContext db, ParticipationAccess access, IMediator mediator)
{
    public async Task<RankingView> BuildAsync(Guid movementId, int year, CancellationToken ct)
    {
        var m = await access.MovementAsync(movementId, ct, tracked: false);
        var criteria = m.Criteria.ToViews();
        var clusters = await access.ReadableClusters().AsNoTracking().Include(c => c.Members).Where(c => c.Year == year).OrderBy(c => c.Name).ToListAsync(ct);
        var memberIds = clusters.SelectMany(c => c.Members.Select(x => x.UnitId)).Distinct().ToList();
        // The ranking is shared within a cluster: its members see each other's totals, whatever their own scope.
        var registrations = (await RankingFacts.LoadAsync(db, year, m.Id, null, ct)).ToDictionary(r => r.UnitId);
        var order = criteria.Select(k => k.Id).ToList();
        var names = await mediator.UnitNamesAsync(memberIds.Concat(clusters.Select(c => c.LeadingUnitId)), ct);
        var result = clusters.Select(c =>
        {
            var entries = c.Members.Where(x => registrations.ContainsKey(x.UnitId)).Select(x => registrations[x.UnitId].Entry(order));
            var rows = EmulationRanking.Rank(entries).Select(e =>
            {
                var r = registrations[e.Entry.UnitId];
                return new RankingRow(e.Rank, e.Tied, e.Entry.UnitId, names.GetValueOrDefault(e.Entry.UnitId, ""), r.Id, e.Entry.Total, r.Late, r.Status,
                    e.Entry.PointsByCriterion);
            }).ToList();
            var missing = c.Members.Where(x => !registrations.ContainsKey(x.UnitId)).Select(x => new UnitRef(x.UnitId, names.GetValueOrDefault(x.UnitId, "")))
                .OrderBy(u => u.Name).ToList();
            return new ClusterRanking(c.Id, c.Name, c.Kind, names.GetValueOrDefault(c.LeadingUnitId, ""), rows, missing);
        }).ToList();
        return new RankingView(m.Id, m.Name, year, m.IsClosed(year), EmulationRanking.TieRule, criteria, result);
    }
}

internal sealed class GetRankingEndpoint(IMediator mediator) : Endpoint<GetRanking, RankingView>
{
    public override void Configure()
    {
        Get(GetRanking.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Rank the units of each cluster in a movement's year (final once the year is closed; ties by the stated rule)");
    }

    public override async Task HandleAsync(GetRanking req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
