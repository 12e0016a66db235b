using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Data;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>The upload form: one file (PDF, DOCX, PNG or JPEG, up to 20 MB), recognised by its content.</summary>
public sealed record UploadPartnerAgreement : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/training/partners/{id}/agreement";
    public Guid Id { get; init; }
    public IFormFile? File { get; init; }
}

internal sealed class UploadPartnerAgreementValidator : AbstractValidator<UploadPartnerAgreement>
{
    public UploadPartnerAgreementValidator() => RuleFor(x => x.File).NotNull().WithMessage("Choose a file to attach.", "Chọn tệp để đính kèm.");
}

/// <summary>Stores the agreement's file and keeps it on the agency (replacing an earlier one, whose file is then deleted).</summary>
internal sealed class UploadPartnerAgreementHandler(TrainingDbContext db, IFileStore files, TimeProvider clock)
    : Mediator.ICommandHandler<UploadPartnerAgreement, Guid>
{
    private static readonly HashSet<string> Accepted =
    [
        "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/png", "image/jpeg",
    ];

    public async ValueTask<Guid> Handle(UploadPartnerAgreement command, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == command.Id, ct) ?? throw new NotFoundException(Localized.Text("Partner", "cơ quan đối tác"), command.Id);
        var file = await files.StoreAsync("training/agreements", command.File, db.Access.Email, clock.GetUtcNow().UtcDateTime, ct);
        if (!Accepted.Contains(file.ContentType))
        {
            await files.DeleteAsync(file.StorageKey, ct);
            throw new RequestValidationException(new Dictionary<string, string[]>
            {
                ["file"] = [Localized.Text($"'{file.FileName}' is not a PDF, DOCX, PNG or JPEG file.", $"Tệp '{file.FileName}' không phải là PDF, DOCX, PNG hoặc JPEG.")],
            });
        }
        var previous = partner.AttachAgreement(file.FileName, file.ContentType, file.Size, file.StorageKey, file.UploadedAtUtc);
        await db.SaveChangesAsync(ct);
        if (previous is not null) await files.DeleteAsync(previous, ct);
        return partner.Id;
    }
}

internal sealed class UploadPartnerAgreementEndpoint(IMediator mediator) : CreatedEndpoint<UploadPartnerAgreement, PartnerDetail>(mediator)
{
    public override void Configure()
    {
        Post(UploadPartnerAgreement.Route);
        AllowFileUploads();
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Attach the cooperation agreement's file (multipart/form-data, field \"file\"; PDF, DOCX, PNG or JPEG up to 20 MB)";
            s.Response<PartnerDetail>(201, "The partner agency with its agreement file.");
        });
    }

    protected override IQuery<PartnerDetail> ReadBack(UploadPartnerAgreement command, Guid id) => new GetPartner { Id = id };

    protected override string Location(UploadPartnerAgreement command, Guid id) => GetPartner.For(id);
}
