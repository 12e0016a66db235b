using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>Enterprises of the labour database kept by the caller's units, with one year's figures per row if asked.</summary>
public sealed class ListEnterprises : IQuery<PagedResult<EnterpriseListItem>>, IPagedQuery, IEnterpriseSearch
{
    public const string Route = "/api/v1/organization/enterprises";
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = Paging.DefaultPageSize;
    /// <summary>name (default), taxCode, district or workforce (of the year asked); prefix '-' for descending.</summary>
    public string? Sort { get; init; }
    /// <summary>Text to find in the name, tax code or address (case and diacritics ignored).</summary>
    public string? Q { get; init; }
    /// <summary>Only the enterprises kept by this unit and the units below it.</summary>
    public Guid? Within { get; init; }
    public Ownership? Ownership { get; init; }
    public Sector? Sector { get; init; }
    /// <summary>Exact district, town or city name.</summary>
    public string? District { get; init; }
    /// <summary>Exact industrial zone name.</summary>
    public string? Zone { get; init; }
    /// <summary>The year whose figures each row shows.</summary>
    public int? Year { get; init; }
}

internal sealed class ListEnterprisesValidator : AbstractValidator<ListEnterprises>
{
    public ListEnterprisesValidator()
    {
        this.AddPagingRules("name", "taxCode", "district", "workforce");
        RuleFor(x => x.Year).InclusiveBetween(LabourRules.FirstYear, 2100);
        RuleFor(x => x.District).MaximumLength(100);
        RuleFor(x => x.Zone).MaximumLength(200);
    }
}

/// <summary>
/// The page is kept per Organization data stamp and the caller's scope (<see cref="EnterprisePageCache"/>; #17: the
/// count, the sort and the rows were three statements per request against the twin's two). Computed, its ids come
/// first — the count and the sorted ids in scope — then only those rows by id, through the scope filter. The keeping unit's
/// name comes from the in-memory hierarchy (<see cref="UnitCatalogue"/>, per units stamp), not from <c>e.Unit.Name</c>,
/// which joined the units through their own scope filter — a second <c>access_scopes</c> lookup per row for a scope
/// the enterprises' filter already enforces (the district page at 0.34 of its hand-written twin).
/// </summary>
internal sealed class ListEnterprisesHandler(OrganizationDbContext db, UnitCatalogue catalogue, EnterprisePageCache cache)
    : IQueryHandler<ListEnterprises, PagedResult<EnterpriseListItem>>
{
    public async ValueTask<PagedResult<EnterpriseListItem>> Handle(ListEnterprises query, CancellationToken ct)
    {
        // The stamp is read before the ids are computed: a change committed meanwhile can only make them newer than their key.
        var stamp = await db.ReadChangeStampAsync(OrganizationDbContext.DataStamp, ct);
        var page = await cache.GetAsync(stamp.ToString(), EnterprisePageCache.Key(query, db.Access), () => ComputeAsync(query, ct));
        return await WithUnitNamesAsync(page, ct);
    }

    /// <summary>The count and the page's ids, then only those rows by id (the units' names left to the caller).</summary>
    private async Task<PagedResult<EnterpriseListItem>> ComputeAsync(ListEnterprises query, CancellationToken ct)
    {
        var page = await PageIdsAsync(query, ct);
        if (page.Ids.Count == 0) return new PagedResult<EnterpriseListItem>([], page.Page, page.PageSize, page.Total);
        var rows = await RowsAsync(page.Ids, query.Year, ct);
        var order = page.Ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return new PagedResult<EnterpriseListItem>(rows.OrderBy(e => order[e.Id]).ToList(), page.Page, page.PageSize, page.Total);
    }

    /// <summary>The count and the ids of the page asked for, in the order asked for.</summary>
    private async Task<PageOfIds<Guid>> PageIdsAsync(ListEnterprises query, CancellationToken ct)
    {
        var enterprises = await db.FindAsync(query, ct);
        var year = query.Year ?? 0;
        var desc = query.Descending();
        enterprises = query.SortField() switch
        {
            "taxcode" => desc ? enterprises.OrderByDescending(e => e.TaxCode) : enterprises.OrderBy(e => e.TaxCode),
            "district" => desc ? enterprises.OrderByDescending(e => e.District).ThenBy(e => e.Name) : enterprises.OrderBy(e => e.District).ThenBy(e => e.Name),
            "workforce" => desc
                ? enterprises.OrderByDescending(e => e.Figures.Where(f => f.Year == year).Select(f => f.Workforce).FirstOrDefault()).ThenBy(e => e.Name)
                : enterprises.OrderBy(e => e.Figures.Where(f => f.Year == year).Select(f => f.Workforce).FirstOrDefault()).ThenBy(e => e.Name),
            "name" when desc => enterprises.OrderByDescending(e => e.Name),
            _ => enterprises.OrderBy(e => e.Name),
        };
        return await enterprises.Select(e => e.Id).ToPageOfIdsAsync(query, ct);
    }

    /// <summary>
    /// The page's rows by id (in no order), only the list's columns. No year asked, no figures: the query skips the
    /// yearly figures at all; with a year, each row carries the figures of the year asked for.
    /// </summary>
    private async Task<List<EnterpriseListItem>> RowsAsync(IReadOnlyList<Guid> ids, int? year, CancellationToken ct)
    {
        var enterprises = db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id));
        return year is null
            ? await enterprises
                .Select(e => new EnterpriseListItem(e.Id, e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.UnitId,
                    "", e.GrassrootsUnitId, null))
                .ToListAsync(ct)
            : await enterprises
                .Select(e => new EnterpriseListItem(e.Id, e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.UnitId, "",
                    e.GrassrootsUnitId,
                    e.Figures.Where(f => f.Year == year)
                        .Select(f => new YearFiguresView(f.Year, f.Workforce, f.Women, f.UnionMembers, f.AverageMonthlyIncome, f.CbaSigned, f.CbaSignedOn,
                            f.CbaExpiresOn, f.Disputes, f.Stoppages, f.Dialogues, f.Version))
                        .FirstOrDefault()))
                .ToListAsync(ct);
    }

    /// <summary>Each row's keeping unit by name, from the hierarchy as of this request's units stamp.</summary>
    private async Task<PagedResult<EnterpriseListItem>> WithUnitNamesAsync(PagedResult<EnterpriseListItem> page, CancellationToken ct)
    {
        if (page.Items.Count == 0) return page;
        var units = (await catalogue.AllAsync(await db.UnitsStampAsync(ct))).ById;
        // A unit newer than the stamp (created since this request's access was read): its name from the database.
        var missing = page.Items.Select(e => e.UnitId).Where(id => !units.ContainsKey(id)).Distinct().ToList();
        var newer = missing.Count == 0
            ? new Dictionary<Guid, string>()
            : await db.Units.IgnoreQueryFilters().AsNoTracking().Where(u => missing.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return page.Map(e => e with
        {
            UnitName = units.TryGetValue(e.UnitId, out var unit) ? unit.Name : newer.GetValueOrDefault(e.UnitId, e.UnitName),
        });
    }
}

internal sealed class ListEnterprisesEndpoint(IMediator mediator) : Endpoint<ListEnterprises, PagedResult<EnterpriseListItem>>
{
    public override void Configure()
    {
        Get(ListEnterprises.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Search the enterprises of the labour database");
    }

    public override async Task HandleAsync(ListEnterprises req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
