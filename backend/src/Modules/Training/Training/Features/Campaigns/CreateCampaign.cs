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

/// <summary>Starts a campaign organised by a unit in the caller's scope.</summary>
public sealed record CreateCampaign : CampaignFields, Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/campaigns";
    /// <summary>The organising unit.</summary>
    public Guid UnitId { get; init; }
}

internal sealed class CreateCampaignValidator : AbstractValidator<CreateCampaign>
{
    public CreateCampaignValidator()
    {
        RuleFor(x => x.UnitId).NotEmpty();
        this.AddCampaignRules();
    }
}

internal sealed class CreateCampaignHandler(TrainingDbContext db, CampaignVisibility visibility, IMediator mediator) : Mediator.ICommandHandler<CreateCampaign, Guid>
{
    public async ValueTask<Guid> Handle(CreateCampaign command, CancellationToken ct)
    {
        db.Access.Demand(Permission.CampaignsManage, command.UnitId, Localized.Text("Unit", "đơn vị"), command.UnitId);
        await visibility.EnsureParticipantsAsync(mediator, command.UnitId, command.ParticipatingUnitIds, ct);
        var campaign = Campaign.Create(command.UnitId, command.ToDetails(), command.ParticipatingUnitIds);
        db.Campaigns.Add(campaign);
        return campaign.Id;
    }
}

internal sealed class CreateCampaignEndpoint(IMediator mediator) : CreatedEndpoint<CreateCampaign, CampaignDetail>(mediator)
{
    public override void Configure()
    {
        Post(CreateCampaign.Route);
        Policies(Permission.CampaignsManage);
        Summary(s =>
        {
            s.Summary = "Start an awareness campaign (honours Idempotency-Key)";
            s.Response<CampaignDetail>(201, "The campaign.");
        });
    }

    protected override IQuery<CampaignDetail> ReadBack(CreateCampaign command, Guid id) => new GetCampaign { Id = id };

    protected override string Location(CreateCampaign command, Guid id) => GetCampaign.For(id);
}
