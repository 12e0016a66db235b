namespace Khcn.BuildingBlocks.Text;

/// <summary>Dates as people in Vietnam see them (Asia/Ho_Chi_Minh is UTC+7 all year: no daylight saving).</summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    /// <summary>A UTC instant as the wall-clock time in Vietnam.</summary>
    public static DateTime ToLocal(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(Offset);
}
