using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Commendations;

/// <summary>The catalogue of forms and titles with the eligibility rules and prize of each, under the rule set that judges <see cref="Year"/>.</summary>
public sealed record ListCommendationForms : IQuery<CatalogueView>
{
    public const string Route = "/api/v1/participation/commendations/forms";
    public int Year { get; init; }
}

internal sealed class ListCommendationFormsValidator : AbstractValidator<ListCommendationForms>
{
    public ListCommendationFormsValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

internal sealed class ListCommendationFormsHandler : IQueryHandler<ListCommendationForms, CatalogueView>
{
    public ValueTask<CatalogueView> Handle(ListCommendationForms query, CancellationToken ct)
    {
        var set = CommendationRules.ForYear(query.Year);
        return ValueTask.FromResult(new CatalogueView(query.Year, set.Code, set.LegalBasis, set.EffectiveFrom, CommendationRules.Catalogue.Select(f =>
        {
            var rules = set.For(f.Code);
            return new CommendationFormView(f.Code, f.Name, f.Target, f.DecidedBy, f.IsTitle, rules.PersonCoefficient, rules.CollectiveCoefficient, rules.PrizeBasis,
                rules.Rules.Select(r => new FormRuleView(r.Code, r.Name, r.LegalBasis)).ToList(), f.Share.Name, f.Share.Basis);
        }).ToList()));
    }
}

internal sealed class ListCommendationFormsEndpoint(IMediator mediator) : Endpoint<ListCommendationForms, CatalogueView>
{
    public override void Configure()
    {
        Get(ListCommendationForms.Route);
        Policies(Permission.ParticipationRead);
        Summary(s => s.Summary = "List the commendation forms and titles with their eligibility rules and prize under the rule set of a year");
    }

    public override async Task HandleAsync(ListCommendationForms req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
