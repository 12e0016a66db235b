using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>One call (read downwards: the units below the ordering unit see it); 404 otherwise.</summary>
public sealed record GetResearchCall : IQuery<ResearchCallView>
{
    public const string Route = TopicViews.CallsRoute + "/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetResearchCallHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetResearchCall, ResearchCallView>
{
    public async ValueTask<ResearchCallView> Handle(GetResearchCall query, CancellationToken ct)
    {
        var c = await access.CallAsync(query.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([c.UnitId]), ct)).FirstOrDefault();
        var topics = await db.ResearchTopics.CountAsync(t => t.CallId == c.Id, ct);
        return new ResearchCallView(c.Id, c.UnitId, unit?.Name ?? "", c.Kind, c.Year, c.Title, c.Field, c.Themes, c.Deadline, c.BudgetCeiling,
            c.PassThreshold, c.WeightViews(), c.OpenOn(VietnamTime.Today(clock)), topics, access.MayManage(c), c.PublishedBy, c.CreatedAtUtc);
    }
}

internal sealed class GetResearchCallEndpoint(IMediator mediator) : Endpoint<GetResearchCall, ResearchCallView>
{
    public override void Configure()
    {
        Get(GetResearchCall.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an order or call for research topics");
    }

    public override async Task HandleAsync(GetResearchCall req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
