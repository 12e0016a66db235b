using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Khcn.BuildingBlocks.Text;

namespace Khcn.BuildingBlocks.Files;

/// <summary>
/// The title block above every sheet of a report workbook: the issuing unit, the title, the scope and when it was
/// exported (shown in Vietnam time).
/// </summary>
public sealed record ReportHeading(string Issuer, string Title, string Scope, DateTimeOffset ExportedAt);

/// <summary>A number shown in a format other than the one its type implies (see <see cref="ReportWorkbook"/>).</summary>
public sealed record ReportCell(decimal Value, ReportCellFormat Format)
{
    /// <summary>A fraction shown as a percentage ("0.0%"): 0.825 → 82.5%.</summary>
    public static ReportCell? Percent(decimal? fraction) => fraction is { } f ? new ReportCell(f, ReportCellFormat.Percent) : null;

    /// <summary>A whole number that is a label rather than a quantity (a year): no thousands separator.</summary>
    public static ReportCell? Plain(int? number) => number is { } n ? new ReportCell(n, ReportCellFormat.Plain) : null;
}

public enum ReportCellFormat
{
    Percent,
    Plain,
}

/// <summary>
/// The one way the server writes a report as a spreadsheet (.xlsx). Every sheet opens with the title block —
/// row 1 the issuing unit, row 2 the bold title, row 3 the scope, row 4 "Ngày xuất: dd/MM/yyyy HH:mm" — then a blank
/// row, the bold header row (<see cref="HeaderRow"/>, frozen) and the table. A row is a dictionary from the column's
/// header to its value; the columns are the headers in the order they first appear.
/// Cells take their format from the value: whole numbers (int, long, a whole decimal) "#,##0"; a decimal with a
/// fraction "#,##0.##" (the exact decimal stays in the cell, only the display is rounded); <see cref="DateOnly"/>
/// "dd/MM/yyyy" and <see cref="DateTime"/> "dd/MM/yyyy HH:mm" as real dates; a bool "Có"/"Không"; text as is;
/// <see cref="ReportCell"/> for percentages and years. An enum is refused: a sheet shows Vietnamese labels, not codes.
/// </summary>
public sealed class ReportWorkbook(ReportHeading heading)
{
    /// <summary>The row of the column headers (1-based), below the title block and a blank row.</summary>
    public const int HeaderRow = 6;

    /// <summary>The first header cell, for readers that start there (MiniExcel's <c>startCell</c>).</summary>
    public const string HeaderCell = "A6";

    public const string IntegerFormat = "#,##0";
    public const string DecimalFormat = "#,##0.##";
    public const string PercentFormat = "0.0%";
    public const string DateFormat = "dd/MM/yyyy";
    public const string DateTimeFormat = "dd/MM/yyyy HH:mm";

    private const int MaxSheetName = 31;
    private const double MinWidth = 6, MaxWidth = 60;

    private readonly List<(string Name, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows)> sheets = [];

    /// <summary>
    /// Adds a sheet. Its name is cleaned of []:*?/\, cut to 31 characters and made unique in the workbook: with
    /// " (<paramref name="tag"/>)" when given, else with a number.
    /// </summary>
    public ReportWorkbook Add(string name, IEnumerable<IReadOnlyDictionary<string, object?>> rows, string? tag = null)
    {
        sheets.Add((SheetName(name, tag), rows.ToList()));
        return this;
    }

    private string SheetName(string wanted, string? tag)
    {
        var used = sheets.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        static string Clean(string s) => new string(s.Select(c => "[]:*?/\\".Contains(c) ? ' ' : c).ToArray()).Trim().Trim('\'').Trim();
        static string Fit(string name, string suffix) => suffix.Length >= MaxSheetName
            ? (name + suffix)[^MaxSheetName..].Trim()
            : name[..Math.Min(name.Length, MaxSheetName - suffix.Length)].TrimEnd() + suffix;
        var clean = Clean(wanted);
        if (clean.Length == 0) clean = "Trang";
        var candidate = Fit(clean, "");
        if (!used.Contains(candidate)) return candidate;
        if (!string.IsNullOrWhiteSpace(tag) && Fit(clean, $" ({Clean(tag)})") is var tagged && !used.Contains(tagged)) return tagged;
        for (var n = 2; ; n++)
            if (Fit(clean, $" {n}") is var numbered && !used.Contains(numbered)) return numbered;
    }

