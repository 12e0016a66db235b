using System.Data;
using System.Globalization;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Domain;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace Khcn.Organization.Features.Labour;

/// <summary>A problem with one cell (or row) of an imported sheet: the row number as Excel shows it and the column header.</summary>
public sealed record ImportRowError(int Row, string Column, string Code, string Message);

/// <summary>One data row of the sheet, read and typed; the values are checked by <see cref="LabourRules"/> afterwards.</summary>
internal sealed record SheetRow(int Row, EnterpriseDetails Enterprise, string? GrassrootsCode, int? Year, YearFigureValues? Figures);

/// <summary>
/// The spreadsheet of the labour database: one row per enterprise and year, Vietnamese headers, ownership and sector
/// as Vietnamese labels. Export, template and import share these columns, so an exported file imports back unchanged.
/// </summary>
internal static partial class LabourSheet
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)$")]
    private static partial System.Text.RegularExpressions.Regex WholeText();

    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string SheetName = "Doanh nghiệp";

    public const string TaxCode = "Mã số thuế";
    public const string Name = "Tên doanh nghiệp";
    public const string Ownership = "Loại hình sở hữu";
    public const string Sector = "Ngành";
    public const string District = "Huyện/thị xã/thành phố";
    public const string Zone = "Khu công nghiệp";
    public const string Address = "Địa chỉ";
    public const string Grassroots = "Mã CĐCS";
    public const string Year = "Năm";
    public const string Workforce = "Tổng số lao động";
    public const string Women = "Lao động nữ";
    public const string Members = "Đoàn viên công đoàn";
    public const string Income = "Thu nhập bình quân (đồng/tháng)";
    public const string Cba = "Có TƯLĐTT";
    public const string CbaSigned = "Ngày ký TƯLĐTT";
    public const string CbaExpires = "Ngày hết hạn TƯLĐTT";
    public const string Disputes = "Số vụ tranh chấp lao động";
    public const string Stoppages = "Số cuộc ngừng việc tập thể";
    public const string Dialogues = "Số cuộc đối thoại";

    public static readonly string[] Columns =
        [TaxCode, Name, Ownership, Sector, District, Zone, Address, Grassroots, Year, Workforce, Women, Members, Income, Cba, CbaSigned, CbaExpires, Disputes, Stoppages, Dialogues];

    private static readonly string[] Required = [TaxCode, Name, Ownership, Sector, District, Year, Workforce];

    /// <summary>The column of each API field, to report rule violations where the user typed the value.</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnOfField = new Dictionary<string, string>
    {
        ["taxCode"] = TaxCode, ["name"] = Name, ["ownership"] = Ownership, ["sector"] = Sector, ["district"] = District,
        ["industrialZone"] = Zone, ["address"] = Address, ["grassrootsUnitId"] = Grassroots, ["year"] = Year, ["workforce"] = Workforce,
        ["women"] = Women, ["unionMembers"] = Members, ["averageMonthlyIncome"] = Income, ["cbaSigned"] = Cba, ["cbaSignedOn"] = CbaSigned,
        ["cbaExpiresOn"] = CbaExpires, ["disputes"] = Disputes, ["stoppages"] = Stoppages, ["dialogues"] = Dialogues,
    };

    public static readonly IReadOnlyDictionary<Domain.Ownership, string> OwnershipLabels = new Dictionary<Domain.Ownership, string>
    {
        [Domain.Ownership.State] = "Nhà nước", [Domain.Ownership.Private] = "Tư nhân", [Domain.Ownership.Fdi] = "FDI",
        [Domain.Ownership.Collective] = "Tập thể", [Domain.Ownership.Other] = "Khác",
    };

    public static readonly IReadOnlyDictionary<Domain.Sector, string> SectorLabels = new Dictionary<Domain.Sector, string>
    {
        [Domain.Sector.Manufacturing] = "Sản xuất, chế biến", [Domain.Sector.TextileGarment] = "Dệt may, da giày",
        [Domain.Sector.Electronics] = "Điện tử", [Domain.Sector.Construction] = "Xây dựng", [Domain.Sector.TradeServices] = "Thương mại, dịch vụ",
        [Domain.Sector.Agriculture] = "Nông nghiệp", [Domain.Sector.EducationHealth] = "Giáo dục, y tế", [Domain.Sector.Other] = "Khác",
    };

    public static DataTable NewTable()
    {
        var table = new DataTable(SheetName);
        foreach (var column in Columns) table.Columns.Add(column, typeof(object));
        return table;
    }

    public static async Task WriteAsync(Stream stream, DataTable rows, CancellationToken ct)
    {
        var lists = new DataTable("Danh mục");
        lists.Columns.Add(Ownership, typeof(string));
        lists.Columns.Add(Sector, typeof(string));
        lists.Columns.Add(Cba, typeof(string));
        var ownership = OwnershipLabels.Values.ToList();
        var sectors = SectorLabels.Values.ToList();
        for (var i = 0; i < Math.Max(ownership.Count, sectors.Count); i++)
            lists.Rows.Add(i < ownership.Count ? ownership[i] : null, i < sectors.Count ? sectors[i] : null, i switch { 0 => "Có", 1 => "Không", _ => null });
        var configuration = new OpenXmlConfiguration
        {
            DynamicColumns =
            [
                new DynamicExcelColumn(CbaSigned) { Format = "dd/MM/yyyy", Width = 14 },
                new DynamicExcelColumn(CbaExpires) { Format = "dd/MM/yyyy", Width = 14 },
                new DynamicExcelColumn(Name) { Width = 40 },
                new DynamicExcelColumn(Address) { Width = 40 },
            ],
        };
        var sheets = new Dictionary<string, object> { [SheetName] = rows, ["Danh mục"] = lists };
        await stream.SaveAsAsync(sheets, configuration: configuration, cancellationToken: ct);
    }

    public static void AddRow(DataTable table, string taxCode, string name, Domain.Ownership ownership, Domain.Sector sector, string district,
        string? zone, string? address, string? grassrootsCode, YearFiguresView? f)
    {
        table.Rows.Add(taxCode, name, OwnershipLabels[ownership], SectorLabels[sector], district, zone, address, grassrootsCode,
            f?.Year, f?.Workforce, f?.Women, f?.UnionMembers, f?.AverageMonthlyIncome, f is null ? null : f.CbaSigned ? "Có" : "Không",
            f?.CbaSignedOn?.ToDateTime(TimeOnly.MinValue), f?.CbaExpiresOn?.ToDateTime(TimeOnly.MinValue), f?.Disputes, f?.Stoppages, f?.Dialogues);
    }

    /// <summary>
    /// Reads the first sheet. Rows that are entirely blank are skipped; a row whose year and figures are all blank
    /// writes the enterprise only. Every unreadable cell is reported; rules on readable values are checked later.
    /// </summary>
    public static (List<SheetRow> Rows, List<ImportRowError> Errors, List<string> MissingColumns) Read(Stream stream)
    {
        var rows = new List<SheetRow>();
        var errors = new List<ImportRowError>();
        var columns = stream.GetColumns(useHeaderRow: true);
        stream.Position = 0;
        // A sheet with a header row and nothing under it reads as no columns: it is simply empty.
        if (columns is null) return (rows, errors, []);
        var headers = columns.Select(h => h?.ToString()?.Trim() ?? "").ToList();
        var missing = Required.Where(r => !headers.Contains(r)).ToList();
        if (missing.Count > 0) return (rows, errors, missing);

        var rowNumber = 1;
        foreach (IDictionary<string, object?> cells in stream.Query(useHeaderRow: true))
        {
            rowNumber++;
            var values = cells.ToDictionary(c => c.Key.Trim(), c => c.Value is string s && string.IsNullOrWhiteSpace(s) ? null : c.Value);
            if (values.Values.All(v => v is null)) continue;
            var cell = new RowReader(rowNumber, values, errors);

            var ownership = cell.Choice(Ownership, OwnershipLabels);
            var sector = cell.Choice(Sector, SectorLabels);
            var enterprise = new EnterpriseDetails(cell.Text(Name) ?? "", cell.Text(TaxCode) ?? "", ownership ?? Domain.Ownership.Other,
                sector ?? Domain.Sector.Other, cell.Text(District) ?? "", cell.Text(Zone), cell.Text(Address), null);
            var figureColumns = new[] { Year, Workforce, Women, Members, Income, Cba, CbaSigned, CbaExpires, Disputes, Stoppages, Dialogues };
            int? year = null;
            YearFigureValues? figures = null;
            if (figureColumns.Any(c => values.GetValueOrDefault(c) is not null))
            {
                year = cell.Whole(Year, required: true);
                var cba = cell.YesNo(Cba);
                figures = new YearFigureValues(cell.Whole(Workforce, required: true) ?? 0, cell.Whole(Women) ?? 0, cell.Whole(Members) ?? 0,
                    cell.Money(Income) ?? 0, cba, cell.Date(CbaSigned), cell.Date(CbaExpires), cell.Whole(Disputes) ?? 0, cell.Whole(Stoppages) ?? 0,
                    cell.Whole(Dialogues) ?? 0);
            }
            rows.Add(new SheetRow(rowNumber, enterprise, cell.Text(Grassroots)?.ToUpperInvariant(), year, figures));
        }
        return (rows, errors, missing);
    }

    private sealed class RowReader(int row, Dictionary<string, object?> values, List<ImportRowError> errors)
    {
        private object? Raw(string column) => values.GetValueOrDefault(column);

        private void Error(string column, string code, string message) => errors.Add(new ImportRowError(row, column, code, message));

        public string? Text(string column) => Raw(column) switch
        {
            null => null,
            double d => d.ToString("0.##########", CultureInfo.InvariantCulture),
            DateTime dt => dt.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            var v => v.ToString()?.Trim(),
        };

        public TEnum? Choice<TEnum>(string column, IReadOnlyDictionary<TEnum, string> labels) where TEnum : struct, Enum
        {
            var text = Text(column);
            if (text is null) return null;
            var folded = VietnameseText.Fold(text);
            foreach (var (value, label) in labels)
                if (VietnameseText.Fold(label) == folded || string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase))
                    return value;
            Error(column, "invalid_choice", Localized.Text($"'{text}' is not one of: {string.Join(", ", labels.Values)}.",
                $"'{text}' không thuộc các giá trị: {string.Join(", ", labels.Values)}."));
            return null;
        }

        public int? Whole(string column, bool required = false)
        {
            var value = Raw(column);
            if (value is null)
            {
                if (required) Error(column, "required", Localized.Text("This cell is required.", "Ô này không được để trống."));
                return null;
            }
            var number = Number(value);
            if (number is { } n && n == decimal.Truncate(n) && n is >= int.MinValue and <= int.MaxValue) return (int)n;
            Error(column, "not_a_whole_number", Localized.Text($"'{value}' is not a whole number.", $"'{value}' không phải là số nguyên."));
            return null;
        }

        public decimal? Money(string column)
        {
            var value = Raw(column);
            if (value is null) return null;
            if (Number(value) is { } n) return n;
            Error(column, "not_a_number", Localized.Text($"'{value}' is not an amount in dong.", $"'{value}' không phải là số tiền (đồng)."));
            return null;
        }

        public bool YesNo(string column)
        {
            var text = Text(column);
            if (text is null) return false;
            var folded = VietnameseText.Fold(text);
            if (folded is "co" or "x" or "yes" or "true" or "1" or "da ky") return true;
            if (folded is "khong" or "no" or "false" or "0" or "chua ky") return false;
            Error(column, "invalid_choice", Localized.Text($"'{text}' is not Có or Không.", $"'{text}' không phải là Có hoặc Không."));
            return false;
        }

        public DateOnly? Date(string column)
        {
            var value = Raw(column);
            switch (value)
            {
                case null: return null;
                case DateTime dt: return DateOnly.FromDateTime(dt);
                case double serial when serial is > 0 and < 2958466: return DateOnly.FromDateTime(DateTime.FromOADate(serial));
            }
            var text = value.ToString()!.Trim();
            if (DateOnly.TryParseExact(text, ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return day;
            Error(column, "not_a_date", Localized.Text($"'{text}' is not a date (dd/MM/yyyy).", $"'{text}' không phải là ngày (dd/MM/yyyy)."));
            return null;
        }

        private static decimal? Number(object value) => value switch
        {
            double d => (decimal)d,
            int i => i,
            long l => l,
            decimal m => m,
            // Typed as text: plain digits or grouped by thousands ("12.500.000", "12,500,000"); other text is refused, never guessed.
            _ => WholeText().IsMatch(value.ToString()!.Trim())
                 && decimal.TryParse(value.ToString()!.Trim().Replace(".", "").Replace(",", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed : null,
        };
    }
}
