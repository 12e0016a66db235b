using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Training.Features.Campaigns;

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadCampaignMaterial : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/campaigns/{id}/materials";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadCampaignMaterialValidator : AbstractValidator<UploadCampaignMaterial>
{
    public UploadCampaignMaterialValidator() => RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>
/// Stores a file and adds it to the materials of a campaign the caller manages, with the words read from it: the campaign
/// is republished to the search with them (ADR 0014).
/// </summary>
internal sealed class UploadCampaignMaterialHandler(TrainingDbContext db, CampaignVisibility visibility, IFileStore files,
    IAttachmentTextExtractor texts, TimeProvider clock)
    : Mediator.ICommandHandler<UploadCampaignMaterial, Guid>
{
    public async ValueTask<Guid> Handle(UploadCampaignMaterial command, CancellationToken ct)
    {
        var campaign = await visibility.ForChangeAsync(command.Id, ct);
        var file = await files.StoreAsync("training/campaigns", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        var material = campaign.Attach(file.FileName, file.ContentType, new StoredFile(file.StorageKey, file.Size, file.Sha256), file.UploadedBy,
            await texts.ReadTextAsync(files, file, ct));
        db.CampaignMaterials.Add(material);
        return material.Id;
    }
}

internal sealed class UploadCampaignMaterialEndpoint(IMediator mediator) : CreatedEndpoint<UploadCampaignMaterial, CampaignDetail>(mediator)
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

    protected override IQuery<CampaignDetail> ReadBack(UploadCampaignMaterial command, Guid id) => new GetCampaign { Id = command.Id };

    protected override string Location(UploadCampaignMaterial command, Guid id) => GetCampaign.For(command.Id);
}
