using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>The calls the caller reads (their units' and those above), newest year first; a short list, not paged.</summary>
public sealed record ListResearchCalls : IQuery<IReadOnlyList<ResearchCallView>>
{
    public const string Route = TopicViews.CallsRoute;
    public int? Year { get; init; }
    /// <summary>Only the calls still open for proposals today.</summary>
    public bool Open { get; init; }
}

internal sealed class ListResearchCallsHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ListResearchCalls, IReadOnlyList<ResearchCallView>>
{
    public async ValueTask<IReadOnlyList<ResearchCallView>> Handle(ListResearchCalls query, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var calls = access.ReadableCalls().AsNoTracking();
        if (query.Year is { } y) calls = calls.Where(c => c.Year == y);
        if (query.Open) calls = calls.Where(c => c.Deadline >= today);
        var list = await calls.OrderByDescending(c => c.Year).ThenByDescending(c => c.Deadline).Take(200).ToListAsync(ct);
        var ids = list.Select(c => c.Id).ToList();
        var counts = await db.ResearchTopics.Where(t => ids.Contains(t.CallId)).GroupBy(t => t.CallId).Select(g => new { g.Key, N = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var unitIds = list.Select(c => c.UnitId).Distinct().ToList();
        var names = unitIds.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(unitIds), ct)).ToDictionary(u => u.Id, u => u.Name);
        return list.Select(c => new ResearchCallView(c.Id, c.UnitId, names.GetValueOrDefault(c.UnitId, ""), c.Kind, c.Year, c.Title, c.Field, c.Themes,
            c.Deadline, c.BudgetCeiling, c.PassThreshold, c.WeightViews(), c.OpenOn(today), counts.GetValueOrDefault(c.Id), access.MayManage(c), c.PublishedBy,
            c.CreatedAtUtc)).ToList();
    }
}

internal sealed class ListResearchCallsEndpoint(IMediator mediator) : Endpoint<ListResearchCalls, IReadOnlyList<ResearchCallView>>
{
    public override void Configure()
    {
        Get(ListResearchCalls.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the orders and calls for research topics the caller reads");
    }

    public override async Task HandleAsync(ListResearchCalls req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
