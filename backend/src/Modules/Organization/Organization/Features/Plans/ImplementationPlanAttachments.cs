using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Khcn.Organization.Features.Policies;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadImplementationPlanAttachment
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/attachments";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public IFormFile? File { get; init; }
}

/// <summary>Stores a file (the signed document) and attaches it to the current revision of a unit's implementation plan.</summary>
public sealed record AttachImplementationPlanFile(Guid PlanId, Guid UnitId, string FileName, Stream Content, long Length) : Mediator.ICommand<Guid>;

internal sealed class AttachImplementationPlanFileHandler(OrganizationDbContext db, IFileStore files)
    : Mediator.ICommandHandler<AttachImplementationPlanFile, Guid>
{
    public async ValueTask<Guid> Handle(AttachImplementationPlanFile command, CancellationToken ct)
    {
        var (implementation, _) = await ImplementationPlanAccess.ForChangeAsync(db, command.PlanId, command.UnitId, ct);
        if (command.Length is 0 or > FileTypes.MaxAttachmentBytes)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Attach a file of 1 byte to 20 MB.", "Tệp đính kèm phải có dung lượng từ 1 byte đến 20 MB.")] });
        var fileName = AttachPolicyFileHandler.SafeName(command.FileName);
        var contentType = await FileTypes.DetectAsync(command.Content, fileName, ct);
        var stored = await files.SaveAsync("organization/implementation-plans", command.Content, ct);
        var attachment = implementation.Attach(fileName, contentType, stored, db.Access.Email);
        db.ImplementationPlanAttachments.Add(attachment);
        return attachment.Id;
    }
}

internal sealed class UploadImplementationPlanAttachmentEndpoint(IMediator mediator) : Endpoint<UploadImplementationPlanAttachment, ImplementationPlanDetail>
{
    public override void Configure()
    {
        Post(UploadImplementationPlanAttachment.Route);
        AllowFileUploads();
        Policies(Permission.PlansManage);
        Summary(s =>
        {
            s.Summary = "Attach a file to a unit's implementation plan (multipart/form-data, field \"file\")";
            s.Response<ImplementationPlanDetail>(201, "The implementation plan with the new file.");
        });
    }

    public override async Task HandleAsync(UploadImplementationPlanAttachment req, CancellationToken ct)
    {
        if (req.File is null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Choose a file to attach.", "Chọn tệp để đính kèm.")] });
        await using var content = req.File.OpenReadStream();
        await mediator.Send(new AttachImplementationPlanFile(req.Id, req.UnitId, req.File.FileName, content, req.File.Length), ct);
        HttpContext.Response.Headers.Location = ImplementationPlanAccess.PathFor(req.Id, req.UnitId);
        await Send.ResponseAsync(await mediator.Send(new GetImplementationPlan { Id = req.Id, UnitId = req.UnitId }, ct), StatusCodes.Status201Created, ct);
    }
}

/// <summary>A file of a unit's implementation plan, authorised like the plan (404 outside the caller's scope).</summary>
public sealed record DownloadImplementationPlanAttachment : IQuery<AttachmentFile>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadImplementationPlanAttachmentHandler(OrganizationDbContext db)
    : IQueryHandler<DownloadImplementationPlanAttachment, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(DownloadImplementationPlanAttachment query, CancellationToken ct)
    {
        // The scope filter on implementation plans and their files decides: the unit's subtree and the units above it.
        var implementations = db.ImplementationPlans.Where(i => i.PlanId == query.Id && i.UnitId == query.UnitId).Select(i => i.Id);
        return await db.ImplementationPlanAttachments.AsNoTracking()
                   .Where(a => a.Id == query.AttachmentId && implementations.Contains(a.ImplementationPlanId))
                   .Select(a => new AttachmentFile(a.StorageKey, a.FileName, a.ContentType, a.Size))
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), query.AttachmentId);
    }
}

internal sealed class DownloadImplementationPlanAttachmentEndpoint(IMediator mediator, IFileStore files) : Endpoint<DownloadImplementationPlanAttachment>
{
    public override void Configure()
    {
        Get(DownloadImplementationPlanAttachment.Route);
        Policies(Permission.UnitsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download a file of a unit's implementation plan");
    }

    public override async Task HandleAsync(DownloadImplementationPlanAttachment req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.StreamAsync(files.OpenRead(file.StorageKey), file.FileName, file.Size, file.ContentType, cancellation: ct);
    }
}
