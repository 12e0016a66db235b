using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Features.Certificates;

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
