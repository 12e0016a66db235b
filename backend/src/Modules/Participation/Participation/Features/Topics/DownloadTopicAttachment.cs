using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>A proposal document of a topic, authorised like the topic (404 outside the caller's reach).</summary>
public sealed record DownloadTopicAttachment : IQuery<AttachmentDownload>
{
    public const string Route = TopicViews.Route + "/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadTopicAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files)
    : IQueryHandler<DownloadTopicAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadTopicAttachment query, CancellationToken ct)
    {
        var topic = await access.TopicAsync(query.Id, ct, tracked: false);
        return await files.OpenAsync(db.TopicAttachments.IgnoreQueryFilters()
            .Where(a => a.Id == query.AttachmentId && a.TopicId == topic.Id).Select(a => a.File), query.AttachmentId, ct);
    }
}

internal sealed class DownloadTopicAttachmentEndpoint(IMediator mediator) : DownloadEndpoint<DownloadTopicAttachment>(mediator)
{
    public override void Configure()
    {
        Get(DownloadTopicAttachment.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a proposal document of a research topic");
    }
}
