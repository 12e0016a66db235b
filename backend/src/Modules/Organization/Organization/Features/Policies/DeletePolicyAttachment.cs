using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Policies;

/// <summary>
/// Removes a file from a policy document the caller manages (404 outside the scope), with If-Match on the document. The
/// row goes (the audit keeps its name, type, size and hash), then its stored bytes; the document is republished to the
/// search without the file's words (ADR 0014).
/// </summary>
public sealed record DeletePolicyAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/policies/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class DeletePolicyAttachmentHandler(OrganizationDbContext db, IFileStore files) : Mediator.ICommandHandler<DeletePolicyAttachment, Guid>
{
    public async ValueTask<Guid> Handle(DeletePolicyAttachment command, CancellationToken ct)
    {
        var policy = await PolicyVisibility.ForChangeAsync(db, command.Id, ct);
        await db.Entry(policy).Collection(p => p.Attachments).LoadAsync(ct);
        Concurrency.GuardUpdate(db, policy, command.IfMatch);
        var attachment = policy.Detach(command.AttachmentId)
                         ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), command.AttachmentId);
        db.PolicyAttachments.Remove(attachment);
        // The file names are part of the register's word search, so the document changes (and its version moves) too.
        db.Entry(policy).State = EntityState.Modified;
        await files.CommitThenDeleteAsync(db, attachment.File.StorageKey, ct);
        return command.Id;
    }
}

internal sealed class DeletePolicyAttachmentEndpoint(IMediator mediator) : Endpoint<DeletePolicyAttachment>
{
    public override void Configure()
    {
        Delete(DeletePolicyAttachment.Route);
        Policies(Permission.PoliciesManage);
        Summary(s =>
        {
            s.Summary = "Remove a file from a policy document (If-Match required; 412 when stale)";
            s.Response(204, "Removed.");
        });
    }

    public override async Task HandleAsync(DeletePolicyAttachment req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
