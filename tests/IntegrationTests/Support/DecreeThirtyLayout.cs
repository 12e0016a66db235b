using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Khcn.IntegrationTests.Support;

/// <summary>
/// The layout of any administrative .docx (annual report, synthesis, council decisions and minutes, commendation
/// decisions) against Decree 30/2020/NĐ-CP, Appendix I (the format and presentation of administrative
/// documents), element by element — not only its words. Rules as published summaries of Appendix I give them:
/// <list type="bullet">
/// <item>Part I: A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm; font Times New Roman (Unicode, TCVN 6909:2001).</item>
/// <item>Part II item 1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" caps, 12–13 pt, upright, bold; "Độc lập - Tự do - Hạnh phúc"
/// 13–14 pt (one size above the first line), upright, bold, centred under it, with a solid line under it as long as the motto.</item>
/// <item>Part II item 2: the parent body caps 12–13 pt upright (not bold); the issuing body caps 12–13 pt upright bold,
/// with a solid line under it of 1/3 to 1/2 its length; both blocks at the top, the bodies left and the motto right.</item>
/// <item>Part II item 3: "Số:" 13 pt upright. Item 4: place and date 13–14 pt italic, under the motto.</item>
/// <item>Part II item 5: the kind of document caps 13–14 pt upright bold, centred; its summary title 14 pt bold, centred.</item>
/// <item>Part II item 6: the body 13–14 pt. Item 7: the signer's title caps 13–14 pt bold. Item 9: "Nơi nhận:" 12 pt
/// bold italic, the recipients 11 pt upright.</item>
/// </list>
/// </summary>
internal static class DecreeThirtyLayout
{
    private const double TwipsPerMm = 1440 / 25.4;
    private const int CellPadding = 2 * 108;

    public static void ShouldFollowDecreeThirty(this WordprocessingDocument doc)
    {
        var main = doc.MainDocumentPart!;
        var body = main.Document!.Body!;

        // Part I: the font, everywhere.
        var fonts = main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!.RunFonts!;
        new[] { fonts.Ascii?.Value, fonts.HighAnsi?.Value, fonts.ComplexScript?.Value }.ShouldAllBe(f => f == "Times New Roman");
        body.Descendants<RunFonts>().ShouldAllBe(f => f.Ascii == null || f.Ascii.Value == "Times New Roman", "no run switches font");

        // Part I: A4 portrait and the margins.
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        ((int)size.Width!.Value, (int)size.Height!.Value).ShouldBe((11906, 16838), "A4 portrait");
        var margin = section.GetFirstChild<PageMargin>()!;
        Mm(margin.Top!.Value).ShouldBeInRange(20, 25, "top margin 20–25 mm");
        Mm(margin.Bottom!.Value).ShouldBeInRange(20, 25, "bottom margin 20–25 mm");
        Mm(margin.Left!.Value).ShouldBeInRange(30, 35, "left margin 30–35 mm");
        Mm(margin.Right!.Value).ShouldBeInRange(15, 20, "right margin 15–20 mm");
        var textWidth = (int)size.Width.Value - (int)margin.Left.Value - (int)margin.Right.Value;

        // Part II items 1–4: the two header blocks side by side, within the margins.
        var header = body.ChildElements.First().ShouldBeOfType<Table>("the header blocks come first");
        var grid = header.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Select(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture)).ToList();
        grid.Count.ShouldBe(2, "two columns: the bodies left, the national title right");
        grid.Sum().ShouldBeLessThanOrEqualTo(textWidth, "the header stays within the margins");
        var cells = header.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().ToList();
        var right = cells[1].Elements<Paragraph>().ToList();

