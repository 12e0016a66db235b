using FluentValidation;
using Khcn.BuildingBlocks.Application;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Mediator;
using FastEndpoints;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The holding unit revokes an honouree's certificate with a reason (e.g. the decision was annulled): If-Match with the
/// event's ETag (428 missing, 412 stale); the public check then answers "revoked" and the PDF carries the stamp.
/// 403 without the decide permission over the unit, 404 outside scope; 409 <c>certificate_revoked</c> when it already is.
/// </summary>
public sealed record RevokeHonourCertificate : Mediator.ICommand<Guid>
{
    public const string Route = "/api/v1/participation/commendations/honouring-events/{id}/certificates/{certificateId}/revoke";
    public Guid Id { get; init; }
    public Guid CertificateId { get; init; }
    public string Reason { get; init; } = "";
    [FromHeader("If-Match", IsRequired = false)]
    public string? IfMatch { get; init; }
}

internal sealed class RevokeHonourCertificateValidator : AbstractValidator<RevokeHonourCertificate>
{
    public RevokeHonourCertificateValidator() =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage("State the reason.", "Nhập lý do thu hồi.").MaximumLength(1000);
}

internal sealed class RevokeHonourCertificateHandler(ParticipationDbContext db, ParticipationAccess access, TimeProvider clock)
    : Mediator.ICommandHandler<RevokeHonourCertificate, Guid>
{
    public async ValueTask<Guid> Handle(RevokeHonourCertificate command, CancellationToken ct)
    {
        var e = await db.HonouringEvents.Include(x => x.Certificates).FirstOrDefaultAsync(x => x.Id == command.Id, ct);
        if (e is null || !access.MayReadCommendationsOf(e.UnitId)) throw new NotFoundException(Localized.Text("Honouring event", "lễ tôn vinh"), command.Id);
        if (!access.Access.Can(Permission.CommendationsDecide, e.UnitId)) throw new ForbiddenException();
        Concurrency.GuardUpdate(db, e, command.IfMatch);
        e.Revoke(command.CertificateId, command.Reason, access.Actor, clock.GetUtcNow().UtcDateTime);
        return e.Id;
    }
}

internal sealed class RevokeHonourCertificateEndpoint(IMediator mediator) : StepEndpoint<RevokeHonourCertificate, HonouringEventDetail>(mediator)
{
    protected override string Route => RevokeHonourCertificate.Route;
    protected override string RequiredPermission => Permission.CommendationsDecide;
    protected override string StepSummary => "Revoke an honouree's certificate with a reason (If-Match: the event's ETag; 409 certificate_revoked)";
    protected override IQuery<HonouringEventDetail> ReadBack(RevokeHonourCertificate command) => new GetHonouringEvent { Id = command.Id };
}
