using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>
/// One council with its members and items; scores stay blind (see <see cref="CouncilItemView"/>). 404 unless the caller
/// reads the initiatives of its unit or sits on it.
/// </summary>
public sealed record GetCouncil : IQuery<CouncilDetail>
{
    public const string Route = "/api/v1/participation/councils/{id}";
    public static string For(Guid id) => CouncilViews.For(id);
    public Guid Id { get; init; }
}

internal sealed class GetCouncilHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : IQueryHandler<GetCouncil, CouncilDetail>
{
    public async ValueTask<CouncilDetail> Handle(GetCouncil query, CancellationToken ct)
    {
        var council = await access.CouncilAsync(query.Id, ct, tracked: false);
        var ids = council.Items.Select(i => i.ItemId).ToList();
        var initiatives = await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Include(i => i.Authors).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        var units = (await mediator.Send(new GetUnitSummaries([council.UnitId, .. initiatives.Select(i => i.UnitId)]), ct)).ToDictionary(u => u.Id, u => u.Name);
        var summaries = initiatives.ToDictionary(i => i.Id, i => (
            new CouncilInitiativeSummary(units.GetValueOrDefault(i.UnitId, ""), i.Field, i.Kind, i.Problem, i.Solution, i.AppliedAt, i.AppliedSince,
                i.YearlyBenefit, string.Join(", ", i.Authors.OrderBy(a => a.Order).Select(a => $"{a.FullName} ({a.SharePercent:0.##}%)")), i.Status,
                i.CertificateNumber, i.RefusalReasons),
            (IReadOnlyList<ItemAuthor>)i.Authors.Select(a => new ItemAuthor(a.FullName, a.Email)).ToList()));
        return council.ToDetail(access, units.GetValueOrDefault(council.UnitId, ""), summaries);
    }
}

internal sealed class GetCouncilEndpoint(IMediator mediator) : Endpoint<GetCouncil, CouncilDetail>
{
    public override void Configure()
    {
        Get(GetCouncil.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an evaluation council: members, items, tallies; others' scores only after the caller's own or once closed");
    }

    public override async Task HandleAsync(GetCouncil req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
