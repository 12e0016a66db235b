using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Khcn.Organization.Features.Policies;

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadPolicyAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/policies/{id}/attachments";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadPolicyAttachmentValidator : AbstractValidator<UploadPolicyAttachment>
{
    public UploadPolicyAttachmentValidator() =>
        RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>
/// Stores the file and attaches it to a policy document in the caller's scope, with the words read from it: the document is
/// republished to the search with them (ADR 0014).
/// </summary>
internal sealed class UploadPolicyAttachmentHandler(OrganizationDbContext db, IFileStore files, IAttachmentTextExtractor texts, TimeProvider clock)
    : Mediator.ICommandHandler<UploadPolicyAttachment, Guid>
{
    public async ValueTask<Guid> Handle(UploadPolicyAttachment command, CancellationToken ct)
    {
        var policy = await PolicyVisibility.ForChangeAsync(db, command.Id, ct);
        var file = await files.StoreAsync("organization/policies", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        var attachment = policy.Attach(file, await texts.ReadTextAsync(files, file, ct));
        db.PolicyAttachments.Add(attachment);
        return attachment.Id;
    }
}

internal sealed class UploadPolicyAttachmentEndpoint(IMediator mediator) : CreatedEndpoint<UploadPolicyAttachment, PolicyDetail>(mediator)
{
    public override void Configure()
    {
        Post(UploadPolicyAttachment.Route);
        AllowFileUploads();
        Policies(Permission.PoliciesManage);
        Summary(s =>
        {
            s.Summary = "Attach a file to a policy document (multipart/form-data, field \"file\")";
            s.Response<PolicyDetail>(201, "The document with the new attachment.");
        });
    }

    protected override IQuery<PolicyDetail> ReadBack(UploadPolicyAttachment command, Guid id) => new GetPolicy { Id = command.Id };
    protected override string Location(UploadPolicyAttachment command, Guid id) => GetPolicy.For(command.Id);
}
