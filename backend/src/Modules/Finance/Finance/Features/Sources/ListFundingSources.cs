using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Sources;

/// <summary>The funding sources of the units in scope (of one unit when given).</summary>
public sealed record ListFundingSources : IQuery<IReadOnlyList<FundingSourceView>>
{
    public const string Route = "/api/v1/finance/sources";
    public Guid? UnitId { get; init; }

    internal sealed record ById(Guid Id) : IQuery<FundingSourceView>;
}

internal sealed class ListFundingSourcesHandler(FinanceDbContext db, IMediator mediator)
    : IQueryHandler<ListFundingSources, IReadOnlyList<FundingSourceView>>, IQueryHandler<ListFundingSources.ById, FundingSourceView>
{
    public async ValueTask<IReadOnlyList<FundingSourceView>> Handle(ListFundingSources query, CancellationToken ct)
    {
        var q = db.FundingSources.AsNoTracking();
        if (query.UnitId is { } unitId) q = q.Where(s => s.UnitId == unitId);
        var rows = await q.OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(s => View(s, names)).ToList();
    }

    public async ValueTask<FundingSourceView> Handle(ListFundingSources.ById query, CancellationToken ct)
    {
        var s = await db.FundingSources.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct)
                ?? throw new NotFoundException(Localized.Text("Funding source", "nguồn kinh phí"), query.Id);
        return View(s, await mediator.NamesAsync([s.UnitId], ct));
    }

    private static FundingSourceView View(FundingSource s, IReadOnlyDictionary<Guid, string> names) =>
        new(s.Id, s.UnitId, names.GetValueOrDefault(s.UnitId, ""), s.Kind, s.Name, s.ProgrammeReference, s.SponsorName, s.SponsorTaxCode, s.Note, s.Version);
}

internal sealed class ListFundingSourcesEndpoint(IMediator mediator) : Endpoint<ListFundingSources, IReadOnlyList<FundingSourceView>>
{
    public override void Configure()
    {
        Get(ListFundingSources.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "List the funding sources of the units in scope");
    }

    public override async Task HandleAsync(ListFundingSources req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
