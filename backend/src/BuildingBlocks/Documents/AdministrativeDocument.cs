using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Khcn.BuildingBlocks.Documents;

/// <summary>A block of a document's body.</summary>
public abstract record DocumentBlock;

public sealed record Heading(string Text) : DocumentBlock;

public sealed record Paragraph(string Text) : DocumentBlock;

/// <summary>A table; numbers are right-aligned when <see cref="NumericColumns"/> names them.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int>? NumericColumns = null) : DocumentBlock;

/// <summary>An annex after the signature: title lines and blocks.</summary>
public sealed record DocumentAnnex(IReadOnlyList<string> Title, IReadOnlyList<DocumentBlock> Body);

/// <summary>
/// A Vietnamese administrative document in the format of Decree 30/2020/NĐ-CP: the issuing body (and the body it
/// belongs to) with the number/symbol on the left, the national motto on the right with place and date, the kind and
/// title centred, the body, then recipients on the left and the signature block on the right; A4, Times New Roman.
/// </summary>
public sealed record AdministrativeDocument
{
    /// <summary>The body above the issuer, e.g. "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" (optional).</summary>
    public string? ParentBody { get; init; }
    /// <summary>The issuing body, e.g. "LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN".</summary>
    public required string IssuingBody { get; init; }
    /// <summary>Number and symbol, e.g. "15/BC-LĐLĐ"; dots are left for a number assigned at signing.</summary>
    public string? Number { get; init; }
    public required string Place { get; init; }
    public required DateOnly Date { get; init; }
    /// <summary>The kind of document in capitals, e.g. "BÁO CÁO".</summary>
    public required string Kind { get; init; }
    /// <summary>The summary title under the kind, e.g. "Tổng hợp kết quả thực hiện ... năm 2025".</summary>
    public required string Title { get; init; }
    public IReadOnlyList<DocumentBlock> Body { get; init; } = [];
    public IReadOnlyList<string> Recipients { get; init; } = [];
    /// <summary>E.g. "TM. BAN THƯỜNG VỤ" (optional).</summary>
    public string? SigningAuthority { get; init; }
    /// <summary>E.g. "CHỦ TỊCH".</summary>
    public required string SignerTitle { get; init; }
    public string? SignerName { get; init; }
    /// <summary>
    /// An annex (phụ lục) on a new page after the signature, e.g. the list of honourees of a commendation decision: its
    /// title lines centred in bold, a line "(Kèm theo … số … ngày …)" naming this document, then its blocks. Optional.
    /// </summary>
    public DocumentAnnex? Annex { get; init; }

    private const string Font = "Times New Roman";

