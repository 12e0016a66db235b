using Khcn.BuildingBlocks.Domain;

namespace Khcn.Finance.Domain;

public enum FiscalYearStatus { Open, Closed }

/// <summary>
/// A unit's fiscal year (a calendar year): open, then closed. A closed year refuses every posting; corrections go
/// into the next open year with a reference to the original.
/// </summary>
internal sealed class FiscalYear : Entity, IUnitOwned
{
    public Guid UnitId { get; private set; }
    public int Year { get; private set; }
    public FiscalYearStatus Status { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public string? ClosedBy { get; private set; }

    private FiscalYear() { }

    public static FiscalYear Open(Guid unitId, int year) => new() { UnitId = unitId, Year = year, Status = FiscalYearStatus.Open };

    public void Close(string by, DateTime nowUtc)
    {
        if (Status == FiscalYearStatus.Closed) throw FiscalYearRules.Closed(Year);
        Status = FiscalYearStatus.Closed;
        ClosedAtUtc = nowUtc;
        ClosedBy = by;
    }
}

internal static class FiscalYearRules
{
    public const int FirstYear = 2000;

    public static BusinessRuleException Closed(int year) => new("fiscal_year_closed", Localized.Text(
        $"Fiscal year {year} is closed: nothing can be posted to it any more. Post the correction in the next open year with a reference.",
        $"Năm tài chính {year} đã khoá sổ: không thể ghi thêm bút toán. Hãy ghi điều chỉnh vào năm đang mở, có tham chiếu bút toán gốc."));

    public static BusinessRuleException NotOpened(int year) => new("fiscal_year_not_open", Localized.Text(
        $"The unit has not opened fiscal year {year}.", $"Đơn vị chưa mở năm tài chính {year}."));
}