        var issuerAt = left.FindIndex(p => p.InnerText.StartsWith("Số:", StringComparison.Ordinal)) - 2;
        issuerAt.ShouldBeInRange(0, 1, "the issuing body, its line, then the number");
        if (issuerAt == 1)
        {
            var parent = left[0];
            parent.InnerText.ShouldBe(parent.InnerText.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "the parent body in capitals");
            Bold(parent).ShouldBeFalse("the parent body upright, not bold");
            Italic(parent).ShouldBeFalse();
            Pt(parent).ShouldBeInRange(12, 13);
        }
        var issuer = left[issuerAt];
        issuer.InnerText.ShouldBe(issuer.InnerText.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "the issuing body in capitals");
        Bold(issuer).ShouldBeTrue("the issuing body bold");
        Italic(issuer).ShouldBeFalse();
        Pt(issuer).ShouldBeInRange(12, 13);
        var issuerText = Math.Min(Estimated(issuer.InnerText, Pt(issuer)), grid[0] - CellPadding);
        LineLength(left[issuerAt + 1], grid[0]).ShouldBeInRange(issuerText / 3.0, issuerText / 2.0,
            "a solid line under the issuing body, 1/3 to 1/2 of its length");
        var number = left[issuerAt + 2];
        Pt(number).ShouldBe(13, "the number 13 pt");
        Italic(number).ShouldBeFalse();

        right[0].InnerText.ShouldBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        Bold(right[0]).ShouldBeTrue();
        Italic(right[0]).ShouldBeFalse();
        Pt(right[0]).ShouldBeInRange(12, 13);
        right[1].InnerText.ShouldBe("Độc lập - Tự do - Hạnh phúc");
        Bold(right[1]).ShouldBeTrue();
        Italic(right[1]).ShouldBeFalse();
        Pt(right[1]).ShouldBeInRange(13, 14);
        Pt(right[1]).ShouldBe(Pt(right[0]) + 1, "the motto one size above the national title");
        var motto = Math.Min(Estimated(right[1].InnerText, Pt(right[1])), grid[1] - CellPadding);
        LineLength(right[2], grid[1]).ShouldBeInRange(motto * 0.85, motto * 1.15, "a solid line under the motto, as long as the motto");
        var date = right[3];
        date.InnerText.ShouldMatch(@"^.+, ngày \d{2} tháng \d{1,2} năm \d{4}$");
        Italic(date).ShouldBeTrue("place and date italic");
        Bold(date).ShouldBeFalse();
        Pt(date).ShouldBeInRange(13, 14);
        new[] { right[0], right[1], date }.ShouldAllBe(p => Centred(p));

        // Part II item 5: the kind and the title, centred, bold.
        var kind = header.ElementsAfter().OfType<Paragraph>().First();
        var title = kind.ElementsAfter().OfType<Paragraph>().First();
        kind.InnerText.ShouldBe(kind.InnerText.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "the kind in capitals");
        Bold(kind).ShouldBeTrue();
        Italic(kind).ShouldBeFalse();
        Centred(kind).ShouldBeTrue();
        Pt(kind).ShouldBeInRange(13, 14);
        Bold(title).ShouldBeTrue();
        Centred(title).ShouldBeTrue();
        Pt(title).ShouldBe(14);

        // Part II item 6: the body's paragraphs (outside tables) 13–14 pt, up to the signature.
        var signature = title.ElementsAfter().OfType<Table>().Last(t => t.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count() == 2
            && t.InnerText.Contains("Nơi nhận:", StringComparison.Ordinal));
        foreach (var p in title.ElementsAfter().TakeWhile(e => e != signature).OfType<Paragraph>().Where(p => p.InnerText.Length > 0))
            Pt(p).ShouldBeInRange(13, 14, $"body text 13–14 pt: {p.InnerText}");

