using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Khcn.BuildingBlocks.Files;
using MiniExcelLibs;

namespace Khcn.IntegrationTests.Support;

/// <summary>Reading the report workbooks the API writes (<see cref="ReportWorkbook"/>).</summary>
public static class Spreadsheets
{
    /// <summary>A sheet's table as rows keyed by header: the header row sits below the title block.</summary>
    public static List<IDictionary<string, object>> ReportRows(this Stream stream, string sheetName) =>
        stream.Query(useHeaderRow: true, sheetName: sheetName, startCell: ReportWorkbook.HeaderCell).Cast<IDictionary<string, object>>().ToList();
}

/// <summary>A downloaded .xlsx opened as Excel would read it: the text shown, the stored value and the number format of a cell.</summary>
public sealed class OpenedWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public OpenedWorkbook(byte[] content) => _document = SpreadsheetDocument.Open(new MemoryStream(content), false);

    public void Dispose() => _document.Dispose();

    public SpreadsheetDocument Document => _document;

    public IReadOnlyList<string> SheetNames => Workbook.Workbook!.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private WorkbookPart Workbook => _document.WorkbookPart!;

    public Cell? Cell(string sheetName, string reference)
    {
        var sheet = Workbook.Workbook!.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)Workbook.GetPartById(sheet.Id!);
        return part.Worksheet!.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);
    }

    /// <summary>The text of a cell (a shared string resolved), or its stored value for a number.</summary>
    public string Text(string sheetName, string reference)
    {
        var cell = Cell(sheetName, reference);
        if (cell?.CellValue is null) return "";
        if (cell.DataType?.Value != CellValues.SharedString) return cell.CellValue.Text;
        var index = int.Parse(cell.CellValue.Text, CultureInfo.InvariantCulture);
        return Workbook.SharedStringTablePart!.SharedStringTable!.Elements<SharedStringItem>().ElementAt(index).InnerText;
    }

    /// <summary>Whether Excel reads the cell as a number (no text type) and, if so, its exact stored value.</summary>
    public decimal? Number(string sheetName, string reference)
    {
        var cell = Cell(sheetName, reference);
        if (cell?.CellValue is null || (cell.DataType is not null && cell.DataType.Value != CellValues.Number)) return null;
        return decimal.Parse(cell.CellValue.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The number format code the cell's style shows it with ("General" when none).</summary>
    public string NumberFormat(string sheetName, string reference)
    {
        var styleIndex = Cell(sheetName, reference)?.StyleIndex?.Value ?? 0;
        var stylesheet = Workbook.WorkbookStylesPart!.Stylesheet!;
        var formatId = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex).NumberFormatId?.Value ?? 0;
        return stylesheet.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(f => f.NumberFormatId?.Value == formatId)?.FormatCode?.Value
            ?? (formatId == 0 ? "General" : $"built-in {formatId}");
    }

    public bool IsBold(string sheetName, string reference)
    {
        var styleIndex = Cell(sheetName, reference)?.StyleIndex?.Value ?? 0;
        var stylesheet = Workbook.WorkbookStylesPart!.Stylesheet!;
        var fontId = stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)styleIndex).FontId?.Value ?? 0;
        return stylesheet.Fonts!.Elements<Font>().ElementAt((int)fontId).Elements<Bold>().Any();
    }

    /// <summary>The letters of the column whose header (in the report's header row) is <paramref name="header"/>.</summary>
    public string ColumnOf(string sheetName, string header)
    {
        for (var c = 0; c < 200; c++)
            if (Text(sheetName, $"{Column(c)}{ReportWorkbook.HeaderRow}") == header) return Column(c);
        throw new InvalidOperationException($"No column '{header}' in '{sheetName}'.");
    }

    public static string Column(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}
