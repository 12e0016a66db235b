using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Training.Certificates;
using Khcn.Training.Contracts;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Access;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

using Khcn.Training.Features.Enrolments;

namespace Khcn.Training.Features.Certificates;

/// <summary>Reading certificates: which one a caller may see, and the view of it.</summary>
internal static class CertificateReads
{
    public static List<CertificateView> Views(IEnumerable<Certificate> certificates, PublicLinks links) =>
        certificates.Select(c => View(c, links)).ToList();

    public static CertificateView View(Certificate c, PublicLinks links) =>
        new(c.Id, c.EnrolmentId, c.CourseId, c.Number, c.HolderName, c.CourseTitle, c.PartnerName, c.CompletedOn, c.IssuedAtUtc,
            c.RevokedAtUtc, c.RevocationReason, links.VerifyUrl(c.VerificationCode));

    /// <summary>The coordinator of the course, or its partner agency's staff.</summary>
    public static async Task<bool> RunsCourseAsync(TrainingAccess access, Course course, CancellationToken ct) =>
        await access.CanAsync(Permission.CoursesManage, course, ct)
        || (access.IsPartnerOnly && await access.MyPartnerIdAsync(ct) == course.PartnerId);
}

/// <summary>
/// Issues a certificate to every participant of a completed course whose result is Completed and who has none
/// yet: running it again issues nothing new. Numbers run per course (<c>CODE/yyyy/001</c>); each certificate gets
/// an unguessable verification code.
/// </summary>
public sealed record IssueCertificates : Mediator.ICommand<IssueCertificatesResult>
{
    public const string Route = "/api/v1/training/courses/{id}/certificates";
    public static string For(Guid id) => $"/api/v1/training/courses/{id}/certificates";
    public Guid Id { get; init; }
}

