using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.BuildingBlocks.Persistence;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>The initiatives the caller reads (their units' subtrees, or only their own), searchable without diacritics.</summary>
public sealed class ListInitiatives : IQuery<PagedResult<InitiativeListItem>>, IPagedQuery
{
    public const string Route = "/api/v1/participation/initiatives";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>createdAt (default: newest first) or title; prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the title, field, problem, solution, place of application or authors (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    public InitiativeStatus? Status { get; init; }
    public InitiativeKind? Kind { get; init; }
    /// <summary>Only the initiatives of this unit and the units below it.</summary>
    public Guid? UnitId { get; init; }
    /// <summary>Only the caller's own: filed by them or co-authored.</summary>
    public bool Mine { get; init; }
}

internal sealed class ListInitiativesValidator : AbstractValidator<ListInitiatives>
{
    public ListInitiativesValidator()
    {
        this.AddPagingRules("createdAt", "title");
        RuleFor(x => x.Status).IsInEnum().When(x => x.Status is not null);
        RuleFor(x => x.Kind).IsInEnum().When(x => x.Kind is not null);
    }
}

/// <summary>
/// A page already read under the same data is answered from <see cref="InitiativePageCache"/> when what the caller reads
/// is their scope alone (the rows are then the same for everyone of that scope). Otherwise, or the first time, the
/// page's ids come first — sorted on the (unit, created, id) index alone — then only those rows and their authors are
/// read; the units' names come from Organization's catalogue in memory.
/// </summary>
internal sealed class ListInitiativesHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, InitiativePageCache cache)
    : IQueryHandler<ListInitiatives, PagedResult<InitiativeListItem>>
{
    /// <summary>
    /// Kept under the data stamp and the units stamp the request's access was read under (the units' names and a
    /// subtree filter follow the hierarchy); a member's own list, or a caller without a units stamp, is read each time.
    /// </summary>
    public async ValueTask<PagedResult<InitiativeListItem>> Handle(ListInitiatives query, CancellationToken ct)
    {
        var unitsStamp = access.Access.UnitsStamp;
        if (query.Mine || !access.ReadsWholeScope || unitsStamp is null) return await ReadAsync(query, ct);
        var stamp = $"{await db.ReadChangeStampAsync(ParticipationDbContext.DataStamp, ct)}|{unitsStamp}";
        return await cache.GetAsync(stamp, InitiativePageCache.Key(query, access.Access), () => ReadAsync(query, ct));
    }

    private async Task<PagedResult<InitiativeListItem>> ReadAsync(ListInitiatives query, CancellationToken ct)
    {
        var desc = query.Descending();
        var sortField = query.SortField();
        var page = await Sorted(await FilteredAsync(query, ct), sortField, desc).Select(i => i.Id).ToPageOfIdsAsync(query, ct);
        var pageIds = page.Ids;
        var rows = pageIds.Count == 0 ? [] : await Sorted(access.Readable().AsNoTracking().Where(i => pageIds.Contains(i.Id)), sortField, desc)
            .Select(i => new
            {
                i.Id, i.Title, i.UnitId, i.Kind, i.Field, i.Status, i.YearlyBenefit, i.AppliedSince, i.CertificateNumber, i.DecisionDate, i.CreatedAtUtc,
                Authors = i.Authors.OrderBy(a => a.Order).Select(a => a.FullName).ToList(),
            }).ToListAsync(ct);
        var ids = rows.Select(i => i.UnitId).Distinct().ToList();
        var names = ids.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(ids), ct)).ToDictionary(u => u.Id, u => u.Name);
        var items = rows.Select(i => new InitiativeListItem(i.Id, i.Title, i.UnitId, names.GetValueOrDefault(i.UnitId, ""), i.Kind, i.Field,
            i.Status, string.Join(", ", i.Authors), i.YearlyBenefit, i.AppliedSince, i.CertificateNumber, i.DecisionDate, i.CreatedAtUtc)).ToList();
        return new PagedResult<InitiativeListItem>(items, page.Page, page.PageSize, page.Total);
    }

    private async Task<IQueryable<Initiative>> FilteredAsync(ListInitiatives query, CancellationToken ct)
    {
        var initiatives = access.Readable().AsNoTracking().WhereMatches(query.Q, i => i.SearchText);
        if (query.Mine) initiatives = access.Mine(initiatives);
        if (query.Status is { } status) initiatives = initiatives.Where(i => i.Status == status);
        if (query.Kind is { } kind) initiatives = initiatives.Where(i => i.Kind == kind);
        if (query.UnitId is { } unitId)
        {
            var subtree = (await mediator.Send(new GetSubtreeUnitIds(unitId), ct)).Select(u => u.UnitId).ToList();
            initiatives = initiatives.Where(i => subtree.Contains(i.UnitId));
        }
        return initiatives;
    }

    /// <summary>Newest first unless asked otherwise; ties by id, so that pages never overlap.</summary>
    private static IOrderedQueryable<Initiative> Sorted(IQueryable<Initiative> initiatives, string? field, bool desc) => field switch
    {
        "title" => desc ? initiatives.OrderByDescending(i => i.Title).ThenBy(i => i.Id) : initiatives.OrderBy(i => i.Title).ThenBy(i => i.Id),
        "createdat" when !desc => initiatives.OrderBy(i => i.CreatedAtUtc).ThenBy(i => i.Id),
        _ => initiatives.OrderByDescending(i => i.CreatedAtUtc).ThenByDescending(i => i.Id),
    };
}

internal sealed class ListInitiativesEndpoint(IMediator mediator) : Endpoint<ListInitiatives, PagedResult<InitiativeListItem>>
{
    public override void Configure()
    {
        Get(ListInitiatives.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Search the initiatives of the caller's units, or the caller's own");
    }

    public override async Task HandleAsync(ListInitiatives req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