    public byte[] ToXlsx()
    {
        if (sheets.Count == 0) throw new InvalidOperationException("A workbook needs at least one sheet.");
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var strings = new SharedStrings();
            var sheetList = new Sheets();
            uint sheetId = 1;
            foreach (var (name, rows) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                worksheetPart.Worksheet = Worksheet(rows, strings);
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = sheetId++, Name = name });
            }
            workbookPart.Workbook.Append(sheetList);
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = strings.Table;
        }
        return stream.ToArray();
    }

    private Worksheet Worksheet(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, SharedStrings strings)
    {
        var columns = rows.SelectMany(r => r.Keys).Distinct().ToList();
        var widths = columns.Select(c => Width(c) * 0.8).ToArray(); // headers wrap, so they count for less
        var data = new SheetData();
        var exported = heading.ExportedAt.ToOffset(VietnamTime.Offset);
        var block = new (string Text, uint Style)[]
        {
            (heading.Issuer.ToUpper(Vi), Style.Issuer),
            (heading.Title, Style.Title),
            (heading.Scope, Style.Subtitle),
            ($"Ngày xuất: {exported.ToString(DateTimeFormat, CultureInfo.InvariantCulture)}", Style.Subtitle),
        };
        for (var i = 0; i < block.Length; i++)
            data.Append(new Row(strings.Cell($"A{i + 1}", block[i].Text, block[i].Style)) { RowIndex = (uint)(i + 1) });
        data.Append(new Row { RowIndex = HeaderRow - 1 });

        var header = new Row { RowIndex = HeaderRow };
        for (var c = 0; c < columns.Count; c++) header.Append(strings.Cell(Reference(c, HeaderRow), columns[c], Style.Header));
        data.Append(header);
        for (var r = 0; r < rows.Count; r++)
        {
            var rowIndex = (uint)(HeaderRow + 1 + r);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < columns.Count; c++)
            {
                var value = rows[r].GetValueOrDefault(columns[c]);
                row.Append(ValueCell(Reference(c, rowIndex), value, strings));
                widths[c] = Math.Max(widths[c], Width(value));
            }
            data.Append(row);
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = HeaderRow, TopLeftCell = $"A{HeaderRow + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0 }));
        if (columns.Count > 0)
            worksheet.Append(new Columns(columns.Select((_, c) => new Column
            {
                Min = (uint)(c + 1), Max = (uint)(c + 1), Width = Math.Clamp(Math.Ceiling(widths[c]) + 2, MinWidth, MaxWidth), CustomWidth = true,
            })));
        worksheet.Append(data);
        if (columns.Count > 1)
        {
            // The title block spans the table, so the title centres over it.
            var last = Letters(columns.Count - 1);
            worksheet.Append(new MergeCells(Enumerable.Range(1, block.Length).Select(i => new MergeCell { Reference = $"A{i}:{last}{i}" })));
        }
        return worksheet;
    }

    private static Cell ValueCell(string reference, object? value, SharedStrings strings) => value switch
    {
        null => new Cell { CellReference = reference, StyleIndex = Style.Text },
        string s => strings.Cell(reference, s, s.Contains('\n') ? Style.WrappedText : Style.Text),
        bool b => strings.Cell(reference, b ? "Có" : "Không", Style.Text),
        int or long or short or byte or uint => Number(reference, Convert.ToDecimal(value, CultureInfo.InvariantCulture), Style.Integer),
        decimal d => Number(reference, d, d == decimal.Truncate(d) ? Style.Integer : Style.Decimal),
        double or float => Number(reference, Convert.ToDecimal(value, CultureInfo.InvariantCulture), Style.Decimal),
        ReportCell { Format: ReportCellFormat.Percent } p => Number(reference, p.Value, Style.Percent),
        ReportCell p => Number(reference, p.Value, Style.Plain),
        DateOnly date => new Cell
        {
            CellReference = reference, StyleIndex = Style.Date,
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        DateTime time => new Cell
        {
            CellReference = reference, StyleIndex = Style.DateTime, CellValue = new CellValue(time.ToOADate().ToString(CultureInfo.InvariantCulture)),
        },
        Enum e => throw new ArgumentException($"{e.GetType().Name}.{e} has no Vietnamese label: give the sheet its label, not the code."),
        _ => strings.Cell(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", Style.Text),
    };

    /// <summary>The exact decimal goes into the file; the style only decides how it shows.</summary>
    private static Cell Number(string reference, decimal value, uint style) => new()
    {
        CellReference = reference, StyleIndex = style, DataType = CellValues.Number, CellValue = new CellValue(value.ToString(CultureInfo.InvariantCulture)),
    };

    /// <summary>The characters a value takes on screen, roughly: the longest line of text, a number with its separators.</summary>
    private static double Width(object? value) => value switch
    {
        null => 0,
        string s => s.Split('\n').Max(line => line.Length),
        decimal d => d.ToString("#,0.##", CultureInfo.InvariantCulture).Length,
        int or long => Convert.ToDecimal(value, CultureInfo.InvariantCulture).ToString("#,0", CultureInfo.InvariantCulture).Length,
        ReportCell => 8,
        DateOnly => DateFormat.Length,
        DateTime => DateTimeFormat.Length,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0,
    };

    private static string Reference(int column, long row) => $"{Letters(column)}{row}";

    /// <summary>A column's letters from its 0-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    private static string Letters(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>Indexes into <see cref="Stylesheet"/>'s cell formats.</summary>
    private static class Style
    {
        public const uint Default = 0, Issuer = 1, Title = 2, Subtitle = 3, Header = 4, Text = 5, WrappedText = 6,
            Integer = 7, Decimal = 8, Percent = 9, Date = 10, DateTime = 11, Plain = 12;
    }

    private static Stylesheet Stylesheet()
    {
        // Custom number formats start at 164; writing them out (rather than the built-in ids) keeps the codes visible.
        var formats = new[] { IntegerFormat, DecimalFormat, PercentFormat, DateFormat, DateTimeFormat, "0" };
        uint Format(string code) => (uint)(164 + Array.IndexOf(formats, code));
        static Font Font(bool bold = false, double size = 11, bool italic = false)
        {
            var font = new Font();
            if (bold) font.Append(new Bold());
            if (italic) font.Append(new Italic());
            font.Append(new FontSize { Val = size }, new FontName { Val = "Times New Roman" });
            return font;
        }
        static CellFormat Xf(uint font = 0, uint fill = 0, uint border = 0, uint format = 0, bool wrap = false,
            HorizontalAlignmentValues? horizontal = null, VerticalAlignmentValues? vertical = null)
        {
            var xf = new CellFormat
            {
                FontId = font, FillId = fill, BorderId = border, NumberFormatId = format, FormatId = 0,
                ApplyFont = font != 0, ApplyFill = fill != 0, ApplyBorder = border != 0, ApplyNumberFormat = format != 0,
            };
            if (wrap || horizontal is not null || vertical is not null)
            {
                xf.ApplyAlignment = true;
                var alignment = new Alignment();
                if (wrap) alignment.WrapText = true;
                if (horizontal is { } h) alignment.Horizontal = h;
                if (vertical is { } v) alignment.Vertical = v;
                xf.Append(alignment);
            }
            return xf;
        }
        var thin = new Border(
            new LeftBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new RightBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new TopBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new BottomBorder(new Color { Indexed = 64 }) { Style = BorderStyleValues.Thin },
            new DiagonalBorder());
        return new Stylesheet(
            new NumberingFormats(formats.Select(code => new NumberingFormat { NumberFormatId = Format(code), FormatCode = code })) { Count = (uint)formats.Length },
            new Fonts(Font(), Font(bold: true), Font(bold: true, size: 14), Font(italic: true)) { Count = 4 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDDEBF7" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()), thin) { Count = 2 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Xf(),                                                                                    // Default
                Xf(font: 1, horizontal: HorizontalAlignmentValues.Center),                               // Issuer
                Xf(font: 2, horizontal: HorizontalAlignmentValues.Center),                               // Title
                Xf(font: 3, horizontal: HorizontalAlignmentValues.Center),                               // Subtitle
                Xf(font: 1, fill: 2, border: 1, wrap: true, horizontal: HorizontalAlignmentValues.Center, vertical: VerticalAlignmentValues.Center), // Header
                Xf(border: 1, vertical: VerticalAlignmentValues.Top),                                    // Text
                Xf(border: 1, wrap: true, vertical: VerticalAlignmentValues.Top),                        // WrappedText
                Xf(border: 1, format: Format(IntegerFormat), vertical: VerticalAlignmentValues.Top),     // Integer
                Xf(border: 1, format: Format(DecimalFormat), vertical: VerticalAlignmentValues.Top),     // Decimal
                Xf(border: 1, format: Format(PercentFormat), vertical: VerticalAlignmentValues.Top),     // Percent
                Xf(border: 1, format: Format(DateFormat), vertical: VerticalAlignmentValues.Top, horizontal: HorizontalAlignmentValues.Center),     // Date
                Xf(border: 1, format: Format(DateTimeFormat), vertical: VerticalAlignmentValues.Top, horizontal: HorizontalAlignmentValues.Center), // DateTime
                Xf(border: 1, format: Format("0"), vertical: VerticalAlignmentValues.Top, horizontal: HorizontalAlignmentValues.Center))             // Plain
            { Count = 13 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    /// <summary>The workbook's shared strings, each text stored once.</summary>
    private sealed class SharedStrings
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        public SharedStringTable Table { get; } = new();

        public Cell Cell(string reference, string text, uint style)
        {
            if (!index.TryGetValue(text, out var i))
            {
                i = index.Count;
                index[text] = i;
                Table.Append(new SharedStringItem(new DocumentFormat.OpenXml.Spreadsheet.Text(text) { Space = SpaceProcessingModeValues.Preserve }));
            }
            return new Cell { CellReference = reference, StyleIndex = style, DataType = CellValues.SharedString, CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) };
        }
    }
}
