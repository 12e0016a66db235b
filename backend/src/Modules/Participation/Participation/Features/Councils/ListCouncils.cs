using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Councils;

/// <summary>The councils the caller reads: their units' (officers) or those they sit on (members), newest first.</summary>
public sealed class ListCouncils : IQuery<PagedResult<CouncilListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/councils";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>formedAt (default: newest first) or name; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the council's name (case ignored).</summary>
    public string? Q { get; init; }
    public CouncilStatus? Status { get; init; }
    /// <summary>Only the councils of this kind (what they judge): Initiative, TopicSelection, TopicAcceptance or Commendation; 400 for another value.</summary>
    public CouncilItemKind? Kind { get; init; }
    /// <summary>Only the councils the caller sits on.</summary>
    public bool Mine { get; init; }
    /// <summary>Only the councils that judge this item (an initiative's id).</summary>
    public Guid? ItemId { get; init; }
}

internal sealed class ListCouncilsValidator : AbstractValidator<ListCouncils>
{
    public ListCouncilsValidator()
    {
        this.AddPagingRules("formedAt", "name");
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
        RuleFor(x => x.Kind).IsInEnum().When(x => x.Kind is not null)
            .WithMessage("Choose a kind of council from the list.", "Chọn loại Hội đồng trong danh sách.");
    }
}

internal sealed class ListCouncilsHandler(ParticipationAccess access, IMediator mediator) : IQueryHandler<ListCouncils, PagedResult<CouncilListItem>>
{
    public async ValueTask<PagedResult<CouncilListItem>> Handle(ListCouncils query, CancellationToken ct)
    {
        var email = access.MyEmail;
        var councils = access.ReadableCouncils().AsNoTracking();
        if (query.Mine) councils = councils.Where(c => email != null && c.Members.Any(m => m.Email == email));
        if (!string.IsNullOrWhiteSpace(query.Q)) councils = councils.Where(c => c.Name.Contains(query.Q.Trim()));
        if (query.Status is { } status) councils = councils.Where(c => c.Status == status);
        if (query.Kind is { } kind) councils = councils.Where(c => c.ItemKind == kind);
        if (query.ItemId is { } itemId) councils = councils.Where(c => c.Items.Any(i => i.ItemId == itemId));
        var desc = query.Descending();
        councils = query.SortField() switch
        {
            "name" => desc ? councils.OrderByDescending(c => c.Name) : councils.OrderBy(c => c.Name),
            "formedat" when !desc => councils.OrderBy(c => c.FormedAtUtc),
            _ => councils.OrderByDescending(c => c.FormedAtUtc),
        };
        var page = await councils.Select(c => new
        {
            c.Id, c.Name, c.UnitId, c.ItemKind, c.Status, c.FormedAtUtc, c.ClosedAtUtc,
            Members = c.Members.Count, Titles = c.Items.OrderBy(i => i.Order).Select(i => i.Title).ToList(),
            MyRole = c.Members.Where(m => m.Email == email).Select(m => (CouncilRole?)m.Role).FirstOrDefault(),
        }).ToPageAsync(query, ct);
        var ids = page.Items.Select(i => i.UnitId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(ids), ct)).ToDictionary(u => u.Id, u => u.Name);
        return new PagedResult<CouncilListItem>(page.Items.Select(c => new CouncilListItem(c.Id, c.Name, c.UnitId, names.GetValueOrDefault(c.UnitId, ""),
            c.ItemKind, c.Status, c.Members, c.Titles.Count, string.Join("; ", c.Titles), c.MyRole, c.FormedAtUtc, c.ClosedAtUtc)).ToList(),
            page.Page, page.PageSize, page.Total);
    }
}

internal sealed class ListCouncilsEndpoint(IMediator mediator) : Endpoint<ListCouncils, PagedResult<CouncilListItem>>
{
    public override void Configure()
    {
        Get(ListCouncils.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the evaluation councils of the caller's units, or those the caller sits on");
    }

    public override async Task HandleAsync(ListCouncils req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
