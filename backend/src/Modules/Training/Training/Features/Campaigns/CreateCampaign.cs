using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
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

internal sealed class CreateCampaignEndpoint(IMediator mediator) : Endpoint<CreateCampaign, CampaignDetail>
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

    public override async Task HandleAsync(CreateCampaign req, CancellationToken ct)
    {
        var id = await mediator.Send(req, ct);
        HttpContext.Response.Headers.Location = GetCampaign.For(id);
        await Send.ResponseAsync(await mediator.Send(new GetCampaign { Id = id }, ct), StatusCodes.Status201Created, ct);
    }
}
