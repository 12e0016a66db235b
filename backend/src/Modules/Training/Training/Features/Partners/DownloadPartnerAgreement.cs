using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>The agreement's file, for those who see the agency (its own staff, union users); 404 otherwise or when none.</summary>
public sealed record DownloadPartnerAgreement : IQuery<AttachmentDownload>
{
    public const string Route = "/api/v1/training/partners/{id}/agreement";
    public Guid Id { get; init; }
}

internal sealed class DownloadPartnerAgreementHandler(TrainingAccess access, IFileStore files) : IQueryHandler<DownloadPartnerAgreement, AttachmentDownload>
{
    public async ValueTask<AttachmentDownload> Handle(DownloadPartnerAgreement query, CancellationToken ct)
    {
        var p = await access.PartnerAsync(query.Id, ct);
        return p.AgreementStorageKey is null
            ? throw new NotFoundException(Localized.Text("Agreement", "thỏa thuận hợp tác"), query.Id)
            : files.Open(new Attachment(p.AgreementFileName!, p.AgreementContentType!, p.AgreementFileSize ?? 0, "", p.AgreementStorageKey,
                null, p.AgreementUploadedAtUtc ?? default));
    }
}

internal sealed class DownloadPartnerAgreementEndpoint(IMediator mediator) : DownloadEndpoint<DownloadPartnerAgreement>(mediator)
{
    public override void Configure()
    {
        Get(DownloadPartnerAgreement.Route);
        Policies(Permission.TrainingRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download the cooperation agreement's file of a partner agency");
    }
}
