using System.Globalization;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using QRCoder;

namespace Khcn.BuildingBlocks.Documents;

/// <summary>
/// The one way a module draws a certificate (giấy chứng nhận, giấy khen): an A4 landscape PDF page with the double
/// frame, centred lines in the embedded Vietnamese typeface (<see cref="CertificateFonts"/>), the public verification
/// block — a QR code of the verification URL drawn from QRCoder's module matrix as vector squares, clickable, with the
/// URL printed beside it — and the "ĐÃ THU HỒI" stamp of a revoked certificate. A module supplies only its wording
/// (Training's course certificate, Participation's commendation certificate).
/// </summary>
public sealed class CertificatePage
{
    public const string ContentType = "application/pdf";

    public static readonly XColor Accent = XColor.FromArgb(0xA5, 0x1C, 0x1C);
    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);

    private CertificatePage(XGraphics gfx, PdfPage page)
    {
        Graphics = gfx;
        Page = page;
    }

    public XGraphics Graphics { get; }
    public PdfPage Page { get; }
    public double Width => Page.Width.Point;
    public double Height => Page.Height.Point;

    /// <summary>Renders one certificate page: <paramref name="draw"/> writes its content on the framed page.</summary>
    public static byte[] Render(string title, string subject, string author, Action<CertificatePage> draw)
    {
        CertificateFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Subject = subject;
        document.Info.Author = author;
        var page = document.AddPage();
        page.Size = PageSize.A4;
        page.Orientation = PageOrientation.Landscape;
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            var c = new CertificatePage(gfx, page);
            c.Frame();
            draw(c);
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    public static XFont Font(double size, bool bold = false) =>
        new(CertificateFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);

    public static XBrush AccentBrush => new XSolidBrush(Accent);

    /// <summary>Upper case as Vietnamese writes it (the issuing body's name).</summary>
    public static string Upper(string text) => text.ToUpper(CultureInfo.GetCultureInfo("vi-VN"));

    private void Frame()
    {
        Graphics.DrawRectangle(new XPen(Accent, 3), 24, 24, Width - 48, Height - 48);
        Graphics.DrawRectangle(new XPen(Accent, 0.8), 32, 32, Width - 64, Height - 64);
    }

    /// <summary>A line centred between the margins at <paramref name="y"/>.</summary>
    public void Centered(string text, XFont font, double y, XBrush? brush = null) =>
        Graphics.DrawString(text, font, brush ?? XBrushes.Black, new XRect(60, y, Width - 120, font.Height + 4), XStringFormats.TopCenter);

    /// <summary>A line in a box (top left unless <paramref name="format"/> says otherwise).</summary>
    public void Text(string text, XFont font, double x, double y, double width, XStringFormat? format = null) =>
        Graphics.DrawString(text, font, XBrushes.Black, new XRect(x, y, width, font.Height + 4), format ?? XStringFormats.TopLeft);

    /// <summary>
    /// The verification block: the number and issue date, the invitation to verify with the URL at the bottom left, and
    /// the QR code of the URL (a link too) at the bottom centre.
    /// </summary>
    public void Verification(string number, DateOnly issuedOn, string verifyUrl)
    {
        var h = Height;
        Text($"Số: {number}", Font(12, true), 70, h - 150, 300);
        Text($"Cấp ngày {issuedOn:dd/MM/yyyy}", Font(10), 70, h - 128, 300);
        Text("Tra cứu tính hợp lệ: quét mã QR hoặc mở địa chỉ", Font(10), 70, h - 110, 330);
        Text(verifyUrl, Font(8), 70, h - 96, 480);
        const double qr = 96;
        var qrX = Width / 2 - qr / 2;
        var qrY = h - 60 - qr;
        DrawQr(verifyUrl, qrX, qrY, qr);
        // PDF link rectangles count from the bottom of the page.
        Page.AddWebLink(new PdfRectangle(new XRect(qrX, h - qrY - qr, qr, qr)), verifyUrl);
    }

    /// <summary>The signature block at the bottom right: who signs for the issuing body.</summary>
    public void Signature(string authority, string issuer)
    {
        Text(authority, Font(12, true), Width - 330, Height - 160, 260, XStringFormats.TopCenter);
        Text(issuer, Font(10), Width - 330, Height - 140, 260, XStringFormats.TopCenter);
    }

    /// <summary>The diagonal "ĐÃ THU HỒI" stamp over a revoked certificate.</summary>
    public void RevokedStamp()
    {
        var state = Graphics.Save();
        Graphics.RotateAtTransform(-20, new XPoint(Width / 2, Height / 2));
        Graphics.DrawString("ĐÃ THU HỒI", Font(72, true), new XSolidBrush(XColor.FromArgb(110, 0xC0, 0, 0)),
            new XRect(0, Height / 2 - 50, Width, 100), XStringFormats.Center);
        Graphics.Restore(state);
    }

    /// <summary>The modules of the QR code of <paramref name="payload"/> (true: dark), quiet zone included.</summary>
    public static bool[][] QrModules(string payload)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => row.Cast<bool>().ToArray()).ToArray();
    }

    /// <summary>Draws the QR code as vector squares: sharp at any zoom or print size, no image decoder involved.</summary>
    private void DrawQr(string payload, double x, double y, double size)
    {
        var modules = QrModules(payload);
        var cell = size / modules.Length;
        for (var r = 0; r < modules.Length; r++)
        for (var col = 0; col < modules[r].Length; col++)
            if (modules[r][col])
                Graphics.DrawRectangle(XBrushes.Black, x + col * cell, y + r * cell, cell + 0.05, cell + 0.05);
    }
}
