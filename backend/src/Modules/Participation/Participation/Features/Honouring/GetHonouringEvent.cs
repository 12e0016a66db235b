using FastEndpoints;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>An honouring event with its decisions and honourees (each with their certificate); 404 outside the caller's scope.</summary>
public sealed record GetHonouringEvent : IQuery<HonouringEventDetail>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events/{id}";
    public static string For(Guid id) => $"/api/v1/participation/commendations/honouring-events/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetHonouringEventHandler(ParticipationDbContext db, ParticipationAccess access, PublicLinks links, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetHonouringEvent, HonouringEventDetail>
{
    public async ValueTask<HonouringEventDetail> Handle(GetHonouringEvent query, CancellationToken ct)
    {
        var e = await db.HonouringEvents.AsNoTracking().Include(x => x.Decisions).Include(x => x.Certificates).AsSplitQuery()
                    .FirstOrDefaultAsync(x => x.Id == query.Id, ct)
                ?? throw new NotFoundException(Localized.Text("Honouring event", "lễ tôn vinh"), query.Id);
        if (!access.MayReadCommendationsOf(e.UnitId)) throw new NotFoundException(Localized.Text("Honouring event", "lễ tôn vinh"), query.Id);
        var names = await Khcn.Participation.Features.Emulation.EmulationViews.UnitNamesAsync(mediator, [e.UnitId], ct);
        var proposalIds = e.Decisions.Select(d => d.ProposalId).ToList();
        var years = await db.CommendationProposals.IgnoreQueryFilters().AsNoTracking().Where(p => proposalIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Year }).ToDictionaryAsync(p => p.Id, p => p.Year, ct);
        return new HonouringEventDetail(e.Id, e.UnitId, names.GetValueOrDefault(e.UnitId, e.IssuingUnitName), e.Name, e.HeldOn, e.Venue, e.CreatedBy,
            e.Decisions.OrderBy(d => d.FormName).ThenBy(d => d.DecisionDate).ThenBy(d => d.DecisionNumber)
                .Select(d => new HonouredDecisionView(d.ProposalId, d.FormCode, d.FormName, d.DecisionNumber, d.DecisionDate, e.Certificates.Count(c => c.ProposalId == d.ProposalId),
                    years.GetValueOrDefault(d.ProposalId), HonoureeNames(e.Certificates.Where(c => c.ProposalId == d.ProposalId).OrderBy(c => c.Order).Select(c => c.HolderName).ToList()))).ToList(),
            e.Certificates.OrderBy(c => c.Order).Select(c => new HonoureeView(c.Id, c.Order, c.Kind, c.HolderName, c.FormCode, c.FormName, c.DecisionNumber, c.DecisionDate,
                c.Number, links.HonourVerifyUrl(c.VerificationCode), c.RevokedAtUtc is not null, c.RevokedAtUtc, c.RevocationReason)).ToList(),
            access.Access.Can(Permission.CommendationsDecide, e.UnitId), e.IsHeld(VietnamTime.Today(clock)), e.Version, e.CreatedAtUtc, e.UpdatedAtUtc);
    }

    /// <summary>The first five names, as the picker of honourable decisions shows them.</summary>
    private static string HonoureeNames(IReadOnlyList<string> names) => string.Join(", ", names.Take(5)) + (names.Count > 5 ? "…" : "");
}

internal sealed class GetHonouringEventEndpoint(IMediator mediator) : Endpoint<GetHonouringEvent, HonouringEventDetail>
{
    public override void Configure()
    {
        Get(GetHonouringEvent.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get an honouring event with its decisions, honourees and certificates");
    }

    public override async Task HandleAsync(GetHonouringEvent req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
