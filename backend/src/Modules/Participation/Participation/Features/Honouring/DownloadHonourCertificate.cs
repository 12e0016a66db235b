using FastEndpoints;
using Khcn.BuildingBlocks.Documents;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Files;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Participation.Access;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Participation.Features.Honouring;

/// <summary>
/// An honouree's certificate (giấy chứng nhận tôn vinh) as a PDF with the QR code of its public verification link,
/// drawn on the shared <see cref="CertificatePage"/> (Training's mechanism). For the officers who read the event's unit
/// and for the honouree (their e-mail); 404 for anyone else.
/// </summary>
public sealed record DownloadHonourCertificate : IQuery<GeneratedFile>
{
    public const string Route = "/api/v1/participation/commendations/certificates/{id}/pdf";
    public static string For(Guid id) => $"/api/v1/participation/commendations/certificates/{id}/pdf";
    public Guid Id { get; init; }
}

internal sealed class DownloadHonourCertificateHandler(ParticipationDbContext db, ParticipationAccess access, PublicLinks links)
    : IQueryHandler<DownloadHonourCertificate, GeneratedFile>
{
    public async ValueTask<GeneratedFile> Handle(DownloadHonourCertificate query, CancellationToken ct)
    {
        var notFound = new NotFoundException(Localized.Text("Certificate", "giấy chứng nhận"), query.Id);
        var c = await db.HonourCertificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == query.Id, ct) ?? throw notFound;
        var mine = access.MyEmail is { } email && c.Email == email;
        if (!mine && !access.MayReadCommendationsOf(c.UnitId)) throw notFound;
        var e = await db.HonouringEvents.IgnoreQueryFilters().AsNoTracking().FirstAsync(x => x.Id == c.EventId, ct);
        var issuedOn = DateOnly.FromDateTime(VietnamTime.ToLocal(c.IssuedAtUtc));
        var pdf = CertificatePage.Render($"Giấy chứng nhận {c.Number}", c.FormName, c.IssuingUnitName, page =>
        {
            page.Centered(CertificatePage.Upper(c.IssuingUnitName), CertificatePage.Font(14, true), 60);
            page.Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", CertificatePage.Font(10), 84);
            page.Centered("GIẤY CHỨNG NHẬN", CertificatePage.Font(34, true), 125, CertificatePage.AccentBrush);
            page.Centered(c.Kind == NomineeKind.Person ? "Chứng nhận Ông/Bà" : "Chứng nhận tập thể", CertificatePage.Font(14), 182);
            page.Centered(c.HolderName, CertificatePage.Font(26, true), 205);
            page.Centered("đã được khen thưởng", CertificatePage.Font(14), 250);
            page.Centered(c.FormName, CertificatePage.Font(18, true), 273);
            page.Centered($"theo Quyết định số {c.DecisionNumber} ngày {c.DecisionDate:dd/MM/yyyy} của {c.IssuingUnitName}", CertificatePage.Font(13), 306);
            page.Centered($"Tôn vinh tại {e.Name}, ngày {e.HeldOn:dd/MM/yyyy}", CertificatePage.Font(12), 330);
            page.Verification(c.Number, issuedOn, links.HonourVerifyUrl(c.VerificationCode));
            page.Signature("TM. BAN THƯỜNG VỤ", c.IssuingUnitName);
            if (c.RevokedAtUtc is not null) page.RevokedStamp();
        });
        return new GeneratedFile(pdf, $"chung-nhan-ton-vinh-{c.Number.Replace('/', '-').ToLowerInvariant()}.pdf", CertificatePage.ContentType);
    }
}

internal sealed class DownloadHonourCertificateEndpoint(IMediator mediator) : GeneratedFileEndpoint<DownloadHonourCertificate>(mediator)
{
    public override void Configure()
    {
        Get(DownloadHonourCertificate.Route);
        Policies(Permission.ParticipationRead);
        Description(d => d.Produces(200, typeof(Stream), CertificatePage.ContentType));
        Summary(s => s.Summary = "Download an honouree's commendation certificate as a PDF with its QR verification link (the event's unit officers, the honouree)");
    }
}
