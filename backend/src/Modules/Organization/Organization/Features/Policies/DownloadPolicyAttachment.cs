using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

/// <summary>An attachment's file, authorised like its policy document (404 outside the caller's scope).</summary>
public sealed record DownloadPolicyAttachment : IQuery<AttachmentDownload>
{
    public const string Route = "/api/v1/organization/policies/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadPolicyAttachmentHandler(OrganizationDbContext db, IFileStore files)
    : IQueryHandler<DownloadPolicyAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadPolicyAttachment query, CancellationToken ct)
    {
        var readable = PolicyVisibility.Readable(db);
        return await files.OpenAsync(db.PolicyAttachments.IgnoreQueryFilters()
            .Where(a => a.Id == query.AttachmentId && a.PolicyId == query.Id && readable.Any(p => p.Id == query.Id))
            .Select(a => a.File), query.AttachmentId, ct);
    }
}

internal sealed class DownloadPolicyAttachmentEndpoint(IMediator mediator) : DownloadEndpoint<DownloadPolicyAttachment>(mediator)
{
    public override void Configure()
    {
        Get(DownloadPolicyAttachment.Route);
        Policies(Permission.UnitsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download an attachment of a policy document");
    }
}
