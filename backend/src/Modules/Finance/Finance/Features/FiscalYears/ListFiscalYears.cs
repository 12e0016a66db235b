using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.FiscalYears;

/// <summary>The fiscal years of the units in scope (of one unit when given), newest first.</summary>
public sealed record ListFiscalYears : IQuery<IReadOnlyList<FiscalYearView>>
{
    public const string Route = "/api/v1/finance/fiscal-years";
    public Guid? UnitId { get; init; }

    /// <summary>One fiscal year (the read-back of its changes).</summary>
    internal sealed record ById(Guid Id) : IQuery<FiscalYearView>;
}

internal sealed class ListFiscalYearsHandler(FinanceDbContext db, IMediator mediator)
    : IQueryHandler<ListFiscalYears, IReadOnlyList<FiscalYearView>>, IQueryHandler<ListFiscalYears.ById, FiscalYearView>
{
    public async ValueTask<IReadOnlyList<FiscalYearView>> Handle(ListFiscalYears query, CancellationToken ct)
    {
        var q = db.FiscalYears.AsNoTracking();
        if (query.UnitId is { } unitId) q = q.Where(f => f.UnitId == unitId);
        var rows = await q.OrderByDescending(f => f.Year).ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(f => new FiscalYearView(f.Id, f.UnitId, names.GetValueOrDefault(f.UnitId, ""), f.Year, f.Status, f.ClosedAtUtc, f.ClosedBy, f.Version)).ToList();
    }

    public async ValueTask<FiscalYearView> Handle(ListFiscalYears.ById query, CancellationToken ct)
    {
        var f = await db.FiscalYears.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct)
                ?? throw new NotFoundException(Localized.Text("Fiscal year", "năm tài chính"), query.Id);
        var names = await mediator.NamesAsync([f.UnitId], ct);
        return new FiscalYearView(f.Id, f.UnitId, names.GetValueOrDefault(f.UnitId, ""), f.Year, f.Status, f.ClosedAtUtc, f.ClosedBy, f.Version);
    }
}

internal sealed class ListFiscalYearsEndpoint(IMediator mediator) : Endpoint<ListFiscalYears, IReadOnlyList<FiscalYearView>>
{
    public override void Configure()
    {
        Get(ListFiscalYears.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "List the fiscal years of the units in scope");
    }

    public override async Task HandleAsync(ListFiscalYears req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
