using Khcn.BuildingBlocks.Documents;
using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

/// <summary>Revokes a certificate (issued by mistake, or withdrawn): the verification page then says so. Audited.</summary>
public sealed record RevokeCertificate : Mediator.ICommand<CertificateView>
{
    public const string Route = "/api/v1/training/certificates/{id}/revoke";
    public static string For(Guid id) => $"/api/v1/training/certificates/{id}/revoke";
    public Guid Id { get; init; }
    /// <summary>Why it is revoked (kept, shown to the coordinator; not on the public page).</summary>
    public string Reason { get; init; } = "";
}

internal sealed class RevokeCertificateValidator : AbstractValidator<RevokeCertificate>
{
    public RevokeCertificateValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(1000);
}

internal sealed class RevokeCertificateHandler(TrainingDbContext db, TrainingAccess access, PublicLinks links, TimeProvider clock)
    : Mediator.ICommandHandler<RevokeCertificate, CertificateView>
{
    public async ValueTask<CertificateView> Handle(RevokeCertificate command, CancellationToken ct)
    {
        var certificate = await db.Certificates.FirstOrDefaultAsync(c => c.Id == command.Id, ct)
                          ?? throw new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), command.Id);
        try
        {
            await access.CourseForAsync(certificate.CourseId, Permission.CoursesManage, ct);
        }
        catch (NotFoundException)
        {
            throw new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), command.Id);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        certificate.Revoke(command.Reason, now);
        var officialId = await db.OfAnyUnit().Where(e => e.Id == certificate.EnrolmentId).Select(e => e.OfficialId).FirstAsync(ct);
        db.Publish(new CertificateRevoked(Guid.CreateVersion7(), now, certificate.Id, certificate.EnrolmentId, officialId, certificate.Number));
        return CertificateReads.View(certificate, links);
    }
}

internal sealed class RevokeCertificateEndpoint(IMediator mediator) : Endpoint<RevokeCertificate, CertificateView>
{
    public override void Configure()
    {
        Post(RevokeCertificate.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Revoke a certificate";
            s.Responses[409] = "The certificate is already revoked (code certificate_revoked).";
        });
    }

    public override async Task HandleAsync(RevokeCertificate req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
