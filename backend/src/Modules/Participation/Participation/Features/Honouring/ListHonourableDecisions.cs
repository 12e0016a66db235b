using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Emulation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The picker of the event form: the commendation decisions the unit has made (approved proposals it decided) and no
/// event has honoured yet, newest first. 403 without the decide permission over the unit, 404 outside scope.
/// </summary>
public sealed record ListHonourableDecisions : IQuery<IReadOnlyList<HonourableDecision>>
{
    public const string Route = "/api/v1/participation/commendations/honourable-decisions";
    public Guid UnitId { get; init; }
    public int? Year { get; init; }
}

internal sealed class ListHonourableDecisionsValidator : AbstractValidator<ListHonourableDecisions>
{
    public ListHonourableDecisionsValidator() => RuleFor(x => x.UnitId).NotEmpty().WithMessage("Choose the holding unit.", "Chọn đơn vị tổ chức.");
}

internal sealed class ListHonourableDecisionsHandler(ParticipationDbContext db, IMediator mediator) : IQueryHandler<ListHonourableDecisions, IReadOnlyList<HonourableDecision>>
{
    public async ValueTask<IReadOnlyList<HonourableDecision>> Handle(ListHonourableDecisions query, CancellationToken ct)
    {
        db.Access.Demand(Permission.CommendationsDecide, query.UnitId, Localized.Text("Unit", "đơn vị"), query.UnitId);
        var honoured = db.HonouredDecisions.IgnoreQueryFilters().Select(d => d.ProposalId);
        var q = db.CommendationProposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Approved && p.DecidingUnitId == query.UnitId && !honoured.Contains(p.Id));
        if (query.Year is { } year) q = q.Where(p => p.Year == year);
        var rows = await q.OrderByDescending(p => p.DecisionDate).ThenBy(p => p.DecisionNumber).Take(500)
            .Select(p => new { p.Id, p.DecisionNumber, p.DecisionDate, p.Year, p.FormCode, p.UnitId, Count = p.Nominees.Count, Names = p.Nominees.OrderBy(n => n.Order).Select(n => n.Name).Take(5).ToList() })
            .ToListAsync(ct);
        var names = await mediator.UnitNamesAsync(rows.Select(r => r.UnitId), ct);
        return rows.Select(r => new HonourableDecision(r.Id, r.DecisionNumber!, r.DecisionDate!.Value, r.Year, r.FormCode, CommendationRules.Form(r.FormCode).Name,
            r.UnitId, names.GetValueOrDefault(r.UnitId, ""), r.Count, string.Join(", ", r.Names) + (r.Count > 5 ? "…" : ""))).ToList();
    }
}

internal sealed class ListHonourableDecisionsEndpoint(IMediator mediator) : Endpoint<ListHonourableDecisions, IReadOnlyList<HonourableDecision>>
{
    public override void Configure()
    {
        Get(ListHonourableDecisions.Route);
        Policies(Permission.CommendationsDecide);
        Summary(s => s.Summary = "The commendation decisions a unit has made and no honouring event has honoured yet (the event form's picker)");
    }

    public override async Task HandleAsync(ListHonourableDecisions req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
