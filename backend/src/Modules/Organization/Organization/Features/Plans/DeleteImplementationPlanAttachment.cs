using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Plans;

/// <summary>
/// Removes a file of the current revision from a unit's implementation plan the caller manages (404 outside the scope),
/// with If-Match on the implementation plan; an earlier issue's files stay (409). The row goes (the audit keeps its name,
/// type, size and hash), then its stored bytes; the plan is republished to the search without the file's words (ADR 0014).
/// </summary>
public sealed record DeleteImplementationPlanAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public Guid AttachmentId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class DeleteImplementationPlanAttachmentHandler(OrganizationDbContext db, IFileStore files)
    : Mediator.ICommandHandler<DeleteImplementationPlanAttachment, Guid>
{
    public async ValueTask<Guid> Handle(DeleteImplementationPlanAttachment command, CancellationToken ct)
    {
        var (implementation, _) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        await db.Entry(implementation).Collection(i => i.Attachments).LoadAsync(ct);
        Concurrency.GuardUpdate(db, implementation, command.IfMatch);
        var attachment = implementation.Detach(command.AttachmentId)
                         ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), command.AttachmentId);
        db.ImplementationPlanAttachments.Remove(attachment);
        // The plan's version moves with its files, so a stale page cannot remove another file on the strength of an old tag.
        db.Entry(implementation).State = EntityState.Modified;
        await files.CommitThenDeleteAsync(db, attachment.File.StorageKey, ct);
        return command.Id;
    }
}

internal sealed class DeleteImplementationPlanAttachmentEndpoint(IMediator mediator) : Endpoint<DeleteImplementationPlanAttachment>
{
    public override void Configure()
    {
        Delete(DeleteImplementationPlanAttachment.Route);
        Policies(Permission.PlansManage);
        Summary(s =>
        {
            s.Summary = "Remove a file of the current revision from a unit's implementation plan (If-Match required; 412 when stale)";
            s.Response(204, "Removed.");
        });
    }

    public override async Task HandleAsync(DeleteImplementationPlanAttachment req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
