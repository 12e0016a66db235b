using Khcn.BuildingBlocks.Domain;

namespace Khcn.Organization.Domain;

/// <summary>
/// How many union members and workers a unit counted on a day. The figures change over time, so they are kept as
/// dated records and read "as of" a day: the latest record on or before it. (UnitId, AsOf) is unique.
/// </summary>
internal sealed class UnitHeadcount : Entity, IUnitOwned
{
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    private UnitHeadcount() { }

    public Guid UnitId { get; private set; }
    public DateOnly AsOf { get; private set; }
    /// <summary>Union members (đoàn viên): always among the workers.</summary>
    public int Members { get; private set; }
    /// <summary>Workers (người lao động) of the unit's workplaces.</summary>
    public int Workers { get; private set; }
    public string? Note { get; private set; }

    public static UnitHeadcount Record(Guid unitId, DateOnly asOf, int members, int workers, string? note, DateOnly today)
    {
        var headcount = new UnitHeadcount { UnitId = unitId, AsOf = asOf };
        headcount.Correct(members, workers, note, today);
        return headcount;
    }

    /// <summary>Replaces the figures of this day.</summary>
    public void Correct(int members, int workers, string? note, DateOnly today)
    {
        HeadcountRules.Ensure(AsOf, members, workers, today);
        Members = members;
        Workers = workers;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>The rules of a headcount record, each with the field it concerns and a code the SPA can translate.</summary>
internal static class HeadcountRules
{
    public static void Ensure(DateOnly asOf, int members, int workers, DateOnly today)
    {
        if (asOf > today)
            Refuse("as_of_in_future", "asOf", Localized.Text("The figures cannot be recorded for a day that has not come yet.",
                "Không thể ghi số liệu cho một ngày chưa đến."));
        if (asOf < UnitHeadcount.FirstDay)
            Refuse("as_of_too_early", "asOf", Localized.Text($"The figures cannot be recorded for a day before {UnitHeadcount.FirstDay:dd/MM/yyyy}.",
                $"Không thể ghi số liệu cho ngày trước {UnitHeadcount.FirstDay:dd/MM/yyyy}."));
        if (members < 0) Refuse("negative_count", "members", Localized.Text("The number of members cannot be negative.", "Số đoàn viên không được âm."));
        if (workers < 0) Refuse("negative_count", "workers", Localized.Text("The number of workers cannot be negative.", "Số người lao động không được âm."));
        if (members > workers)
            Refuse("members_above_workers", "members", Localized.Text("Union members are among the workers: they cannot outnumber them.",
                "Đoàn viên là một phần của người lao động: số đoàn viên không thể lớn hơn số người lao động."));
    }

    private static void Refuse(string code, string field, string message) =>
        throw new BusinessRuleException(code, message, new Dictionary<string, string[]> { [field] = [message] });
}
