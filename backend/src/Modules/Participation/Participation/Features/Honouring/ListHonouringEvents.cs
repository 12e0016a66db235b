using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Data;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>The honouring events held by units in the caller's scope, newest first.</summary>
public sealed class ListHonouringEvents : IQuery<PagedResult<HonouringEventListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/commendations/honouring-events";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>heldOn (default, newest first); prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text in the event's name.</summary>
    public string? Q { get; init; }
    public int? Year { get; init; }
}

internal sealed class ListHonouringEventsValidator : AbstractValidator<ListHonouringEvents>
{
    public ListHonouringEventsValidator() => this.AddPagingRules("heldOn");
}

internal sealed class ListHonouringEventsHandler(ParticipationDbContext db, IMediator mediator) : IQueryHandler<ListHonouringEvents, PagedResult<HonouringEventListItem>>
{
    public async ValueTask<PagedResult<HonouringEventListItem>> Handle(ListHonouringEvents query, CancellationToken ct)
    {
        var q = db.HonouringEvents.AsNoTracking();
        if (query.Year is { } year) q = q.Where(e => e.HeldOn >= new DateOnly(year, 1, 1) && e.HeldOn <= new DateOnly(year, 12, 31));
        if (!string.IsNullOrWhiteSpace(query.Q)) q = q.Where(e => e.Name.Contains(query.Q.Trim()));
        q = query.Sort == "heldOn" ? q.OrderBy(e => e.HeldOn).ThenBy(e => e.CreatedAtUtc) : q.OrderByDescending(e => e.HeldOn).ThenByDescending(e => e.CreatedAtUtc);
        var page = await q.Select(e => new { e.Id, e.UnitId, e.Name, e.HeldOn, e.Venue, e.IssuingUnitName, Decisions = e.Decisions.Count, Honourees = e.Certificates.Count })
            .ToPageAsync(query, ct);
        var names = await mediator.UnitNamesAsync(page.Items.Select(e => e.UnitId), ct);
        return page.Map(e => new HonouringEventListItem(e.Id, e.UnitId, names.GetValueOrDefault(e.UnitId, e.IssuingUnitName), e.Name, e.HeldOn, e.Venue, e.Decisions, e.Honourees));
    }
}

internal sealed class ListHonouringEventsEndpoint(IMediator mediator) : Endpoint<ListHonouringEvents, PagedResult<HonouringEventListItem>>
{
    public override void Configure()
    {
        Get(ListHonouringEvents.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the honouring events of the units in scope");
    }

    public override async Task HandleAsync(ListHonouringEvents req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
