using Khcn.BuildingBlocks.Documents;

namespace Khcn.Training.Certificates;

/// <summary>What a certificate shows (all text already in Vietnamese).</summary>
internal sealed record CertificateContent(
    string FederationName, string HolderName, string CourseTitle, string PartnerName, DateOnly? StartedOn,
    DateOnly CompletedOn, string Number, DateOnly IssuedOn, string VerifyUrl, bool Revoked);

/// <summary>
/// Renders a course certificate (giấy chứng nhận) on the shared <see cref="CertificatePage"/>: the federation, the
/// title, the holder, the course and partner, the dates, and the shared verification block (number, QR code of the
/// public verification URL) and revoked stamp.
/// </summary>
internal static class CertificatePdf
{
    public const string ContentType = CertificatePage.ContentType;

    public static byte[] Render(CertificateContent c) =>
        CertificatePage.Render($"Giấy chứng nhận {c.Number}", c.CourseTitle, c.FederationName, page =>
        {
            page.Centered(CertificatePage.Upper(c.FederationName), CertificatePage.Font(14, true), 60);
            page.Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", CertificatePage.Font(10), 84);
            page.Centered("GIẤY CHỨNG NHẬN", CertificatePage.Font(34, true), 130, CertificatePage.AccentBrush);
            page.Centered("Chứng nhận Ông/Bà", CertificatePage.Font(14), 190);
            page.Centered(c.HolderName, CertificatePage.Font(26, true), 215);
            page.Centered("đã hoàn thành khóa bồi dưỡng", CertificatePage.Font(14), 262);
            page.Centered(c.CourseTitle, CertificatePage.Font(18, true), 287);
            page.Centered($"Đơn vị đào tạo: {c.PartnerName}", CertificatePage.Font(13), 322);
            var dates = c.StartedOn is { } started && started != c.CompletedOn
                ? $"Thời gian: từ {started:dd/MM/yyyy} đến {c.CompletedOn:dd/MM/yyyy}"
                : $"Hoàn thành ngày {c.CompletedOn:dd/MM/yyyy}";
            page.Centered(dates, CertificatePage.Font(13), 344);
            page.Verification(c.Number, c.IssuedOn, c.VerifyUrl);
            page.Signature("TM. BAN THƯỜNG VỤ", c.FederationName);
            if (c.Revoked) page.RevokedStamp();
        });
}
