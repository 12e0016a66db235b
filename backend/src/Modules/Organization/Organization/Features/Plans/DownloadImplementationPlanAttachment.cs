using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Plans;

/// <summary>A file of a unit's implementation plan, authorised like the plan (404 outside the caller's scope).</summary>
public sealed record DownloadImplementationPlanAttachment : IQuery<AttachmentDownload>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadImplementationPlanAttachmentHandler(OrganizationDbContext db, IFileStore files)
    : IQueryHandler<DownloadImplementationPlanAttachment, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadImplementationPlanAttachment query, CancellationToken ct)
    {
        // The scope filter on implementation plans and their files decides: the unit's subtree and the units above it.
        var implementations = db.ImplementationPlans.Where(i => i.PlanId == query.Id && i.UnitId == query.UnitId).Select(i => i.Id);
        return await files.OpenAsync(db.ImplementationPlanAttachments
            .Where(a => a.Id == query.AttachmentId && implementations.Contains(a.ImplementationPlanId))
            .Select(a => a.File), query.AttachmentId, ct);
    }
}

internal sealed class DownloadImplementationPlanAttachmentEndpoint(IMediator mediator) : DownloadEndpoint<DownloadImplementationPlanAttachment>(mediator)
{
    public override void Configure()
    {
        Get(DownloadImplementationPlanAttachment.Route);
        Policies(Permission.RecordsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a file of a unit's implementation plan");
    }
}
