using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>One research topic with its budget, contract, milestones (late flagged), extensions, steps and councils; 404 outside the caller's reach.</summary>
public sealed record GetTopic : IQuery<TopicDetail>
{
    public const string Route = TopicViews.Route + "/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetTopicHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetTopic, TopicDetail>
{
    public async ValueTask<TopicDetail> Handle(GetTopic query, CancellationToken ct)
    {
        var t = await access.TopicAsync(query.Id, ct, tracked: false);
        var call = await db.ResearchCalls.AsNoTracking().FirstAsync(c => c.Id == t.CallId, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([t.UnitId]), ct)).FirstOrDefault();
        var councils = await db.Councils.IgnoreQueryFilters().AsNoTracking().Where(c => c.Items.Any(x => x.ItemId == t.Id)).OrderBy(c => c.FormedAtUtc)
            .Select(c => new TopicCouncilRef(c.Id, c.Name, c.ItemKind, c.Status, c.Items.First(x => x.ItemId == t.Id).Outcome, c.FormedAtUtc)).ToListAsync(ct);
        return t.ToDetail(call, unit?.Name ?? "", VietnamTime.Today(clock), access, councils);
    }
}

internal sealed class GetTopicEndpoint(IMediator mediator) : Endpoint<GetTopic, TopicDetail>
{
    public override void Configure()
    {
        Get(GetTopic.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get a research topic with its budget, contract, milestones, extensions and lifecycle");
    }

    public override async Task HandleAsync(GetTopic req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
