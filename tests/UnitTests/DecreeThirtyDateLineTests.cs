using Khcn.BuildingBlocks.Documents;

namespace Khcn.UnitTests;

/// <summary>
/// Decree 30/2020/NĐ-CP, Appendix I, the date of issue: Arabic numerals, a leading zero for days below 10 and for
/// months 1 and 2 only (plan 405 itself reads "ngày 01 tháng 8 năm 2023").
/// </summary>
public sealed class DecreeThirtyDateLineTests
{
    [Theory]
    [InlineData(2023, 8, 1, "Hưng Yên, ngày 01 tháng 8 năm 2023")]
    [InlineData(2024, 2, 15, "Hưng Yên, ngày 15 tháng 02 năm 2024")]
    [InlineData(2025, 1, 5, "Hưng Yên, ngày 05 tháng 01 năm 2025")]
    [InlineData(2025, 3, 10, "Hưng Yên, ngày 10 tháng 3 năm 2025")]
    [InlineData(2024, 12, 9, "Hưng Yên, ngày 09 tháng 12 năm 2024")]
    [InlineData(2026, 10, 31, "Hưng Yên, ngày 31 tháng 10 năm 2026")]
    public void Days_below_ten_and_months_one_and_two_take_a_leading_zero(int year, int month, int day, string expected) =>
        AdministrativeDocument.DateLine("Hưng Yên", new DateOnly(year, month, day)).ShouldBe(expected);
}
