using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Topics;

/// <summary>
/// Removes a proposal document from a draft research topic (the proposer's rights, as the upload; 404 outside the scope;
/// If-Match on the topic; 409 <c>topic_locked</c> once submitted). The row goes (the audit keeps its name, type, size and
/// hash), then its stored bytes; the topic is republished to the search without the file's words (ADR 0014).
/// </summary>
public sealed record DeleteTopicAttachment : Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/attachments/{attachmentId}";
    public Guid Id { get; init; }
    public Guid AttachmentId { get; init; }
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class DeleteTopicAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files)
    : Mediator.ICommandHandler<DeleteTopicAttachment, Guid>
{
    public async ValueTask<Guid> Handle(DeleteTopicAttachment command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        Concurrency.GuardUpdate(db, topic, command.IfMatch);
        var attachment = topic.Detach(command.AttachmentId)
                         ?? throw new NotFoundException(Localized.Text("Attachment", "tệp đính kèm"), command.AttachmentId);
        db.TopicAttachments.Remove(attachment);
        // The proposal changed: its version moves, so a second tab's stale If-Match answers 412.
        db.Entry(topic).State = EntityState.Modified;
        await files.CommitThenDeleteAsync(db, attachment.File.StorageKey, ct);
        return command.Id;
    }
}

internal sealed class DeleteTopicAttachmentEndpoint(IMediator mediator) : Endpoint<DeleteTopicAttachment>
{
    public override void Configure()
    {
        Delete(DeleteTopicAttachment.Route);
        Policies(Permission.TopicsPropose);
        Summary(s =>
        {
            s.Summary = "Remove a proposal document from a draft research topic (If-Match required; 412 when stale; 409 topic_locked)";
            s.Response(204, "Removed.");
        });
    }

    public override async Task HandleAsync(DeleteTopicAttachment req, CancellationToken ct)
    {
        await mediator.Send(req, ct);
        await Send.NoContentAsync(ct);
    }
}
