using FastEndpoints;
using Khcn.BuildingBlocks.Security;
using Khcn.Training.Access;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Partners;

/// <summary>A partner agency with its staff and instructors; 404 for another partner's staff.</summary>
public sealed record GetPartner : IQuery<PartnerDetail>
{
    public const string Route = "/api/v1/training/partners/{id}";
    public static string For(Guid id) => $"/api/v1/training/partners/{id}";
    public Guid Id { get; init; }
}

internal sealed class GetPartnerHandler(TrainingDbContext db, TrainingAccess access) : IQueryHandler<GetPartner, PartnerDetail>
{
    public async ValueTask<PartnerDetail> Handle(GetPartner query, CancellationToken ct)
    {
        var p = await access.PartnerAsync(query.Id, ct);
        var members = await db.PartnerMembers.AsNoTracking().Where(m => m.PartnerId == p.Id).OrderBy(m => m.FullName)
            .ProjectToType<PartnerMemberView>().ToListAsync(ct);
        var instructors = await db.Instructors.AsNoTracking().Where(i => i.PartnerId == p.Id).OrderBy(i => i.FullName)
            .ProjectToType<InstructorView>().ToListAsync(ct);
        return new PartnerDetail(p.Id, p.Name, p.Kind, p.ContactName, p.ContactEmail, p.ContactPhone, p.AgreementNumber,
            p.AgreementSignedOn, p.AgreementValidUntil,
            p.AgreementFileName is null ? null : new AgreementFileView(p.AgreementFileName, p.AgreementContentType!, p.AgreementFileSize ?? 0, p.AgreementUploadedAtUtc!.Value),
            members, instructors, p.Version);
    }
}

internal sealed class GetPartnerEndpoint(IMediator mediator) : Endpoint<GetPartner, PartnerDetail>
{
    public override void Configure()
    {
        Get(GetPartner.Route);
        Policies(Permission.TrainingRead);
        Summary(s => s.Summary = "Get a partner agency with its staff and instructors");
    }

    public override async Task HandleAsync(GetPartner req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
