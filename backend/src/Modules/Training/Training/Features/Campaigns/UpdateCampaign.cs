using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>Changes a campaign; needs If-Match with the ETag of the last read. A unit that reported reach stays in it.</summary>
public sealed record UpdateCampaign : CampaignFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/campaigns/{id}";
    public Guid Id { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class UpdateCampaignValidator : AbstractValidator<UpdateCampaign>
{
    public UpdateCampaignValidator() => this.AddCampaignRules();
}

internal sealed class UpdateCampaignHandler(TrainingDbContext db, CampaignVisibility visibility, IMediator mediator) : Mediator.ICommandHandler<UpdateCampaign, Guid>
{
    public async ValueTask<Guid> Handle(UpdateCampaign command, CancellationToken ct)
    {
        var campaign = await visibility.ForChangeAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, campaign, command.IfMatch);
        await visibility.EnsureParticipantsAsync(mediator, campaign.UnitId, command.ParticipatingUnitIds, ct);
        var reports = await db.ReachReports.IgnoreQueryFilters().Where(r => r.CampaignId == campaign.Id)
            .Select(r => new { r.UnitId, r.Year, r.Quarter }).ToListAsync(ct);
        var outside = reports.Where(r => new ReachPeriod(r.Year, r.Quarter) is var p && (p.EndsOn < command.StartsOn || p.StartsOn > command.EndsOn)).ToList();
        if (outside.Count > 0)
            throw new BusinessRuleException("reports_outside_period",
                Localized.Text("Reach has been reported for quarters the new period leaves out.", "Đã có báo cáo kết quả cho các quý nằm ngoài thời gian mới."),
                new Dictionary<string, string[]>
                {
                    ["startsOn"] = [Localized.Text("Keep the quarters already reported inside the period.", "Thời gian mới phải bao gồm các quý đã báo cáo.")],
                });
        var reporting = reports.Select(r => r.UnitId).ToHashSet();
        campaign.Update(command.ToDetails(), command.ParticipatingUnitIds, reporting.Contains);
        // A change of participants only touches their rows: mark the campaign changed too, so its version (the ETag) moves.
        db.Entry(campaign).State = EntityState.Modified;
        return campaign.Id;
    }
}

internal sealed class UpdateCampaignEndpoint(IMediator mediator) : ChangedEndpoint<UpdateCampaign, CampaignDetail>(mediator)
{
    public override void Configure()
    {
        Put(UpdateCampaign.Route);
        Policies(Permission.CampaignsManage);
        Summary(s => s.Summary = "Update a campaign (If-Match required; 412 when stale)");
    }

    protected override IQuery<CampaignDetail> ReadBack(UpdateCampaign command) => new GetCampaign { Id = command.Id };
}
