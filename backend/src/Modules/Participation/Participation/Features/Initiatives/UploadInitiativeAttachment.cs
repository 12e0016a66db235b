using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// The upload form: one piece of evidence of the application for recognition — a drawing, a photo, a document showing
/// the result of the (trial) application (Decree 13/2012/NĐ-CP, Charter on Initiatives art. 5; Circular 18/2013/TT-BKHCN) —
/// as a PDF, DOCX, XLSX, PNG or JPEG of up to 20 MB, recognised by its content; only while the application is a draft.
/// </summary>
public sealed record UploadInitiativeAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/attachments";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadInitiativeAttachmentValidator : AbstractValidator<UploadInitiativeAttachment>
{
    public UploadInitiativeAttachmentValidator() =>
        RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>Stores the evidence with the words read from it: the initiative is republished to the search with them (ADR 0014).</summary>
internal sealed class UploadInitiativeAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files,
    IAttachmentTextExtractor texts, TimeProvider clock)
    : Mediator.ICommandHandler<UploadInitiativeAttachment, Guid>
{
    public async ValueTask<Guid> Handle(UploadInitiativeAttachment command, CancellationToken ct)
    {
        var initiative = await access.ForFilingAsync(command.Id, ct);
        initiative.EnsureEvidenceEditable();
        var file = await files.StoreAsync("participation/initiatives", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        var attachment = initiative.Attach(file, await texts.ReadTextAsync(files, file, ct));
        db.InitiativeAttachments.Add(attachment);
        return attachment.Id;
    }
}

internal sealed class UploadInitiativeAttachmentEndpoint(IMediator mediator) : CreatedEndpoint<UploadInitiativeAttachment, InitiativeDetail>(mediator)
{
    public override void Configure()
    {
        Post(UploadInitiativeAttachment.Route);
        AllowFileUploads();
        Policies(Permission.InitiativesSubmit);
        Summary(s =>
        {
            s.Summary = "Attach evidence to a draft application for recognition (multipart/form-data, field \"file\"; PDF, DOCX, XLSX, PNG or JPEG up to 20 MB; 409 initiative_locked once submitted)";
            s.Response<InitiativeDetail>(201, "The initiative with the new file.");
        });
    }

    protected override IQuery<InitiativeDetail> ReadBack(UploadInitiativeAttachment command, Guid id) => new GetInitiative { Id = command.Id };

    protected override string Location(UploadInitiativeAttachment command, Guid id) => GetInitiative.For(command.Id);
}
