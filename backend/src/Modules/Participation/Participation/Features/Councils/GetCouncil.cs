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
        List<Initiative> initiatives = council.JudgesTopics ? [] :
            await db.Initiatives.IgnoreQueryFilters().AsNoTracking().Include(i => i.Authors).Where(i => ids.Contains(i.Id)).ToListAsync(ct);
        List<ResearchTopic> topics = !council.JudgesTopics ? [] :
            await db.ResearchTopics.IgnoreQueryFilters().AsNoTracking().Include(t => t.Members).Include(t => t.BudgetLines).Include(t => t.Milestones)
                .AsSplitQuery().Where(t => ids.Contains(t.Id)).ToListAsync(ct);
        var callIds = topics.Select(t => t.CallId).Distinct().ToList();
        var calls = await db.ResearchCalls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var units = (await mediator.Send(new GetUnitSummaries([council.UnitId, .. initiatives.Select(i => i.UnitId), .. topics.Select(t => t.UnitId)]), ct))
            .ToDictionary(u => u.Id, u => u.Name);
        var infos = new Dictionary<Guid, CouncilItemInfo>();
        foreach (var i in initiatives)
            infos[i.Id] = new CouncilItemInfo(new CouncilInitiativeSummary(units.GetValueOrDefault(i.UnitId, ""), i.Field, i.Kind, i.Problem, i.Solution,
                    i.AppliedAt, i.AppliedSince, i.YearlyBenefit, string.Join(", ", i.Authors.OrderBy(a => a.Order).Select(a => $"{a.FullName} ({a.SharePercent:0.##}%)")),
                    i.Status, i.CertificateNumber, i.RefusalReasons),
                null, i.Authors.Select(a => new ItemAuthor(a.FullName, a.Email)).ToList());
        foreach (var t in topics)
            infos[t.Id] = new CouncilItemInfo(null, new CouncilTopicSummary(units.GetValueOrDefault(t.UnitId, ""), calls.GetValueOrDefault(t.CallId, ""), t.Field,
                    t.LeadName, string.Join(", ", t.Members.OrderBy(m => m.Order).Select(m => m.FullName)), t.Objectives, t.ExpectedProducts, t.DurationMonths,
                    t.BudgetTotal, t.Status, t.Rating, t.Milestones.Count, t.Milestones.Count(m => m.CompletedOn is not null)),
                t.People);
        if (council.ItemKind == CouncilItemKind.Commendation)
        {
            var proposals = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Nominees).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
            var proposing = (await mediator.Send(new GetUnitSummaries([.. proposals.Select(p => p.UnitId).Distinct()]), ct)).ToDictionary(u => u.Id, u => u.Name);
            foreach (var p in proposals)
            {
                var form = CommendationRules.Form(p.FormCode);
                infos[p.Id] = new CouncilItemInfo(null, null,
                    p.Nominees.Where(n => n.Kind == NomineeKind.Person).Select(n => new ItemAuthor(n.Name, n.Email, n.OfficialId)).ToList(),
                    new CouncilProposalSummary(proposing.GetValueOrDefault(p.UnitId, ""), p.FormCode, form.Name, p.Year,
                        string.Join(", ", p.Nominees.OrderBy(n => n.Order).Select(n => n.Name)), p.Achievements, p.ExceptionRequest, form.Share.Name, form.Share.Basis));
            }
        }
        var judging = await CouncilItems.JudgingAsync(db, council, ct);
        return council.ToDetail(access, units.GetValueOrDefault(council.UnitId, ""), infos, judging);
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