        // Part II items 7 and 9: recipients left, the signer right, within the margins.
        signature.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!, CultureInfo.InvariantCulture))
            .ShouldBeLessThanOrEqualTo(textWidth, "the signature block stays within the margins");
        var signatureCells = signature.Elements<TableRow>().Single().Elements<TableCell>().ToList();
        var recipients = signatureCells[0].Elements<Paragraph>().ToList();
        recipients[0].InnerText.ShouldBe("Nơi nhận:");
        (Bold(recipients[0]), Italic(recipients[0]), Pt(recipients[0])).ShouldBe((true, true, 12.0), "\"Nơi nhận:\" 12 pt bold italic");
        recipients.Skip(1).ShouldAllBe(p => Pt(p) == 11 && !Bold(p) && !Italic(p), "recipients 11 pt upright");
        var signer = signatureCells[1].Elements<Paragraph>().Where(p => p.InnerText.Length > 0).ToList();
        foreach (var line in signer.Take(signer.Count - 1))
        {
            line.InnerText.ShouldBe(line.InnerText.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), "the signing authority and title in capitals");
            Bold(line).ShouldBeTrue();
            Pt(line).ShouldBeInRange(13, 14);
        }
        Bold(signer[^1]).ShouldBeTrue("the signer's name bold");
        Pt(signer[^1]).ShouldBeInRange(13, 14);
    }

    private static double Mm(uint twips) => Math.Round(twips / TwipsPerMm, 1);

    private static double Mm(int twips) => Math.Round(twips / TwipsPerMm, 1);

    private static IEnumerable<RunProperties> Runs(Paragraph p) =>
        p.Elements<Run>().Where(r => r.InnerText.Length > 0).Select(r => r.RunProperties ?? new RunProperties());

    private static bool Bold(Paragraph p) => Runs(p).ShouldAllBeSame(r => r.Bold is { } b && (b.Val is null || b.Val.Value));

    private static bool Italic(Paragraph p) => Runs(p).ShouldAllBeSame(r => r.Italic is { } i && (i.Val is null || i.Val.Value));

    /// <summary>Points (the document's default is 14 pt).</summary>
    private static double Pt(Paragraph p) => Runs(p).ShouldAllBeSame(r => r.FontSize?.Val is { } v ? int.Parse(v!, CultureInfo.InvariantCulture) / 2.0 : 14);

    private static bool Centred(Paragraph p) => p.ParagraphProperties?.Justification?.Val?.Value == JustificationValues.Center;

    private static T ShouldAllBeSame<T>(this IEnumerable<RunProperties> runs, Func<RunProperties, T> of)
    {
        var values = runs.Select(of).Distinct().ToList();
        values.Count.ShouldBe(1, "one format across the paragraph's runs");
        return values[0];
    }

    /// <summary>
    /// The length of a drawn line: an empty paragraph with a single bottom border (not typed dashes, not an underline),
    /// centred in its cell; its length is the cell's text width less the indents.
    /// </summary>
    private static double LineLength(Paragraph p, int cellWidth)
    {
        p.InnerText.ShouldBeEmpty("a drawn line, not typed characters");
        var bottom = p.ParagraphProperties?.ParagraphBorders?.BottomBorder;
        bottom.ShouldNotBeNull("the line is the paragraph's bottom border");
        bottom.Val!.Value.ShouldBe(BorderValues.Single, "a solid line");
        var indent = p.ParagraphProperties!.Indentation!;
        var (l, r) = (int.Parse(indent.Left?.Value ?? "0", CultureInfo.InvariantCulture), int.Parse(indent.Right?.Value ?? "0", CultureInfo.InvariantCulture));
        l.ShouldBe(r, "the line centred under its text");
        return cellWidth - CellPadding - l - r;
    }

    /// <summary>
    /// A rough width (twips) of a line of Times New Roman bold: capitals ~0.72 em, small letters ~0.5 em, other
    /// characters ~0.3 em (enough to judge a line as long as its text, or a third to a half of it).
    /// </summary>
    private static double Estimated(string text, double points) =>
        text.Sum(c => char.IsUpper(c) ? 0.72 : char.IsLetterOrDigit(c) ? 0.5 : 0.3) * points * 20;
}
