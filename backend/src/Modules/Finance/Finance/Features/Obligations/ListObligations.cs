using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Finance.Features.Obligations;

/// <summary>
/// The obligations of the units in scope (recorded from Participation's recognised initiatives, contracted research
/// topics and commendation decisions) with what allocations fund of them; <see cref="ToBeFunded"/> only those not yet
/// fully funded (a withdrawn obligation — a cancelled topic's — never is), <see cref="SourceKind"/> only one kind.
/// </summary>
public sealed record ListObligations : IQuery<IReadOnlyList<ObligationView>>
{
    public const string Route = "/api/v1/finance/obligations";
    public Guid? UnitId { get; init; }
    public bool ToBeFunded { get; init; }
    public ObligationSourceKind? SourceKind { get; init; }
}

internal sealed class ListObligationsHandler(FinanceDbContext db, IMediator mediator) : IQueryHandler<ListObligations, IReadOnlyList<ObligationView>>
{
    public async ValueTask<IReadOnlyList<ObligationView>> Handle(ListObligations query, CancellationToken ct)
    {
        var q = db.Obligations.AsNoTracking().Include(o => o.Years).AsQueryable();
        if (query.UnitId is { } unitId) q = q.Where(o => o.UnitId == unitId);
        if (query.SourceKind is { } kind) q = q.Where(o => o.SourceKind == kind);
        var rows = await q.OrderByDescending(o => o.RecordedAtUtc).Take(500).ToListAsync(ct);
        var ids = rows.Select(o => o.Id).ToList();
        var allocations = await db.Allocations.AsNoTracking().Where(a => a.ObligationId != null && ids.Contains(a.ObligationId.Value))
            .Select(a => new { a.Id, ObligationId = a.ObligationId!.Value, a.Amount, a.Status, a.SpentAmount }).ToListAsync(ct);
        var names = await mediator.NamesAsync(rows.Select(r => r.UnitId), ct);
        var views = rows.Select(o =>
        {
            var mine = allocations.Where(a => a.ObligationId == o.Id).ToList();
            var funded = mine.Sum(a => FundingObligation.FundedBy(a.Status, a.Amount, a.SpentAmount));
            var left = FundingObligation.StillToBeFunded(o.State, o.Total, funded);
            return new ObligationView(o.Id, o.UnitId, names.GetValueOrDefault(o.UnitId, ""), o.SourceKind, o.RecordId, o.Title, o.CertificateNumber, o.DecisionDate,
                o.LegalBasis, o.Total, funded, left > 0,
                o.Years.OrderBy(y => y.Year).Select(y => new ObligationYearView(y.Year, y.From, y.To, y.AuthorsTotal, y.OrganisersMinimum)).ToList(),
                mine.Select(a => a.Id).ToList(), o.State, left, o.WithdrawnOn, o.WithdrawalReason);
        });
        return (query.ToBeFunded ? views.Where(v => v.ToBeFunded) : views).ToList();
    }
}

internal sealed class ListObligationsEndpoint(IMediator mediator) : Endpoint<ListObligations, IReadOnlyList<ObligationView>>
{
    public override void Configure()
    {
        Get(ListObligations.Route);
        Policies(Permission.FinanceRead);
        Summary(s => s.Summary = "List the obligations (initiative remuneration, research topic funding, commendation prizes) of the units in scope and what is funded of them");
    }

    public override async Task HandleAsync(ListObligations req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
