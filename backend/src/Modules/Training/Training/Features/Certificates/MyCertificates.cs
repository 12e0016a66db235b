using Khcn.BuildingBlocks.Documents;
using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Features.Enrolments;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

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
