using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Initiatives;

/// <summary>
/// Removes a piece of evidence from a draft application (409 <c>initiative_locked</c> once submitted). The row goes
/// (the audit keeps its name, type, size and hash), then its stored bytes; the initiative is republished to the search
/// without the file's words (ADR 0014).
/// </summary>
public sealed record DeleteInitiativeAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/initiatives/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
}

internal sealed class DeleteInitiativeAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files)
    : Mediator.ICommandHandler<DeleteInitiativeAttachment, Guid>
{
    public async ValueTask<Guid> Handle(DeleteInitiativeAttachment command, CancellationToken ct)
    {
        var initiative = await access.ForFilingAsync(command.Id, ct);
        var attachment = await db.InitiativeAttachments.IgnoreQueryFilters()
                             .FirstOrDefaultAsync(a => a.Id == command.AttachmentId && a.InitiativeId == initiative.Id, ct)
                         ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), command.AttachmentId);
        initiative.EnsureEvidenceEditable();
        db.InitiativeAttachments.Remove(attachment);
        await files.CommitThenDeleteAsync(db, attachment.File.StorageKey, ct);
        return command.Id;
    }
}

internal sealed class DeleteInitiativeAttachmentEndpoint(IMediator mediator) : Endpoint<DeleteInitiativeAttachment>
{
    public override void Configure()
    {
        Delete(DeleteInitiativeAttachment.Route);
        Policies(Permission.InitiativesSubmit);
        Summary(s =>
        {
            s.Summary = "Remove a piece of evidence from a draft application (409 initiative_locked once submitted)";
            s.Response(204, "Removed.");
        });
    }

    public override async Task HandleAsync(DeleteInitiativeAttachment req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
