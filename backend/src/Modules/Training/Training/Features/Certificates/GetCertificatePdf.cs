using Khcn.BuildingBlocks.Documents;
using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Access;
using Khcn.Training.Certificates;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

/// <summary>
/// A certificate as a PDF, for its holder (the enrolment's e-mail is theirs), the course's coordinator, its
/// partner agency's staff and the officers of the holder's unit; 404 for anyone else.
/// </summary>
public sealed record GetCertificatePdf : IQuery<CertificateFile>
{
    public const string Route = "/api/v1/training/certificates/{id}/pdf";
    public static string For(Guid id) => $"/api/v1/training/certificates/{id}/pdf";
    public Guid Id { get; init; }
}

public sealed record CertificateFile(string FileName, byte[] Content);

internal sealed class GetCertificatePdfHandler(TrainingDbContext db, TrainingAccess access, PublicLinks links, IMediator mediator)
    : IQueryHandler<GetCertificatePdf, CertificateFile>
{
    public async ValueTask<CertificateFile> Handle(GetCertificatePdf query, CancellationToken ct)
    {
        var notFound = new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), query.Id);
        var certificate = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, ct) ?? throw notFound;
        var enrolment = await db.OfAnyUnit().AsNoTracking().FirstAsync(e => e.Id == certificate.EnrolmentId, ct);
        var course = await db.Courses.AsNoTracking().FirstAsync(c => c.Id == certificate.CourseId, ct);
        if (!await MayReadAsync(enrolment, course, ct)) throw notFound;

        var root = await mediator.Send(new GetRootUnit(), ct);
        var startedAt = await db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .OrderBy(s => s.StartsAtUtc).Select(s => (DateTime?)s.StartsAtUtc).FirstOrDefaultAsync(ct);
        var content = new CertificateContent(
            root?.Name ?? "Liên đoàn Lao động", certificate.HolderName, certificate.CourseTitle, certificate.PartnerName,
            startedAt is { } s ? DateOnly.FromDateTime(VietnamTime.ToLocal(s)) : null, certificate.CompletedOn, certificate.Number,
            DateOnly.FromDateTime(VietnamTime.ToLocal(certificate.IssuedAtUtc)), links.VerifyUrl(certificate.VerificationCode),
            certificate.RevokedAtUtc is not null);
        var fileName = $"chung-nhan-{certificate.Number.Replace('/', '-')}.pdf";
        return new CertificateFile(fileName, CertificatePdf.Render(content));
    }

    private async Task<bool> MayReadAsync(Enrolment enrolment, Course course, CancellationToken ct)
    {
        var a = access.Access;
        if (a.Email is { Length: > 0 } email && string.Equals(email, enrolment.OfficialEmail, StringComparison.OrdinalIgnoreCase)) return true;
        if (!access.IsPartnerOnly && a.Can(Permission.Nominate, enrolment.UnitId)) return true;
        var visible = await (await access.VisibleCoursesAsync(ct)).AnyAsync(c => c.Id == course.Id, ct);
        return visible && await access.RunsCourseAsync(course, ct);
    }
}

internal sealed class GetCertificatePdfEndpoint(IMediator mediator) : Endpoint<GetCertificatePdf>
{
    public override void Configure()
    {
        Get(GetCertificatePdf.Route);
        Policies(Permission.TrainingRead);
        Description(d => d.Produces(200, typeof(Stream), CertificatePdf.ContentType));
        Summary(s => s.Summary = "Download a certificate as a PDF (holder, coordinator, partner staff, the holder's unit officers)");
    }

    public override async Task HandleAsync(GetCertificatePdf req, CancellationToken ct)
    {
        var file = await mediator.Send(req, ct);
        await Send.BytesAsync(file.Content, file.FileName, CertificatePdf.ContentType, cancellation: ct);
    }
}
