using System.Linq.Expressions;
using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Khcn.BuildingBlocks.Files;

/// <summary>
/// A stored file attached to a record (a policy document, an implementation plan, a campaign, a partner's
/// agreement): an owned value of that record, mapped onto its columns by <see cref="Attachments.MapAttachment{T}"/>.
/// <see cref="FileName"/> always ends with the extension of <see cref="ContentType"/>, the type detected from the bytes.
/// </summary>
public sealed record Attachment(string FileName, string ContentType, long Size, string Sha256, [property: NotAudited] string StorageKey,
    string? UploadedBy, [property: NotAudited] DateTime UploadedAtUtc);

/// <summary>An attachment's bytes on their way to the client (see <see cref="DownloadEndpoint{TQuery}"/>).</summary>
public sealed record AttachmentDownload(Stream Content, string FileName, string ContentType, long Size);

/// <summary>
/// The one way to take in and give out attachments (ADR 0011): the size limit, the content sniffing
/// (<see cref="FileTypes"/>), the safe name carrying the detected type's extension, the column mapping and the
/// scope-checked download. A use case checks who may see or change the owning record, then calls these.
/// </summary>
public static class Attachments
{
    /// <summary>The largest attachment accepted: 20 MB (the SPA's upload control uses the same figure).</summary>
    public const long MaxBytes = FileTypes.MaxAttachmentBytes;

    /// <summary>The validation message of a missing file (field "file").</summary>
    public static string ChooseAFile() => Localized.Text("Choose a file to attach.", "Chọn tệp để đính kèm.");

    /// <summary>
    /// Checks the upload (1 byte to <see cref="MaxBytes"/>, a PDF/DOCX/XLSX/PNG/JPEG by its content — 400 naming the
    /// field "file" otherwise), stores its bytes under <paramref name="area"/> and answers the attachment to keep.
    /// </summary>
    public static async Task<Attachment> StoreAsync(this IFileStore files, string area, IFormFile? upload, string? uploadedBy,
        DateTime nowUtc, CancellationToken ct)
    {
        if (upload is null) throw FileError(ChooseAFile());
        if (upload.Length is 0 or > MaxBytes)
            throw FileError(Localized.Text("Attach a file of 1 byte to 20 MB.", "Tệp đính kèm phải có dung lượng từ 1 byte đến 20 MB."));
        await using var content = upload.OpenReadStream();
        var sent = CleanName(upload.FileName);
        var contentType = await FileTypes.DetectAsync(content, sent, ct);
        var stored = await files.SaveAsync(area, content, ct);
        return new Attachment(SafeName(sent, contentType), contentType, stored.Size, stored.Sha256, stored.Key, uploadedBy, nowUtc);
    }

    /// <summary>Opens an attachment for download, served under its safe name.</summary>
    public static AttachmentDownload Open(this IFileStore files, Attachment attachment) =>
        new(files.OpenRead(attachment.StorageKey), SafeName(attachment.FileName, attachment.ContentType), attachment.ContentType, attachment.Size);

    /// <summary>
    /// The scope-checked download: <paramref name="visible"/> is the attachment as the caller may see it (the
    /// module's scope filter and record-level access applied); nothing there answers 404.
    /// </summary>
    public static async Task<AttachmentDownload> OpenAsync(this IFileStore files, IQueryable<Attachment> visible, Guid attachmentId, CancellationToken ct) =>
        files.Open(await visible.AsNoTracking().FirstOrDefaultAsync(ct)
                   ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), attachmentId));

    /// <summary>
    /// The name a file is stored and served under: the client's name without any path or control characters,
    /// at most 255 characters, ending with the extension of the detected type (a PDF sent as <c>poly.html</c> is
    /// <c>poly.pdf</c>), so no browser or tool opens it as something else.
    /// </summary>
    public static string SafeName(string name, string contentType)
    {
        var clean = CleanName(name);
        if (!FileTypes.Extensions.TryGetValue(contentType, out var extension)) return clean;
        var current = Path.GetExtension(clean);
        var matches = current.Equals(extension, StringComparison.OrdinalIgnoreCase)
                      || (extension == ".jpg" && current.Equals(".jpeg", StringComparison.OrdinalIgnoreCase));
        var suffix = matches ? current : extension;
        var stem = clean[..^current.Length];
        if (stem.Trim().Length == 0) stem = "file";
        return (stem.Length + suffix.Length > 255 ? stem[^(255 - suffix.Length)..] : stem) + suffix;
    }

    private static string CleanName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "file";
        return clean.Length > 255 ? clean[^255..] : clean;
    }

    private static RequestValidationException FileError(string message) =>
        new(new Dictionary<string, string[]> { ["file"] = [message] });

    /// <summary>
    /// Maps an attachment onto the owning table's columns: <c>{prefix}FileName</c>, <c>{prefix}ContentType</c>,
    /// <c>{prefix}Size</c>, <c>{prefix}Sha256</c>, <c>{prefix}StorageKey</c>, <c>{prefix}UploadedBy</c>,
    /// <c>{prefix}UploadedAtUtc</c>.
    /// </summary>
    public static ComplexPropertyBuilder<Attachment> MapAttachment<T>(this EntityTypeBuilder<T> b, Expression<Func<T, Attachment?>> attachment,
        string columnPrefix = "") where T : class
    {
        var file = b.ComplexProperty(attachment);
        file.Property(x => x.FileName).HasColumnName(columnPrefix + "FileName").HasMaxLength(255).IsRequired();
        file.Property(x => x.ContentType).HasColumnName(columnPrefix + "ContentType").HasMaxLength(100).IsRequired();
        file.Property(x => x.Size).HasColumnName(columnPrefix + "Size");
        file.Property(x => x.Sha256).HasColumnName(columnPrefix + "Sha256").HasMaxLength(64).IsRequired();
        file.Property(x => x.StorageKey).HasColumnName(columnPrefix + "StorageKey").HasMaxLength(300).IsRequired();
        file.Property(x => x.UploadedBy).HasColumnName(columnPrefix + "UploadedBy").HasMaxLength(256);
        file.Property(x => x.UploadedAtUtc).HasColumnName(columnPrefix + "UploadedAtUtc");
        return file;
    }
}

/// <summary>
/// The endpoint of every attachment download: sends the (scope-checked) query and streams the file under its safe
/// name with <c>X-Content-Type-Options: nosniff</c>, so the declared type is the only one a browser uses.
/// </summary>
public abstract class DownloadEndpoint<TQuery>(IMediator mediator) : Endpoint<TQuery> where TQuery : notnull, IQuery<AttachmentDownload>
{
    public sealed override async Task HandleAsync(TQuery req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        HttpContext.Response.Headers.XContentTypeOptions = "nosniff";
        await Send.StreamAsync(file.Content, file.FileName, file.Size, file.ContentType, cancellation: ct);
    }
}
