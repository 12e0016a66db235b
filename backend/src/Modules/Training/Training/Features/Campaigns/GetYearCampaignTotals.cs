using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>The reach of every campaign the caller reads, in a year, over the subtree of a unit the caller sees.</summary>
public sealed record GetYearCampaignTotals : IQuery<ReachTotals>
{
    public const string Route = "/api/v1/training/campaigns/totals";
    public int Year { get; init; }
    /// <summary>The unit whose subtree is summed (default: the caller's own unit).</summary>
    public Guid? Within { get; init; }
}

internal sealed class GetYearCampaignTotalsValidator : AbstractValidator<GetYearCampaignTotals>
{
    public GetYearCampaignTotalsValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100);
}

internal sealed class GetYearCampaignTotalsEndpoint(IMediator mediator) : Endpoint<GetYearCampaignTotals, ReachTotals>
{
    public override void Configure()
    {
        Get(GetYearCampaignTotals.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "The reach of all campaigns in a year over a unit's subtree: in total, by direct sub-unit, by channel and by quarter");
    }

    public override async Task HandleAsync(GetYearCampaignTotals req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
