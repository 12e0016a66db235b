using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

public sealed record AgreementFile(string StorageKey, string FileName, string ContentType, long Size);

/// <summary>The agreement's file, for those who see the agency (its own staff, union users); 404 otherwise or when none.</summary>
public sealed record DownloadPartnerAgreement : IQuery<AgreementFile>
{
    public const string Route = "/api/v1/training/partners/{id}/agreement";
    public Guid Id { get; init; }
}

internal sealed class DownloadPartnerAgreementHandler(TrainingAccess access) : IQueryHandler<DownloadPartnerAgreement, AgreementFile>
{
    public async ValueTask<AgreementFile> Handle(DownloadPartnerAgreement query, CancellationToken ct)
    {
        var p = await access.PartnerAsync(query.Id, ct);
        return p.AgreementStorageKey is null
            ? throw new NotFoundException(Localized.Text("Agreement", "thỏa thuận hợp tác"), query.Id)
            : new AgreementFile(p.AgreementStorageKey, p.AgreementFileName!, p.AgreementContentType!, p.AgreementFileSize ?? 0);
    }
}

internal sealed class DownloadPartnerAgreementEndpoint(IMediator mediator, IFileStore files) : Endpoint<DownloadPartnerAgreement>
{
    public override void Configure()
    {
        Get(DownloadPartnerAgreement.Route);
        Policies(Permission.TrainingRead);
        Description(d => d.Produces(200, typeof(Stream), "application/octet-stream"));
        Summary(s => s.Summary = "Download the cooperation agreement's file of a partner agency");
    }

    public override async Task HandleAsync(DownloadPartnerAgreement req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.StreamAsync(files.OpenRead(file.StorageKey), file.FileName, file.Size, file.ContentType, cancellation: ct);
    }
}
