using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>
/// Runs the eligibility rules of a form for the picked nominees without saving anything (the proposal form's live
/// panel): each rule with its article and whether it passes, in Vietnamese. 403 without the propose permission over the
/// unit; 409 <c>nominee_out_of_scope</c>, <c>nominee_kind</c>, <c>commendation_form_unknown</c>.
/// </summary>
public sealed record CheckCommendationEligibility : IQuery<EligibilityView>
{
    public const string Route = "/api/v1/participation/commendations/eligibility";
    public Guid UnitId { get; init; }
    public int Year { get; init; }
    public string FormCode { get; init; } = "";
    public IReadOnlyList<NomineeInput> Nominees { get; init; } = [];
    /// <summary>The proposal being edited (left out of "already proposed" and the quota).</summary>
    public Guid? ProposalId { get; init; }
}

internal sealed class CheckCommendationEligibilityValidator : AbstractValidator<CheckCommendationEligibility>
{
    public CheckCommendationEligibilityValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
        RuleFor(x => x.FormCode).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Nominees).NotEmpty();
        RuleForEach(x => x.Nominees).Must(n => (n.OfficialId is null) != (n.UnitId is null))
            .WithMessage("Pick either a person or a unit.", "Chọn một người hoặc một tập thể.");
    }
}

internal sealed class CheckCommendationEligibilityHandler(ParticipationAccess access, CommendationFacts facts) : IQueryHandler<CheckCommendationEligibility, EligibilityView>
{
    public async ValueTask<EligibilityView> Handle(CheckCommendationEligibility query, CancellationToken ct)
    {
        access.Access.Demand(Permission.CommendationsPropose, query.UnitId, Localized.Text("Unit", "đơn vị"), query.UnitId);
        var nominees = await facts.ResolveAsync(query.UnitId, query.FormCode, query.Nominees, ct);
        return await Eligibility.ViewAsync(facts, query.UnitId, query.Year, query.FormCode, nominees, query.ProposalId, ct);
    }
}

internal static class Eligibility
{
    public static async Task<EligibilityView> ViewAsync(CommendationFacts facts, Guid unitId, int year, string formCode, IReadOnlyList<NomineeDetails> nominees,
        Guid? proposalId, CancellationToken ct)
    {
        var set = CommendationRules.ForYear(year);
        var form = CommendationRules.Form(formCode);
        var gathered = await facts.GatherAsync(unitId, year, formCode, nominees, proposalId, ct);
        var views = nominees.Select((n, i) =>
        {
            var results = CommendationRules.Check(set, formCode, gathered[i]).Select(r => r.ToView()).ToList();
            return new NomineeCheckView(n.Kind, n.OfficialId, n.NomineeUnitId, n.Name, results.All(r => r.Passed), results);
        }).ToList();
        return new EligibilityView(form.Code, form.Name, year, set.Code, set.LegalBasis, views.All(v => v.Eligible), views);
    }
}

internal sealed class CheckCommendationEligibilityEndpoint(IMediator mediator) : Endpoint<CheckCommendationEligibility, EligibilityView>
{
    public override void Configure()
    {
        Post(CheckCommendationEligibility.Route);
        Policies(Permission.CommendationsPropose);
        Summary(s => s.Summary = "Check the eligibility rules of a commendation form for the picked nominees (nothing saved; 409 nominee_out_of_scope, nominee_kind)");
    }

    public override async Task HandleAsync(CheckCommendationEligibility req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
