using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>The campaigns the caller reads, searchable without diacritics, by year and status.</summary>
public sealed class ListCampaigns : IQuery<PagedResult<CampaignListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/training/campaigns";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>startsOn (default: newest first) or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title, goal or audience note (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only campaigns running at some time in this year.</summary>
    public int? Year { get; init; }
    /// <summary>Only campaigns that are, today, upcoming, running or ended.</summary>
    public CampaignStatus? Status { get; init; }
}

internal sealed class ListCampaignsValidator : AbstractValidator<ListCampaigns>
{
    public ListCampaignsValidator()
    {
        this.AddPagingRules("startsOn", "title");
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).When(x => x.Year is not null);
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
    }
}

internal sealed class ListCampaignsHandler(CampaignVisibility visibility, IMediator mediator, TimeProvider clock)
    : IQueryHandler<ListCampaigns, PagedResult<CampaignListItem>>
{
    public async ValueTask<PagedResult<CampaignListItem>> Handle(ListCampaigns query, CancellationToken ct)
    {
        var campaigns = visibility.Readable().AsNoTracking().WhereMatches(query.Q, c => c.SearchText);
        if (query.Year is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            campaigns = campaigns.Where(c => c.StartsOn <= last && c.EndsOn >= first);
        }
        var today = VietnamTime.Today(clock);
        campaigns = query.Status switch
        {
            CampaignStatus.Upcoming => campaigns.Where(c => c.StartsOn > today),
            CampaignStatus.Running => campaigns.Where(c => c.StartsOn <= today && c.EndsOn >= today),
            CampaignStatus.Ended => campaigns.Where(c => c.EndsOn < today),
            _ => campaigns,
        };
        var desc = query.Descending();
        campaigns = query.SortField() switch
        {
            "title" => desc ? campaigns.OrderByDescending(c => c.Title) : campaigns.OrderBy(c => c.Title),
            "startson" when !desc => campaigns.OrderBy(c => c.StartsOn).ThenBy(c => c.Title),
            _ => campaigns.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Title),
        };
        var page = await campaigns
            .Select(c => new { c.Id, c.Title, c.UnitId, c.StartsOn, c.EndsOn, c.Channels, Participants = c.Participants.Count })
            .ToPageAsync(query, ct);
        var names = await CampaignVisibility.NamesAsync(mediator, page.Items.Select(c => c.UnitId), ct);
        var items = page.Items.Select(c => new CampaignListItem(c.Id, c.Title, c.UnitId, names.GetValueOrDefault(c.UnitId)?.Name ?? "",
            c.StartsOn, c.EndsOn, Campaign.StatusOf(c.StartsOn, c.EndsOn, today), Campaign.Parse<CampaignChannel>(c.Channels), c.Participants)).ToList();
        return new PagedResult<CampaignListItem>(items, page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListCampaignsEndpoint(IMediator mediator) : Endpoint<ListCampaigns, PagedResult<CampaignListItem>>
{
    public override void Configure()
    {
        Get(ListCampaigns.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Search the awareness campaigns the caller's units run or take part in");
    }

    public override async Task HandleAsync(ListCampaigns req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
