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

namespace Khcn.Organization.Features.Plans;

/// <summary>The upload form: one file (PDF, DOCX, XLSX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadImplementationPlanAttachment : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/organization/plans/{id}/implementations/{unitId}/attachments";
    public Guid Id { get; init; }
    public Guid UnitId { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadImplementationPlanAttachmentValidator : AbstractValidator<UploadImplementationPlanAttachment>
{
    public UploadImplementationPlanAttachmentValidator() =>
        RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>
/// Stores a file (the signed document) and attaches it to the current revision of a unit's implementation plan, with the
/// words read from it: the plan is republished to the search with them (ADR 0014).
/// </summary>
internal sealed class UploadImplementationPlanAttachmentHandler(OrganizationDbContext db, IFileStore files, IAttachmentTextExtractor texts, TimeProvider clock)
    : Mediator.ICommandHandler<UploadImplementationPlanAttachment, Guid>
{
    public async ValueTask<Guid> Handle(UploadImplementationPlanAttachment command, CancellationToken ct)
    {
        var (implementation, _) = await ImplementationPlanAccess.ForChangeAsync(db, command.Id, command.UnitId, ct);
        var file = await files.StoreAsync("organization/implementation-plans", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        var attachment = implementation.Attach(file, await texts.ReadTextAsync(files, file, ct));
        db.ImplementationPlanAttachments.Add(attachment);
        return attachment.Id;
    }
}

internal sealed class UploadImplementationPlanAttachmentEndpoint(IMediator mediator)
    : CreatedEndpoint<UploadImplementationPlanAttachment, ImplementationPlanDetail>(mediator)
{
    public override void Configure()
    {
        Post(UploadImplementationPlanAttachment.Route);
        AllowFileUploads();
        Policies(Permission.PlansManage);
        Summary(s =>
        {
            s.Summary = "Attach a file to a unit's implementation plan (multipart/form-data, field \"file\")";
            s.Response<ImplementationPlanDetail>(201, "The implementation plan with the new file.");
        });
    }

    protected override IQuery<ImplementationPlanDetail> ReadBack(UploadImplementationPlanAttachment command, Guid id) =>
        new GetImplementationPlan { Id = command.Id, UnitId = command.UnitId };

    protected override string Location(UploadImplementationPlanAttachment command, Guid id) =>
        ImplementationPlanAccess.PathFor(command.Id, command.UnitId);
}
