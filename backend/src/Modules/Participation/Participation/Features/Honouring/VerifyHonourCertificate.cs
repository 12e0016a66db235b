using FastEndpoints;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Data;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// The public check behind a commendation certificate's QR code (no sign-in): valid or revoked, with only what the
/// certificate prints (Decree 13/2023/NĐ-CP art. 3(4)). Unknown codes answer 404.
/// </summary>
public sealed record VerifyHonourCertificate : IQuery<HonourCertificateVerification>
{
    public const string Route = "/api/v1/participation/commendations/certificates/verify/{code}";
    public static string For(string code) => $"/api/v1/participation/commendations/certificates/verify/{Uri.EscapeDataString(code)}";
    public string Code { get; init; } = "";
}

internal sealed class VerifyHonourCertificateHandler(ParticipationDbContext db) : IQueryHandler<VerifyHonourCertificate, HonourCertificateVerification>
{
    public async ValueTask<HonourCertificateVerification> Handle(VerifyHonourCertificate query, CancellationToken ct)
    {
        var code = query.Code.Trim();
        var found = code.Length is > 0 and <= 64
            ? await db.HonourCertificates.AsNoTracking().Where(c => c.VerificationCode == code)
                .Join(db.HonouringEvents.IgnoreQueryFilters(), c => c.EventId, e => e.Id, (c, e) => new { c, e.Name, e.HeldOn }).FirstOrDefaultAsync(ct)
            : null;
        if (found is null) throw new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), "code");
        var c = found.c;
        return new HonourCertificateVerification(c.Number, c.HolderName, c.FormName, c.DecisionNumber, c.DecisionDate, c.IssuingUnitName, found.Name, found.HeldOn,
            c.RevokedAtUtc is null ? HonourCertificateStatus.Valid : HonourCertificateStatus.Revoked,
            c.RevokedAtUtc is { } at ? DateOnly.FromDateTime(VietnamTime.ToLocal(at)) : null);
    }
}

internal sealed class VerifyHonourCertificateEndpoint(IMediator mediator) : Endpoint<VerifyHonourCertificate, HonourCertificateVerification>
{
    public override void Configure()
    {
        Get(VerifyHonourCertificate.Route);
        AllowAnonymous();
        Options(x => x.RequireRateLimiting(PublicLinks.RateLimitPolicy));
        Summary(s => s.Summary = "Verify a commendation certificate by the code of its QR code (public)");
    }

    public override async Task HandleAsync(VerifyHonourCertificate req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
