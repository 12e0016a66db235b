using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>The research topics of the caller's units' subtrees, searchable without diacritics, filtered by status, field, call and lateness.</summary>
public sealed class ListTopics : IQuery<PagedResult<TopicListItem>>, IPagedQuery
{
    public const string Route = TopicViews.Route;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>createdAt (default: newest first) or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title, field, objectives, lead or members (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    public TopicStatus? Status { get; init; }
    public string? Field { get; init; }
    public Guid? CallId { get; init; }
    /// <summary>Only topics being carried out with a milestone past due and not done (today's Vietnam date).</summary>
    public bool Late { get; init; }
}

internal sealed class ListTopicsValidator : AbstractValidator<ListTopics>
{
    public ListTopicsValidator()
    {
        this.AddPagingRules("createdAt", "title");
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
        RuleFor(x => x.Field).MaximumLength(200);
    }
}

internal sealed class ListTopicsHandler(ParticipationDbContext db, IMediator mediator, TimeProvider clock) : IQueryHandler<ListTopics, PagedResult<TopicListItem>>
{
    public async ValueTask<PagedResult<TopicListItem>> Handle(ListTopics query, CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var topics = db.ResearchTopics.AsNoTracking().WhereMatches(query.Q, t => t.SearchText);
        if (query.Status is { } status) topics = topics.Where(t => t.Status == status);
        if (!string.IsNullOrWhiteSpace(query.Field)) topics = topics.Where(t => t.Field == query.Field.Trim());
        if (query.CallId is { } callId) topics = topics.Where(t => t.CallId == callId);
        if (query.Late)
            topics = topics.Where(t => (t.Status == TopicStatus.Contracted || t.Status == TopicStatus.InProgress)
                                       && t.Milestones.Any(m => m.CompletedOn == null && m.DueDate < today));
        var desc = query.Descending();
        topics = query.SortField() switch
        {
            "title" => desc ? topics.OrderByDescending(t => t.Title) : topics.OrderBy(t => t.Title),
            "createdat" when !desc => topics.OrderBy(t => t.CreatedAtUtc),
            _ => topics.OrderByDescending(t => t.CreatedAtUtc),
        };
        var page = await topics.Select(t => new
        {
            t.Id, t.Title, t.UnitId, t.CallId, t.Field, t.LeadName, t.Status, t.Rating, t.CreatedAtUtc,
            Total = t.BudgetLines.Sum(l => l.Amount),
            Late = (t.Status == TopicStatus.Contracted || t.Status == TopicStatus.InProgress) && t.Milestones.Any(m => m.CompletedOn == null && m.DueDate < today),
            Next = t.Milestones.Where(m => m.CompletedOn == null).OrderBy(m => m.DueDate).Select(m => (DateOnly?)m.DueDate).FirstOrDefault(),
        }).ToPageAsync(query, ct);
        var ids = page.Items.Select(i => i.UnitId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(ids), ct)).ToDictionary(u => u.Id, u => u.Name);
        var items = page.Items.Select(t => new TopicListItem(t.Id, t.Title, t.UnitId, names.GetValueOrDefault(t.UnitId, ""), t.CallId, t.Field, t.LeadName,
            t.Status, t.Total, t.Rating, t.Late, t.Next, t.CreatedAtUtc)).ToList();
        return new PagedResult<TopicListItem>(items, page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListTopicsEndpoint(IMediator mediator) : Endpoint<ListTopics, PagedResult<TopicListItem>>
{
    public override void Configure()
    {
        Get(ListTopics.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Search the research topics of the caller's units (status, field, call, late milestones)");
    }

    public override async Task HandleAsync(ListTopics req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
