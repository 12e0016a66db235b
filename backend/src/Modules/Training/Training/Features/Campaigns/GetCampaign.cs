using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

/// <summary>One campaign with its participants, materials and the reach reports the caller sees; 404 outside scope.</summary>
public sealed record GetCampaign : IQuery<CampaignDetail>
{
    public const string Route = "/api/v1/training/campaigns/{id}";
    public static string For(Guid id) => $"/api/v1/training/campaigns/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetCampaignHandler(CampaignVisibility visibility, TrainingDbContext db, IMediator mediator, TimeProvider clock)
    : IQueryHandler<GetCampaign, CampaignDetail>
{
    public async ValueTask<CampaignDetail> Handle(GetCampaign query, CancellationToken ct)
    {
        var c = await visibility.Readable().AsNoTracking().Include(x => x.Participants).Include(x => x.Materials)
                    .FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw new NotFoundException(Localized.Text("Campaign", "đợt tuyên truyền"), query.Id);
        // The scope filter shows the reports of the caller's own units (the organiser's scope sees all of them).
        var reports = await db.ReachReports.AsNoTracking().Where(r => r.CampaignId == c.Id)
            .OrderBy(r => r.Year).ThenBy(r => r.Quarter).ToListAsync(ct);
        var names = await CampaignVisibility.NamesAsync(mediator, c.Participants.Select(p => p.UnitId).Append(c.UnitId), ct);
        string NameOf(Guid id) => names.GetValueOrDefault(id)?.Name ?? "";
        var access = visibility.Access;
        return new CampaignDetail(c.Id, c.UnitId, NameOf(c.UnitId), c.Title, c.Goal, c.StartsOn, c.EndsOn, c.StatusOn(VietnamTime.Today(clock)),
            c.ChannelList, c.AudienceList, c.AudienceNote,
            c.Participants.Select(p => new CampaignUnitView(p.UnitId, names.GetValueOrDefault(p.UnitId)?.Code ?? "", NameOf(p.UnitId)))
                .OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), false)).ToList(),
            c.Materials.OrderBy(m => m.CreatedAtUtc).Select(m => new CampaignMaterialView(m.Id, m.FileName, m.ContentType, m.Size, m.CreatedAtUtc, m.UploadedBy)).ToList(),
            reports.OrderBy(r => NameOf(r.UnitId)).ThenBy(r => r.Period).Select(r => ReachReports.ToView(r, NameOf(r.UnitId))).ToList(),
            access.Can(Permission.CampaignsManage, c.UnitId),
            c.Participants.Select(p => p.UnitId).Where(id => access.Can(Permission.ReachReport, id)).ToList(),
            c.Version, c.CreatedAtUtc, c.UpdatedAtUtc);
    }
}

internal sealed class GetCampaignEndpoint(IMediator mediator) : Endpoint<GetCampaign, CampaignDetail>
{
    public override void Configure()
    {
        Get(GetCampaign.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get a campaign with its participating units, materials and reach reports");
    }

    public override async Task HandleAsync(GetCampaign req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
