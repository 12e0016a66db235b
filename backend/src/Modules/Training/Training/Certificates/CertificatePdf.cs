using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Khcn.Training.Certificates;

/// <summary>What a certificate shows (all text already in Vietnamese).</summary>
internal sealed record CertificateContent(
    string FederationName, string HolderName, string CourseTitle, string PartnerName, DateOnly? StartedOn,
    DateOnly CompletedOn, string Number, DateOnly IssuedOn, string VerifyUrl, bool Revoked);

/// <summary>
/// Renders a certificate (giấy chứng nhận) as an A4 landscape PDF: the federation, the title, the holder, the
/// course and partner, the dates and number, and a QR code of the public verification URL (also a link on the
/// page and printed under the code). The typeface is embedded (<see cref="CertificateFonts"/>), so diacritics
/// render on any reader. The QR code is drawn from QRCoder's module matrix as vector squares.
/// </summary>
internal static class CertificatePdf
{
    public const string ContentType = "application/pdf";

    private static readonly XColor Accent = XColor.FromArgb(0xA5, 0x1C, 0x1C);

    public static byte[] Render(CertificateContent c)
    {
        CertificateFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"Giấy chứng nhận {c.Number}";
        document.Info.Subject = c.CourseTitle;
        document.Info.Author = c.FederationName;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
            Draw(gfx, page, c);
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>The modules of the QR code of <paramref name="payload"/> (true: dark), quiet zone included.</summary>
    public static bool[][] QrModules(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToArray();
    }

    /// <summary>Draws the QR code as vector squares: sharp at any zoom or print size, no image decoder involved.</summary>
    private static void DrawQr(XGraphics gfx, string payload, double x, double y, double size)
    {
        var modules = QrModules(payload);
        var cell = size / modules.Length;
        for (var r = 0; r < modules.Length; r++)
        for (var col = 0; col < modules[r].Length; col++)
            if (modules[r][col])
                gfx.DrawRectangle(XBrushes.Black, x + col * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }

    private static void Draw(XGraphics gfx, PdfPage page, CertificateContent c)
    {
        var w = page.Width.Point;
        var h = page.Height.Point;
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont Font(double size, bool bold = false) =>
            new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, unicode);

        var accent = new XSolidBrush(Accent);
        gfx.DrawRectangle(new XPen(Accent, 3), 24, 24, w - 48, h - 48);
        gfx.DrawRectangle(new XPen(Accent, 0.8), 32, 32, w - 64, h - 64);

        void Centered(string text, XFont font, XBrush brush, double y) =>
            gfx.DrawString(text, font, brush, new XRect(60, y, w - 120, font.Height + 4), XStringFormats.TopCenter);

        Centered(c.FederationName.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), Font(14, true), XBrushes.Black, 60);
        Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM — Độc lập - Tự do - Hạnh phúc", Font(10), XBrushes.Black, 84);
        Centered("GIẤY CHỨNG NHẬN", Font(34, true), accent, 130);
        Centered("Chứng nhận Ông/Bà", Font(14), XBrushes.Black, 190);
        Centered(c.HolderName, Font(26, true), XBrushes.Black, 215);
        Centered("đã hoàn thành khóa bồi dưỡng", Font(14), XBrushes.Black, 262);
        Centered(c.CourseTitle, Font(18, true), XBrushes.Black, 287);
        Centered($"Đơn vị đào tạo: {c.PartnerName}", Font(13), XBrushes.Black, 322);
        var dates = c.StartedOn is { } started && started != c.CompletedOn
            ? $"Thời gian: từ {started:dd/MM/yyyy} đến {c.CompletedOn:dd/MM/yyyy}"
            : $"Hoàn thành ngày {c.CompletedOn:dd/MM/yyyy}";
        Centered(dates, Font(13), XBrushes.Black, 344);

        var small = Font(10);
        gfx.DrawString($"Số: {c.Number}", Font(12, true), XBrushes.Black, new XRect(70, h - 150, 300, 20), XStringFormats.TopLeft);
        gfx.DrawString($"Cấp ngày {c.IssuedOn:dd/MM/yyyy}", small, XBrushes.Black, new XRect(70, h - 128, 300, 16), XStringFormats.TopLeft);
        gfx.DrawString("Tra cứu tính hợp lệ: quét mã QR hoặc mở địa chỉ", small, XBrushes.Black, new XRect(70, h - 110, 330, 16), XStringFormats.TopLeft);
        gfx.DrawString(c.VerifyUrl, Font(8), XBrushes.Black, new XRect(70, h - 96, 480, 14), XStringFormats.TopLeft);

        gfx.DrawString("TM. BAN THƯỜNG VỤ", Font(12, true), XBrushes.Black, new XRect(w - 330, h - 160, 260, 18), XStringFormats.TopCenter);
        gfx.DrawString(c.FederationName, small, XBrushes.Black, new XRect(w - 330, h - 140, 260, 16), XStringFormats.TopCenter);

        const double qr = 96;
        var qrX = w / 2 - qr / 2;
        var qrY = h - 60 - qr;
        DrawQr(gfx, c.VerifyUrl, qrX, qrY, qr);
        // PDF link rectangles count from the bottom of the page.
        page.AddWebLink(new PdfRectangle(new XRect(qrX, h - qrY - qr, qr, qr)), c.VerifyUrl);

        if (c.Revoked)
        {
            var state = gfx.Save();
            gfx.RotateAtTransform(-20, new XPoint(w / 2, h / 2));
            gfx.DrawString("ĐÃ THU HỒI", Font(72, true), new XSolidBrush(XColor.FromArgb(110, 0xC0, 0, 0)),
                new XRect(0, h / 2 - 50, w, 100), XStringFormats.Center);
            gfx.Restore(state);
        }
    }
}
