using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>The upload form: one file (PDF, DOCX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadPartnerAgreement
{
    public const string Route = "/api/v1/training/partners/{id}/agreement";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

/// <summary>Stores the agreement's file and keeps it on the agency (replacing an earlier one).</summary>
public sealed record AttachPartnerAgreement(Guid PartnerId, string FileName, Stream Content, long Length) : Mediator.ICommand<Guid>;

internal sealed class AttachPartnerAgreementHandler(TrainingDbContext db, IFileStore files, TimeProvider clock)
    : Mediator.ICommandHandler<AttachPartnerAgreement, Guid>
{
    private static readonly HashSet<string> Accepted =
    [
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png", "image/jpeg",
    ];

    public async ValueTask<Guid> Handle(AttachPartnerAgreement command, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == command.PartnerId, ct) ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), command.PartnerId);
        if (command.Length is 0 or > FileTypes.MaxAttachmentBytes)
            throw Invalid(Localized.Text("Attach a file of 1 byte to 20 MB.", "Tệp đính kèm phải có dung lượng từ 1 byte đến 20 MB."));
        var fileName = SafeName(command.FileName);
        var contentType = await FileTypes.DetectAsync(command.Content, fileName, ct);
        if (!Accepted.Contains(contentType)) throw Invalid(Localized.Text($"'{fileName}' is not a PDF, DOCX, PNG or JPEG file.", $"Tệp '{fileName}' không phải là PDF, DOCX, PNG hoặc JPEG."));
        var stored = await files.SaveAsync("training/agreements", command.Content, ct);
        var previous = partner.AttachAgreement(fileName, contentType, stored.Size, stored.Key, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        if (previous is not null) await files.DeleteAsync(previous, ct);
        return partner.Id;
    }

    private static RequestValidationException Invalid(string message) => new(new Dictionary<string, string[]> { ["file"] = [message] });

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "file";
        return clean.Length > 255 ? clean[^255..] : clean;
    }
}

internal sealed class UploadPartnerAgreementEndpoint(IMediator mediator) : Endpoint<UploadPartnerAgreement, PartnerDetail>
{
    public override void Configure()
    {
        Post(UploadPartnerAgreement.Route);
        AllowFileUploads();
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Attach the cooperation agreement's file (multipart/form-data, field \"file\"; PDF, DOCX, PNG or JPEG up to 20 MB)";
            s.Response<PartnerDetail>(201, "The partner agency with its agreement file.");
        });
    }

    public override async Task HandleAsync(UploadPartnerAgreement req, CancellationToken ct)
    {
        if (req.File is null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Choose a file to attach.", "Chọn tệp để đính kèm.")] });
        await using var content = req.File.OpenReadStream();
        await mediator.Send(new AttachPartnerAgreement(req.Id, req.File.FileName, content, req.File.Length), ct);
        HttpContext.Response.Headers.Location = GetPartner.For(req.Id);
        await Send.ResponseAsync(await mediator.Send(new GetPartner { Id = req.Id }, ct), StatusCodes.Status201Created, ct);
    }
}
