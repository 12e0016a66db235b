using PdfSharp.Fonts;

namespace Khcn.BuildingBlocks.Documents;

/// <summary>
/// PDFsharp's font source for certificates: DejaVu Serif (regular and bold, Vietnamese complete), embedded in this
/// assembly so that a certificate renders the same on every machine, with or without system fonts. PDFsharp wants
/// one resolver per process, set before the first font is used: <see cref="EnsureRegistered"/> does that once.
/// </summary>
public sealed class CertificateFonts : IFontResolver
{
    public const string Family = "DejaVu Serif";
    private const string Regular = "DejaVuSerif";
    private const string Bold = "DejaVuSerif-Bold";

    private static readonly CertificateFonts Instance = new();
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, byte[]> Cache = [];

    private CertificateFonts() { }

    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is CertificateFonts) return;
            GlobalFontSettings.FontResolver = Instance;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        // Every family resolves to DejaVu: a certificate uses only it, and nothing may fall back to a font without
        // Vietnamese glyphs. Italic is simulated by PDFsharp when asked for.
        new(bold ? Bold : Regular, false, italic);

    public byte[]? GetFont(string faceName)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(faceName, out var bytes)) return bytes;
            using var stream = typeof(CertificateFonts).Assembly.GetManifestResourceStream($"Khcn.BuildingBlocks.Fonts.{faceName}.ttf")
                               ?? throw new InvalidOperationException($"The font {faceName} is not embedded in the BuildingBlocks assembly.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return Cache[faceName] = copy.ToArray();
        }
    }
}
