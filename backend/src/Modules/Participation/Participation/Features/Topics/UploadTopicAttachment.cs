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

namespace Khcn.Participation.Features.Topics;

/// <summary>The upload form: one proposal document (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content; only on a draft.</summary>
public sealed record UploadTopicAttachment : Mediator.ICommand<Guid>
{
    public const string Route = TopicViews.Route + "/{id}/attachments";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadTopicAttachmentValidator : AbstractValidator<UploadTopicAttachment>
{
    public UploadTopicAttachmentValidator() =>
        RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>Stores the proposal document with the words read from it: the topic is republished to the search with them (ADR 0014).</summary>
internal sealed class UploadTopicAttachmentHandler(ParticipationDbContext db, ParticipationAccess access, IFileStore files,
    IAttachmentTextExtractor texts, TimeProvider clock)
    : Mediator.ICommandHandler<UploadTopicAttachment, Guid>
{
    public async ValueTask<Guid> Handle(UploadTopicAttachment command, CancellationToken ct)
    {
        var topic = await access.TopicForProposerAsync(command.Id, ct);
        var file = await files.StoreAsync("participation/topics", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        var attachment = topic.Attach(file, await texts.ReadTextAsync(files, file, ct));
        db.TopicAttachments.Add(attachment);
        return attachment.Id;
    }
}

internal sealed class UploadTopicAttachmentEndpoint(IMediator mediator) : CreatedEndpoint<UploadTopicAttachment, TopicDetail>(mediator)
{
    public override void Configure()
    {
        Post(UploadTopicAttachment.Route);
        AllowFileUploads();
        Policies(Permission.TopicsPropose);
        Summary(s =>
        {
            s.Summary = "Attach a proposal document to a draft research topic (multipart/form-data, field \"file\"; 409 topic_locked)";
            s.Response<TopicDetail>(201, "The topic with the new file.");
        });
    }

    protected override IQuery<TopicDetail> ReadBack(UploadTopicAttachment command, Guid id) => new GetTopic { Id = command.Id };

    protected override string Location(UploadTopicAttachment command, Guid id) => TopicViews.For(command.Id);
}
