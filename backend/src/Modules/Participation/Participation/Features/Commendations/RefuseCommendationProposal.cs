using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>The unit above refuses a submitted proposal with a reason; the proposer is notified. 403 unless the caller decides over the proposing unit's parent.</summary>
public sealed record RefuseCommendationProposal : ProposalStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/proposals/{id}/refuse";
    public string Reason { get; init; } = "";
}

internal sealed class RefuseCommendationProposalValidator : AbstractValidator<RefuseCommendationProposal>
{
    public RefuseCommendationProposalValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(2000);
}

internal sealed class RefuseCommendationProposalHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<RefuseCommendationProposal, Guid>
{
    public async ValueTask<Guid> Handle(RefuseCommendationProposal command, CancellationToken ct)
    {
        var p = await access.ProposalAsync(command.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([p.UnitId]), ct)).FirstOrDefault();
        if (!access.MayDecideCommendation(unit?.ParentId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, p, command.IfMatch);
        p.Refuse(unit!.ParentId!.Value, command.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        if (p.ProposedByEmail is { } email)
            db.Notify(NoticeTarget.Person(email), new Notice($"commendation:{p.Id}:refused", "commendation.refused",
                $"Đề nghị {CommendationRules.Form(p.FormCode).Name} năm {p.Year} không được khen thưởng: {p.RefusalReason}", $"/participation/commendations/{p.Id}",
                new Dictionary<string, string> { ["form"] = CommendationRules.Form(p.FormCode).Name, ["year"] = p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = p.RefusalReason ?? "" }));
        return p.Id;
    }
}

internal sealed class RefuseCommendationProposalEndpoint(IMediator mediator) : ProposalStepEndpoint<RefuseCommendationProposal>(mediator)
{
    protected override string Route => RefuseCommendationProposal.Route;
    protected override string RequiredPermission => Permission.CommendationsDecide;
    protected override string StepSummary => "Refuse a submitted commendation proposal with a reason as the unit above (If-Match; 409 proposal_state)";
}
