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

/// <summary>A material's file, authorised like its campaign (404 when the campaign is not readable).</summary>
public sealed record DownloadCampaignMaterial : IQuery<AttachmentDownload>
{
    public const string Route = "/api/v1/training/campaigns/{id}/materials/{materialId}";
    public Guid Id { get; init; }
    public Guid MaterialId { get; init; }
}

internal sealed class DownloadCampaignMaterialHandler(TrainingDbContext db, CampaignVisibility visibility, IFileStore files)
    : IQueryHandler<DownloadCampaignMaterial, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadCampaignMaterial query, CancellationToken ct)
    {
        var readable = visibility.Readable();
        var material = await db.CampaignMaterials.IgnoreQueryFilters().AsNoTracking()
                           .Where(m => m.Id == query.MaterialId && m.CampaignId == query.Id && readable.Any(c => c.Id == query.Id))
                           .Select(m => new Attachment(m.FileName, m.ContentType, m.Size, m.Sha256, m.StorageKey, m.UploadedBy, m.CreatedAtUtc))
                           .FirstOrDefaultAsync(ct)
                       ?? throw new NotFoundException(Localized.Text("Material", "tài liệu"), query.MaterialId);
        return files.Open(material);
    }
}

internal sealed class DownloadCampaignMaterialEndpoint(IMediator mediator) : DownloadEndpoint<DownloadCampaignMaterial>(mediator)
{
    public override void Configure()
    {
        Get(DownloadCampaignMaterial.Route);
        Policies(Permission.TrainingRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a material of a campaign");
    }
}
