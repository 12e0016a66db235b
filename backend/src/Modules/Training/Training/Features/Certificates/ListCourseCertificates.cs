using Khcn.BuildingBlocks.Documents;
using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

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
        if (!await access.RunsCourseAsync(course, ct)) throw new ForbiddenException();
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
