using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// A piece of evidence of an initiative, authorised like the initiative: its filer, its co-authors, the recognising unit's
/// readers and deciders, and the members of a council it is before (404 for anyone else).
/// </summary>
public sealed record DownloadInitiativeAttachment : IQuery<AttachmentDownload>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadInitiativeAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files)
    : IQueryHandler<DownloadInitiativeAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadInitiativeAttachment query, CancellationToken ct)
    {
        var initiative = await access.FindAsync(query.Id, ct, tracked: false);
        return await files.OpenAsync(db.InitiativeAttachments.IgnoreQueryFilters()
            .Where(a => a.Id == query.AttachmentId && a.InitiativeId == initiative.Id).Select(a => a.File), query.AttachmentId, ct);
    }
}

internal sealed class DownloadInitiativeAttachmentEndpoint(IMediator mediator) : DownloadEndpoint<DownloadInitiativeAttachment>(mediator)
{
    public override void Configure()
    {
        Get(DownloadInitiativeAttachment.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a piece of evidence of an initiative");
    }
}
