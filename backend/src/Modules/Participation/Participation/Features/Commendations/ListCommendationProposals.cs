using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Commendations;

/// <summary>The commendation proposals of the units in the caller's scope (the unit above sees those of its units to decide).</summary>
public sealed class ListCommendationProposals : IQuery<PagedResult<ProposalListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/commendations/proposals";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>createdAt (default, newest first) or year; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text in a nominee's name.</summary>
    public string? Q { get; init; }
    public int? Year { get; init; }
    public ProposalStatus? Status { get; init; }
    public string? FormCode { get; init; }
    public Guid? UnitId { get; init; }
}

internal sealed class ListCommendationProposalsValidator : AbstractValidator<ListCommendationProposals>
{
    public ListCommendationProposalsValidator() => this.AddPagingRules("createdAt", "year");
}

internal sealed class ListCommendationProposalsHandler(ParticipationDbContext db, IMediator mediator) : IQueryHandler<ListCommendationProposals, PagedResult<ProposalListItem>>
{
    public async ValueTask<PagedResult<ProposalListItem>> Handle(ListCommendationProposals query, CancellationToken ct)
    {
        var q = db.CommendationProposals.AsNoTracking();
        if (query.Year is { } year) q = q.Where(p => p.Year == year);
        if (query.Status is { } status) q = q.Where(p => p.Status == status);
        if (!string.IsNullOrWhiteSpace(query.FormCode)) q = q.Where(p => p.FormCode == query.FormCode);
        if (query.UnitId is { } unitId) q = q.Where(p => p.UnitId == unitId);
        if (!string.IsNullOrWhiteSpace(query.Q)) q = q.Where(p => p.Nominees.Any(n => n.Name.Contains(query.Q.Trim())));
        var desc = query.Descending();
        q = query.SortField() switch
        {
            "year" => desc ? q.OrderByDescending(p => p.Year).ThenByDescending(p => p.CreatedAtUtc) : q.OrderBy(p => p.Year).ThenBy(p => p.CreatedAtUtc),
            "createdat" when !desc => q.OrderBy(p => p.CreatedAtUtc),
            _ => q.OrderByDescending(p => p.CreatedAtUtc),
        };
        var page = await q.Select(p => new
        {
            p.Id, p.UnitId, p.Year, p.FormCode, p.Status, Count = p.Nominees.Count, Names = p.Nominees.OrderBy(n => n.Order).Select(n => n.Name).Take(5).ToList(),
            p.DecisionNumber, p.DecisionDate, p.PrizeTotal,
        }).ToPageAsync(query, ct);
        var names = await mediator.UnitNamesAsync(page.Items.Select(p => p.UnitId), ct);
        return page.Map(p => new ProposalListItem(p.Id, p.UnitId, names.GetValueOrDefault(p.UnitId, ""), p.Year, p.FormCode, CommendationRules.Form(p.FormCode).Name,
            p.Status, p.Count, string.Join(", ", p.Names) + (p.Count > 5 ? "…" : ""), p.DecisionNumber, p.DecisionDate, p.PrizeTotal));
    }
}

internal sealed class ListCommendationProposalsEndpoint(IMediator mediator) : Endpoint<ListCommendationProposals, PagedResult<ProposalListItem>>
{
    public override void Configure()
    {
        Get(ListCommendationProposals.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the commendation proposals of the units in scope");
    }

    public override async Task HandleAsync(ListCommendationProposals req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
