using FluentValidation;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Participation.Access;
using Khcn.Participation.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// The unit above approves a submitted proposal with its decision (Quyết định khen thưởng): number (unique within the
/// deciding unit and the decision's year: 409 <c>decision_number_taken</c>), date and issuer. Each honouree's prize is
/// fixed from the rule set of the year × the base salary on the decision date, published as
/// <see cref="CommendationAwarded"/> for Finance and notified — to the proposer, the proposing unit, each honoured person
/// and each honoured collective's officers — in the same transaction. 403 unless the
/// caller decides over the proposing unit's parent. A proposal submitted with failed rules (an exception request) is
/// approved only with the decider's override reason (409 <c>override_reason_required</c>), kept on the proposal. The
/// decision follows the vote of the deciding unit's emulation council: 409 <c>council_vote_required</c> until a council
/// has closed on the proposal, <c>council_vote_failed</c> when it did not reach the form's share (a simple majority of
/// all members unless the catalogue says otherwise).
/// </summary>
public sealed record ApproveCommendationProposal : ProposalStepCommand, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/proposals/{id}/approve";
    public string DecisionNumber { get; init; } = "";
    public DateOnly DecisionDate { get; init; }
    /// <summary>Who signs the decision (e.g. "Chủ tịch LĐLĐ tỉnh Hưng Yên").</summary>
    public string Issuer { get; init; } = "";
    /// <summary>Required when a rule failed on submission: the decider's reason for the exception (recorded and audited).</summary>
    public string? OverrideReason { get; init; }
}

internal sealed class ApproveCommendationProposalValidator : AbstractValidator<ApproveCommendationProposal>
{
    public ApproveCommendationProposalValidator()
    {
        RuleFor(x => x.DecisionNumber).NotEmpty().MaximumLength(50);
        RuleFor(x => x.DecisionDate).NotEmpty();
        RuleFor(x => x.Issuer).NotEmpty().MaximumLength(300);
        RuleFor(x => x.OverrideReason).MaximumLength(2000);
    }
}

internal sealed class ApproveCommendationProposalHandler(ParticipationDbContext db, ParticipationAccess access, IMediator mediator, TimeProvider clock)
    : Mediator.ICommandHandler<ApproveCommendationProposal, Guid>
{
    public async ValueTask<Guid> Handle(ApproveCommendationProposal command, CancellationToken ct)
    {
        var p = await access.ProposalAsync(command.Id, ct);
        var unit = (await mediator.Send(new GetUnitSummaries([p.UnitId]), ct)).FirstOrDefault();
        if (!access.MayDecideCommendation(unit?.ParentId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, p, command.IfMatch);
        var decider = unit!.ParentId!.Value;
        var number = command.DecisionNumber.Trim();
        var year = command.DecisionDate.Year;
        if (await db.CommendationProposals.IgnoreQueryFilters().AnyAsync(x => x.DecidingUnitId == decider && x.DecisionNumber == number && x.Id != p.Id
                                                                             && x.DecisionDate >= new DateOnly(year, 1, 1) && x.DecisionDate <= new DateOnly(year, 12, 31), ct))
            throw new BusinessRuleException("decision_number_taken",
                Localized.Text("The deciding unit has already used this decision number this year.", $"Đơn vị quyết định đã dùng số quyết định này trong năm {year}."),
                new Dictionary<string, string[]> { ["decisionNumber"] = [Localized.Text("Choose another number.", "Chọn số khác.")] });
        var set = CommendationRules.ForYear(p.Year);
        var form = CommendationRules.Form(p.FormCode);
        var now = clock.GetUtcNow().UtcDateTime;
        var verdict = await CommendationVotes.VerdictAsync(db, p.Id, ct);
        p.Approve(decider, number, command.DecisionDate, command.Issuer, command.OverrideReason, verdict, form.Share, n => CommendationRules.Prize(set, p.FormCode, n.Kind, command.DecisionDate), access.Actor, now);
        db.Publish(new CommendationAwarded(Guid.CreateVersion7(), now, p.Id, p.UnitId, decider, p.Year, p.FormCode, form.Name, number, command.DecisionDate,
            p.Issuer!, set.Code, set.For(p.FormCode).PrizeBasis + $"; mức lương cơ sở {CommendationRules.BaseSalaryOn(command.DecisionDate).Amount:0} đ ({CommendationRules.BaseSalaryOn(command.DecisionDate).Basis})",
            p.PrizeTotal, p.Nominees.OrderBy(n => n.Order).Select(n => new AwardedHonouree(n.Kind.ToString(), n.OfficialId, n.NomineeUnitId, n.Name, n.Email, n.Prize ?? 0m)).ToList()));
        var decided = $"Đề nghị {form.Name} năm {p.Year} đã được khen thưởng theo Quyết định số {number} ngày {command.DecisionDate:dd/MM/yyyy}.";
        var link = $"/participation/commendations/{p.Id}";
        var args = new Dictionary<string, string>
        {
            ["form"] = form.Name, ["year"] = p.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["number"] = number,
            ["date"] = command.DecisionDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (p.ProposedByEmail is { } email)
            db.Notify(NoticeTarget.Person(email), new Notice($"commendation:{p.Id}:approved", "commendation.approved", decided, link, args));
        // The proposing unit's officers (#13: notices of decisions), in the same words (one notice for an officer who proposed it).
        db.Notify(NoticeTarget.Unit(p.UnitId), new Notice($"commendation:{p.Id}:approved:unit", "commendation.approved", decided, link, args));
        // Each honoured person with an e-mail (an account) reads it in their own name, with the link to "my commendations".
        foreach (var n in p.Nominees.Where(n => n.Kind == NomineeKind.Person && !string.IsNullOrWhiteSpace(n.Email)).OrderBy(n => n.Order))
            db.Notify(NoticeTarget.Person(n.Email!), new Notice($"commendation:{p.Id}:honoured:{n.Email}", "commendation.honoured",
                $"Bạn được khen thưởng {form.Name} năm {p.Year} theo Quyết định số {number} ngày {command.DecisionDate:dd/MM/yyyy}.", "/participation/my-commendations", args));
        // Each honoured collective (a unit) reads it through its officers, with the form and the decision, linked to the unit's
        // commendation history of the year (#13; the proposal itself belongs to the proposing unit, often out of its scope).
        foreach (var n in p.Nominees.Where(n => n.Kind == NomineeKind.Unit && n.NomineeUnitId is not null).OrderBy(n => n.Order))
            db.Notify(NoticeTarget.Unit(n.NomineeUnitId!.Value), new Notice($"commendation:{p.Id}:honoured-unit:{n.NomineeUnitId}", "commendation.collective-honoured",
                $"{n.Name} được khen thưởng {form.Name} năm {p.Year} theo Quyết định số {number} ngày {command.DecisionDate:dd/MM/yyyy}.",
                $"/participation/commendations/history?unitId={n.NomineeUnitId}&year={p.Year}",
                new Dictionary<string, string>(args) { ["unit"] = n.Name }));
        return p.Id;
    }
}

internal sealed class ApproveCommendationProposalEndpoint(IMediator mediator) : ProposalStepEndpoint<ApproveCommendationProposal>(mediator)
{
    protected override string Route => ApproveCommendationProposal.Route;
    protected override string RequiredPermission => Permission.CommendationsDecide;
    protected override string StepSummary => "Approve a submitted commendation proposal with the decision number, date and issuer as the unit above (If-Match; 409 proposal_state, decision_number_taken, decision_before_year, override_reason_required, council_vote_required, council_vote_failed)";
}
