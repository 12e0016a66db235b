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

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadCampaignMaterial
{
    public const string Route = "/api/v1/training/campaigns/{id}/materials";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

/// <summary>Stores a file and adds it to the materials of a campaign the caller manages.</summary>
public sealed record AttachCampaignMaterial(Guid CampaignId, string FileName, Stream Content, long Length) : Mediator.ICommand<Guid>;

internal sealed class AttachCampaignMaterialHandler(TrainingDbContext db, CampaignVisibility visibility, IFileStore files)
    : Mediator.ICommandHandler<AttachCampaignMaterial, Guid>
{
    public async ValueTask<Guid> Handle(AttachCampaignMaterial command, CancellationToken ct)
    {
        var campaign = await visibility.ForChangeAsync(command.CampaignId, ct);
        if (command.Length is 0 or > FileTypes.MaxAttachmentBytes)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Attach a file of 1 byte to 20 MB.", "Tệp đính kèm phải có dung lượng từ 1 byte đến 20 MB.")] });
        var fileName = SafeName(command.FileName);
        var contentType = await FileTypes.DetectAsync(command.Content, fileName, ct);
        var stored = await files.SaveAsync("training/campaigns", command.Content, ct);
        var material = campaign.Attach(fileName, contentType, stored, db.Access.Email);
        db.CampaignMaterials.Add(material);
        return material.Id;
    }

    private static string SafeName(string name)
    {
        var clean = new string(Path.GetFileName(name.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (clean.Length == 0) clean = "file";
        return clean.Length > 255 ? clean[^255..] : clean;
    }
}

internal sealed class UploadCampaignMaterialEndpoint(IMediator mediator) : Endpoint<UploadCampaignMaterial, CampaignDetail>
{
    public override void Configure()
    {
        Post(UploadCampaignMaterial.Route);
        AllowFileUploads();
        Policies(Permission.CampaignsManage);
        Summary(s =>
        {
            s.Summary = "Add a material to a campaign (multipart/form-data, field \"file\")";
            s.Response<CampaignDetail>(201, "The campaign with the new material.");
        });
    }

    public override async Task HandleAsync(UploadCampaignMaterial req, CancellationToken ct)
    {
        if (req.File is null)
            throw new RequestValidationException(new Dictionary<string, string[]> { ["file"] = [Localized.Text("Choose a file to attach.", "Chọn tệp để đính kèm.")] });
        await using var content = req.File.OpenReadStream();
        await mediator.Send(new AttachCampaignMaterial(req.Id, req.File.FileName, content, req.File.Length), ct);
        HttpContext.Response.Headers.Location = GetCampaign.For(req.Id);
        await Send.ResponseAsync(await mediator.Send(new GetCampaign { Id = req.Id }, ct), StatusCodes.Status201Created, ct);
    }
}
