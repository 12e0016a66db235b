using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// Submits a draft proposal to the unit above: the form's eligibility rules (the rule set of the year) run for every
/// nominee and are recorded; while any fails the proposal stays a draft (409 <c>commendation_ineligible</c>, each
/// failed rule named with its article) unless the proposer asks the unit above for an exception with a reason, which
/// the decider then weighs (approving needs its own override reason). The deciding unit's officers are notified.
/// </summary>
public sealed record SubmitCommendationProposal : ProposalStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/proposals/{id}/submit";
    /// <summary>Why the unit above should decide although some rules fail (only used when one fails; without it a failing rule answers 409 commendation_ineligible).</summary>
    public string? ExceptionRequest { get; init; }
}

internal sealed class SubmitCommendationProposalValidator : AbstractValidator<SubmitCommendationProposal>
{
    public SubmitCommendationProposalValidator() => RuleFor(x => x.ExceptionRequest).MaximumLength(2000);
}

internal sealed class SubmitCommendationProposalHandler(ParticipationDbContext db, ParticipationAccess access, CommendationFacts facts, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<SubmitCommendationProposal, Guid>
{
    public async ValueTask<Guid> Handle(SubmitCommendationProposal command, CancellationToken ct)
    {
        var p = await access.ProposalAsync(command.Id, ct);
        if (!access.MayPropose(p.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, p, command.IfMatch);
        var nominees = p.Nominees.OrderBy(n => n.Order).ToList();
        var details = nominees.Select(n => new NomineeDetails(n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, n.Email, n.InitiativeId, n.InitiativeTitle)).ToList();
        var set = CommendationRules.ForYear(p.Year);
        var gathered = await facts.GatherAsync(p.UnitId, p.Year, p.FormCode, details, p.Id, ct);
        var checks = nominees.Select((n, i) => (n.Id, Results: CommendationRules.Check(set, p.FormCode, gathered[i]))).ToDictionary(x => x.Id, x => x.Results);
        p.Submit(set.Code, checks, command.ExceptionRequest, clock.GetUtcNow().UtcDateTime);
        var unit = (await mediator.Send(new GetUnitSummaries([p.UnitId]), ct)).FirstOrDefault();
        if (unit?.ParentId is { } parent)
            db.Notify(NoticeTarget.Unit(parent), new Khcn.BuildingBlocks.Messaging.Notice($"commendation:{p.Id}:submitted", "commendation.submitted",
                $"{unit.Name} trình đề nghị {CommendationRules.Form(p.FormCode).Name} năm {p.Year} ({p.Nominees.Count} đối tượng){(p.ExceptionRequest is null ? "" : ", kèm đề nghị xét ngoại lệ")}.",
                $"/participation/commendations/{p.Id}"));
        return p.Id;
    }
}

internal sealed class SubmitCommendationProposalEndpoint(IMediator mediator) : ProposalStepEndpoint<SubmitCommendationProposal>(mediator)
{
    protected override string Route => SubmitCommendationProposal.Route;
    protected override string RequiredPermission => Permission.CommendationsPropose;
    protected override string StepSummary => "Submit a commendation proposal to the unit above; the eligibility rules run and are recorded, a failing rule needs an exception request (If-Match; 409 proposal_state, commendation_ineligible)";
}
