using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadPolicyAttachment
{
    public const string Route = "/api/v1/organization/policies/{id}/attachments";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

/// <summary>Stores a file and attaches it to a policy document in the caller's scope.</summary>
public sealed record AttachPolicyFile(Guid PolicyId, string FileName, Stream Content, long Length) : Mediator.ICommand<Guid>;

internal sealed class AttachPolicyFileHandler(OrganizationDbContext db, IFileStore files) : Mediator.ICommandHandler<AttachPolicyFile, Guid>
{
    public async ValueTask<Guid> Handle(AttachPolicyFile command, CancellationToken ct)
    {
        var policy = await PolicyVisibility.ForChangeAsync(db, command.PolicyId, ct);
        if (command.Length is 0 or > FileTypes.MaxAttachmentBytes)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Attach a file of 1 byte to 20 MB.", "Tệp đính kèm phải có dung lượng từ 1 byte đến 20 MB.")] });
        var fileName = SafeName(command.FileName);
        var contentType = await FileTypes.DetectAsync(command.Content, fileName, ct);
        var stored = await files.SaveAsync("organization/policies", command.Content, ct);
        var attachment = policy.Attach(fileName, contentType, stored, db.Access.Email);
        db.PolicyAttachments.Add(attachment);
        return attachment.Id;
    }

    internal static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "file";
        return clean.Length > 255 ? clean[^255..] : clean;
    }
}

internal sealed class UploadPolicyAttachmentEndpoint(IMediator mediator) : Endpoint<UploadPolicyAttachment, PolicyDetail>
{
    public override void Configure()
    {
        Post(UploadPolicyAttachment.Route);
        AllowFileUploads();
        Policies(Permission.PoliciesManage);
        Summary(s =>
        {
            s.Summary = "Attach a file to a policy document (multipart/form-data, field \"file\")";
            s.Response<PolicyDetail>(201, "The document with the new attachment.");
        });
    }

    public override async Task HandleAsync(UploadPolicyAttachment req, CancellationToken ct)
    {
        if (req.File is null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Choose a file to attach.", "Chọn tệp để đính kèm.")] });
        await using var content = req.File.OpenReadStream();
        await mediator.Send(new AttachPolicyFile(req.Id, req.File.FileName, content, req.File.Length), ct);
        HttpContext.Response.Headers.Location = GetPolicy.For(req.Id);
        await Send.ResponseAsync(await mediator.Send(new GetPolicy { Id = req.Id }, ct), StatusCodes.Status201Created, ct);
    }
}

public sealed record AttachmentFile(string StorageKey, string FileName, string ContentType, long Size);

/// <summary>An attachment's file, authorised like its policy document (404 outside the caller's scope).</summary>
public sealed record DownloadPolicyAttachment : IQuery<AttachmentFile>
{
    public const string Route = "/api/v1/organization/policies/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DownloadPolicyAttachmentHandler(OrganizationDbContext db) : IQueryHandler<DownloadPolicyAttachment, AttachmentFile>
{
    public async ValueTask<AttachmentFile> Handle(DownloadPolicyAttachment query, CancellationToken ct)
    {
        var readable = PolicyVisibility.Readable(db);
        return await db.PolicyAttachments.IgnoreQueryFilters().AsNoTracking()
                   .Where(a => a.Id == query.AttachmentId && a.PolicyId == query.Id && readable.Any(p => p.Id == query.Id))
                   .Select(a => new AttachmentFile(a.StorageKey, a.FileName, a.ContentType, a.Size))
                   .FirstOrDefaultAsync(ct)
               ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), query.AttachmentId);
    }
}

internal sealed class DownloadPolicyAttachmentEndpoint(IMediator mediator, IFileStore files) : Endpoint<DownloadPolicyAttachment>
{
    public override void Configure()
    {
        Get(DownloadPolicyAttachment.Route);
        Policies(Permission.UnitsRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download an attachment of a policy document");
    }

    public override async Task HandleAsync(DownloadPolicyAttachment req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.StreamAsync(files.OpenRead(file.StorageKey), file.FileName, file.Size, file.ContentType, cancellation: ct);
    }
}