internal sealed class IssueCertificatesHandler(TrainingDbContext db, TrainingAccess access, PublicLinks links, TimeProvider clock)
    : Mediator.ICommandHandler<IssueCertificates, IssueCertificatesResult>
{
    public async ValueTask<IssueCertificatesResult> Handle(IssueCertificates command, CancellationToken ct)
    {
        var course = await access.CourseForAsync(command.Id, Permission.CoursesManage, ct);
        if (course.Status != CourseStatus.Completed)
            throw new BusinessRuleException("course_not_completed",
                Localized.Text("Certificates are issued once the course is completed.", "Chỉ cấp giấy chứng nhận khi khóa học đã kết thúc."));
        var existing = await db.Certificates.Where(c => c.CourseId == course.Id).ToListAsync(ct);
        var certified = existing.Select(c => c.EnrolmentId).ToHashSet();
        var completed = await db.OfAnyUnit()
            .Where(e => e.CourseId == course.Id && e.Result == CompletionResult.Completed && e.Status != EnrolmentStatus.Withdrawn)
            .OrderBy(e => e.QueueNumber).ToListAsync(ct);
        var toIssue = completed.Where(e => !certified.Contains(e.Id)).ToList();
        if (toIssue.Count > 0)
        {
            var partnerName = await db.Partners.Where(p => p.Id == course.PartnerId).Select(p => p.Name).FirstAsync(ct);
            var completedOn = await CompletedOnAsync(course, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var next = existing.Count + 1;
            foreach (var enrolment in toIssue)
            {
                var number = $"{course.Code}/{completedOn.Year}/{next++:000}";
                var certificate = Certificate.Issue(enrolment, course, partnerName, number, PublicLinks.NewVerificationCode(), completedOn, now);
                db.Certificates.Add(certificate);
                db.Publish(new CertificateIssued(Guid.CreateVersion7(), now, certificate.Id, enrolment.Id, enrolment.OfficialId, number));
                existing.Add(certificate);
            }
        }
        return new IssueCertificatesResult(toIssue.Count, CertificateReads.Views(existing.OrderBy(c => c.Number), links));
    }

    /// <summary>The day the course was completed (Vietnam time): its Completed step, else its last session.</summary>
    private async Task<DateOnly> CompletedOnAsync(Course course, CancellationToken ct)
    {
        var step = await db.CourseSteps.Where(s => s.CourseId == course.Id && s.To == CourseStatus.Completed)
            .OrderByDescending(s => s.AtUtc).Select(s => (DateTime?)s.AtUtc).FirstOrDefaultAsync(ct);
        var last = step ?? await db.Sessions.Where(s => s.CourseId == course.Id && s.Status == SessionStatus.Scheduled)
            .OrderByDescending(s => s.EndsAtUtc).Select(s => (DateTime?)s.EndsAtUtc).FirstOrDefaultAsync(ct);
        return last is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : VietnamTime.Today(clock);
    }
}

internal sealed class IssueCertificatesEndpoint(IMediator mediator) : Endpoint<IssueCertificates, IssueCertificatesResult>
{
    public override void Configure()
    {
        Post(IssueCertificates.Route);
        Policies(Permission.CoursesManage);
        Summary(s =>
        {
            s.Summary = "Issue certificates to the participants who completed a course (idempotent)";
            s.Responses[409] = "The course is not completed (code course_not_completed).";
        });
    }

    public override async Task HandleAsync(IssueCertificates req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

/// <summary>A course's certificates, for its coordinator and its partner agency's staff.</summary>
public sealed record ListCourseCertificates : IQuery<IReadOnlyList<CertificateView>>
{
    public const string Route = IssueCertificates.Route;
    public Guid Id { get; init; }
}

internal sealed class ListCourseCertificatesHandler(TrainingDbContext db, TrainingAccess access, PublicLinks links)
    : IQueryHandler<ListCourseCertificates, IReadOnlyList<CertificateView>>
{
    public async ValueTask<IReadOnlyList<CertificateView>> Handle(ListCourseCertificates query, CancellationToken ct)
    {
        var course = await access.CourseAsync(query.Id, ct, tracked: false);
        if (!await CertificateReads.RunsCourseAsync(access, course, ct)) throw new ForbiddenException();
        var certificates = await db.Certificates.AsNoTracking().Where(c => c.CourseId == course.Id).OrderBy(c => c.Number).ToListAsync(ct);
        return CertificateReads.Views(certificates, links);
    }
}

internal sealed class ListCourseCertificatesEndpoint(IMediator mediator) : Endpoint<ListCourseCertificates, IReadOnlyList<CertificateView>>
{
    public override void Configure()
    {
        Get(ListCourseCertificates.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List a course's certificates (its coordinator and partner staff)");
    }

    public override async Task HandleAsync(ListCourseCertificates req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}

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

/// <summary>The signed-in user's own certificates (enrolments under their e-mail), for "my trainings".</summary>
public sealed record MyCertificates : IQuery<IReadOnlyList<CertificateView>>
{
    public const string Route = "/api/v1/training/me/certificates";
}

internal sealed class MyCertificatesHandler(TrainingDbContext db, PublicLinks links) : IQueryHandler<MyCertificates, IReadOnlyList<CertificateView>>
{
    public async ValueTask<IReadOnlyList<CertificateView>> Handle(MyCertificates query, CancellationToken ct)
    {
        var mine = db.OfPerson(db.Access.Email).Select(e => e.Id);
        var certificates = await db.Certificates.AsNoTracking().Where(c => mine.Contains(c.EnrolmentId))
            .OrderByDescending(c => c.CompletedOn).ThenBy(c => c.Number).ToListAsync(ct);
        return CertificateReads.Views(certificates, links);
    }
}

internal sealed class MyCertificatesEndpoint(IMediator mediator) : EndpointWithoutRequest<IReadOnlyList<CertificateView>>
{
    public override void Configure()
    {
        Get(MyCertificates.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "List my certificates");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await mediator.Send(new MyCertificates(), ct), ct);
}

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
        return visible && await CertificateReads.RunsCourseAsync(access, course, ct);
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

/// <summary>
/// The public check behind the QR code: anyone holding the code learns whether the certificate is valid or
/// revoked, with the name, course, partner, date and number only. Unknown codes answer 404.
/// </summary>
public sealed record VerifyCertificate : IQuery<CertificateVerification>
{
    public const string Route = "/api/v1/training/certificates/verify/{code}";
    public static string For(string code) => $"/api/v1/training/certificates/verify/{Uri.EscapeDataString(code)}";
    public string Code { get; init; } = "";
}

internal sealed class VerifyCertificateHandler(TrainingDbContext db) : IQueryHandler<VerifyCertificate, CertificateVerification>
{
    public async ValueTask<CertificateVerification> Handle(VerifyCertificate query, CancellationToken ct)
    {
        var code = query.Code.Trim();
        var c = code.Length is > 0 and <= 64
            ? await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.VerificationCode == code, ct)
            : null;
        if (c is null) throw new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), "code");
        return new CertificateVerification(c.Number, c.HolderName, c.CourseTitle, c.PartnerName, c.CompletedOn,
            c.RevokedAtUtc is null ? CertificateStatus.Valid : CertificateStatus.Revoked,
            c.RevokedAtUtc is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : null);
    }
}

internal sealed class VerifyCertificateEndpoint(IMediator mediator) : Endpoint<VerifyCertificate, CertificateVerification>
{
    public override void Configure()
    {
        Get(VerifyCertificate.Route);
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(TrainingModule.PublicRateLimitPolicy));
        Summary(s => s.Summary = "Verify a certificate by the code of its QR code (public)");
    }

    public override async Task HandleAsync(VerifyCertificate req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
