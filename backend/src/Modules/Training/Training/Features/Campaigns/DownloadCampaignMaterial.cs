using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Campaigns;

public sealed record CampaignMaterialFile(string StorageKey, string FileName, string ContentType, long Size);

/// <summary>A material's file, authorised like its campaign (404 when the campaign is not readable).</summary>
public sealed record DownloadCampaignMaterial : IQuery<CampaignMaterialFile>
{
    public const string Route = "/api/v1/training/campaigns/{id}/materials/{materialId}";
    public Guid Id { get; init; }
    public Guid MaterialId { get; init; }
}

internal sealed class DownloadCampaignMaterialHandler(TrainingDbContext db, CampaignVisibility visibility)
    : IQueryHandler<DownloadCampaignMaterial, CampaignMaterialFile>
{
    public async ValueTask<CampaignMaterialFile> Handle(DownloadCampaignMaterial query, CancellationToken ct)
    {
        var readable = visibility.Readable();
        return await db.CampaignMaterials.IgnoreQueryFilters().AsNoTracking()
                   .Where(m => m.Id == query.MaterialId && m.CampaignId == query.Id && readable.Any(c => c.Id == query.Id))
                   .Select(m => new CampaignMaterialFile(m.StorageKey, m.FileName, m.ContentType, m.Size))
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException(Localized.Text("Material", "tài liệu"), query.MaterialId);
    }
}

internal sealed class DownloadCampaignMaterialEndpoint(IMediator mediator, IFileStore files) : Endpoint<DownloadCampaignMaterial>
{
    public override void Configure()
    {
        Get(DownloadCampaignMaterial.Route);
        Policies(Permission.TrainingRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a material of a campaign");
    }

    public override async Task HandleAsync(DownloadCampaignMaterial req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.StreamAsync(files.OpenRead(file.StorageKey), file.FileName, file.Size, file.ContentType, cancellation: ct);
    }
}
