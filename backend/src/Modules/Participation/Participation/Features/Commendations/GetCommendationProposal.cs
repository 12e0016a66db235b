using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>One proposal with its nominees, their recorded checks, the emulation council's vote and the decision; 404 outside the caller's scope.</summary>
public sealed record GetCommendationProposal : IQuery<ProposalDetail>
{
    public const string Route = "/api/v1/participation/commendations/proposals/{id}";
    public static string For(Guid id) => $"/api/v1/participation/commendations/proposals/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetCommendationProposalHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator) : IQueryHandler<GetCommendationProposal, ProposalDetail>
{
    public async ValueTask<ProposalDetail> Handle(GetCommendationProposal query, CancellationToken ct)
    {
        var p = await access.ProposalAsync(query.Id, ct, tracked: false);
        var unit = (await mediator.Send(new GetUnitSummaries([p.UnitId]), ct)).FirstOrDefault();
        var form = CommendationRules.Form(p.FormCode);
        var set = CommendationRules.ForYear(p.Year);
        return new ProposalDetail(p.Id, p.UnitId, unit?.Name ?? "", p.Year, p.FormCode, form.Name, p.Achievements, p.Status, CommendationProposal.StatusName(p.Status),
            p.ProposedBy, p.SubmittedAtUtc, p.RuleSetCode, p.DecisionNumber, p.DecisionDate, p.Issuer, p.RefusalReason, p.ExceptionRequest, p.OverrideReason, p.OverriddenBy, p.DecidedBy, p.DecidedAtUtc, p.PrizeTotal,
            set.For(p.FormCode).PrizeBasis,
            p.Nominees.OrderBy(n => n.Order).Select(n => new NomineeView(n.Id, n.Order, n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, n.InitiativeId, n.InitiativeTitle,
                n.Prize, n.Checks.OrderBy(c => c.Order).Select(c => new RuleResultView(c.Code, c.Name, c.LegalBasis, c.Passed, c.Detail)).ToList())).ToList(),
            p.Status == ProposalStatus.Draft && access.MayPropose(p.UnitId),
            p.Status == ProposalStatus.Submitted && access.MayDecideCommendation(unit?.ParentId),
            (await CommendationVotes.VerdictAsync(db, p.Id, ct)).ToView(form.Share),
            p.Version, p.CreatedAtUtc, p.UpdatedAtUtc);
    }
}

internal sealed class GetCommendationProposalEndpoint(IMediator mediator) : Endpoint<GetCommendationProposal, ProposalDetail>
{
    public override void Configure()
    {
        Get(GetCommendationProposal.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "Get a commendation proposal with its nominees, eligibility checks and decision");
    }

    public override async Task HandleAsync(GetCommendationProposal req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