    /// <summary>
    /// The place and date line. Decree 30/2020/NĐ-CP, Appendix I (format of administrative documents), the rule on the
    /// date of issue: written in full in Arabic numerals, with a leading zero for days below 10 and for months 1 and 2
    /// only — "ngày 01 tháng 8 năm 2023", "ngày 15 tháng 02 năm 2024" (a 1 or 2 added in front cannot turn them into
    /// another date; months from 3 cannot become a month 13). Read from a published summary of Appendix I; the item
    /// number inside the appendix was not checked against the gazetted text.
    /// </summary>
    public static string DateLine(string place, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{place}, ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    public byte[] ToDocx()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.Document = new Document(new Body());
            var body = main.Document.Body!;
            AddStyles(main);

            body.Append(HeaderTable());
            body.Append(Para(Kind.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), bold: true, size: 28, align: JustificationValues.Center, before: 360));
            body.Append(Para(Title, bold: true, size: 28, align: JustificationValues.Center, after: 240));
            foreach (var block in Body) body.Append(Render(block));
            body.Append(SignatureTable());
            if (Annex is { } annex)
            {
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new Run(new Break { Type = BreakValues.Page })));
                foreach (var line in annex.Title) body.Append(Para(line, bold: true, size: 28, align: JustificationValues.Center, after: 0));
                body.Append(Para($"(Kèm theo {Kind} số {(string.IsNullOrWhiteSpace(Number) ? "……/……" : Number)} {DateLine(Place, Date)[(Place.Length + 2)..]} của {IssuingBody})",
                    italic: true, size: 26, align: JustificationValues.Center, after: 240));
                foreach (var block in annex.Body) body.Append(Render(block));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = LeftMargin, Right = RightMargin, Header = 720U, Footer = 720U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunProperties(
                new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                new FontSize { Val = "28" }, new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphProperties(new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Styles.Save();
    }

    /// <summary>The width of the text between the margins (A4 less 30 mm and 20 mm), in twentieths of a point.</summary>
    public const int TextWidth = 11906 - LeftMargin - RightMargin;
    private const int LeftMargin = 1701, RightMargin = 1134;
    /// <summary>Word's default left and right cell margins (0.08 in each).</summary>
    private const int CellPadding = 2 * 108;
    private const int HeaderLeft = 3700, HeaderRight = TextWidth - HeaderLeft;
    private const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>
    /// Decree 30/2020/NĐ-CP, Appendix I, Part II: item 1 (national title and motto: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    /// caps 12–13 pt upright bold; the motto 13–14 pt upright bold, one size above the first line, with a solid line
    /// under it as long as the motto) and item 2 (the parent body caps 12–13 pt upright; the issuing body caps 12–13 pt
    /// upright bold, with a solid line under it of 1/3 to 1/2 its length); item 3 (number 13 pt) and item 4 (place and
    /// date 13–14 pt italic), side by side in a two-column table within the margins. The lines are drawn as paragraph
    /// borders (the decree: drawn, not underlined or typed).
    /// </summary>
    private OpenXmlElement HeaderTable()
    {
        var left = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(ParentBody)) left.Add(Para(ParentBody.ToUpperInvariant(), size: 26, align: JustificationValues.Center, after: 0));
        var issuer = IssuingBody.ToUpperInvariant();
        left.Add(Para(issuer, bold: true, size: 26, align: JustificationValues.Center, after: 0));
        left.Add(Line(Math.Min(EstimatedWidth(issuer, 26), HeaderLeft - CellPadding) * 2 / 5, HeaderLeft));
        left.Add(Para($"Số: {(string.IsNullOrWhiteSpace(Number) ? "……/……" : Number)}", size: 26, align: JustificationValues.Center, before: 120));
        var right = new List<OpenXmlElement>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 24, align: JustificationValues.Center, after: 0),
            Para(Motto, bold: true, size: 26, align: JustificationValues.Center, after: 0),
            Line(Math.Min(EstimatedWidth(Motto, 26), HeaderRight - CellPadding), HeaderRight),
            Para(DateLine(Place, Date), italic: true, size: 26, align: JustificationValues.Center, before: 120),
        };
        return TwoColumns(left, right, HeaderLeft, HeaderRight);
    }

    /// <summary>
    /// A rough width of a line of Times New Roman bold (twips): capitals ~0.72 em, small letters ~0.5 em, spaces and
    /// punctuation ~0.3 em. Used only to size the lines under the header texts.
    /// </summary>
    internal static int EstimatedWidth(string text, int halfPoints)
    {
        var ems = text.Sum(c => char.IsUpper(c) ? 0.72 : char.IsLetterOrDigit(c) ? 0.5 : 0.3);
        return (int)(ems * halfPoints * 10);
    }

    /// <summary>A solid horizontal line of <paramref name="length"/> twips centred in a cell: an empty paragraph's bottom border.</summary>
    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Line(int length, int cellWidth)
    {
        var indent = Math.Max(0, (cellWidth - CellPadding - length) / 2).ToString(CultureInfo.InvariantCulture);
        // Child order follows the schema: borders, spacing, indentation, justification, the mark's run properties.
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "120", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = indent, Right = indent },
            new Justification { Val = JustificationValues.Center },
            new ParagraphMarkRunProperties(new FontSize { Val = "8" })));
    }

    private OpenXmlElement SignatureTable()
    {
        var left = new List<OpenXmlElement> { Para("Nơi nhận:", bold: true, italic: true, size: 24, after: 0) };
        left.AddRange(Recipients.Select((r, i) => Para($"- {r}{(i == Recipients.Count - 1 ? "." : ";")}", size: 22, after: 0)));
        var right = new List<OpenXmlElement>();
        if (!string.IsNullOrWhiteSpace(SigningAuthority)) right.Add(Para(SigningAuthority.ToUpperInvariant(), bold: true, size: 28, align: JustificationValues.Center, after: 0));
        right.Add(Para(SignerTitle.ToUpperInvariant(), bold: true, size: 28, align: JustificationValues.Center, after: 1200));
        if (!string.IsNullOrWhiteSpace(SignerName)) right.Add(Para(SignerName, bold: true, size: 28, align: JustificationValues.Center));
        return TwoColumns(left, right, TextWidth - 4800, 4800);
    }

    private static OpenXmlElement Render(DocumentBlock block) => block switch
    {
        Heading h => Para(h.Text, bold: true, before: 120),
        Paragraph p => Para(p.Text, align: JustificationValues.Both, firstLineIndent: 567),
        Table t => DataTable(t),
        _ => throw new ArgumentOutOfRangeException(nameof(block)),
    };

    private static DocumentFormat.OpenXml.Wordprocessing.Table TwoColumns(IEnumerable<OpenXmlElement> left, IEnumerable<OpenXmlElement> right, int leftWidth, int rightWidth)
    {
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(
            new TableProperties(new TableWidth { Width = (leftWidth + rightWidth).ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(new GridColumn { Width = leftWidth.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = rightWidth.ToString(CultureInfo.InvariantCulture) }));
        var row = new TableRow(Cell(left, leftWidth), Cell(right, rightWidth));
        table.Append(row);
        return table;

        static TableCell Cell(IEnumerable<OpenXmlElement> content, int width)
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(content);
            return cell;
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table DataTable(Table t)
    {
        // Child order follows the schema: width before borders; borders top, left, bottom, right, inside; a grid before the rows.
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table(
            new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct }, border),
            new TableGrid(t.Headers.Select(_ => new GridColumn { Width = (9000 / t.Headers.Count).ToString(CultureInfo.InvariantCulture) })));
        table.Append(new TableRow(t.Headers.Select(h => new TableCell(Para(h, bold: true, size: 24, align: JustificationValues.Center, after: 0)))));
        foreach (var row in t.Rows)
            table.Append(new TableRow(row.Select((value, i) => new TableCell(Para(value, size: 24, after: 0,
                align: t.NumericColumns?.Contains(i) == true ? JustificationValues.Right : JustificationValues.Left)))));
        return table;
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(string text, bool bold = false, bool italic = false, int size = 28,
        JustificationValues? align = null, int before = 0, int after = 120, int firstLineIndent = 0)
    {
        // Child order follows the schema: spacing, indentation, justification.
        var props = new ParagraphProperties(
            new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
        if (firstLineIndent > 0) props.Append(new Indentation { FirstLine = firstLineIndent.ToString(CultureInfo.InvariantCulture) });
        props.Append(new Justification { Val = align ?? JustificationValues.Left });
        var runProps = new RunProperties();
        if (bold) runProps.Append(new Bold());
        if (italic) runProps.Append(new Italic());
        runProps.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        return new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props, new Run(runProps, new DocumentFormat.OpenXml.Wordprocessing.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
