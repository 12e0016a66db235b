using System.Text.RegularExpressions;
using Khcn.BuildingBlocks.Domain;

namespace Khcn.Training.Domain;

/// <summary>
/// The period a reach report covers: a calendar quarter written "2026-Q1" (units report quarterly, as they do
/// their other figures; a year's totals are the sum of its quarters).
/// </summary>
internal readonly partial record struct ReachPeriod(int Year, int Quarter)
{
    public string Code => $"{Year}-Q{Quarter}";
    public DateOnly StartsOn => new(Year, (Quarter - 1) * 3 + 1, 1);
    public DateOnly EndsOn => StartsOn.AddMonths(3).AddDays(-1);

    public static bool TryParse(string? code, out ReachPeriod period)
    {
        period = default;
        var m = code is null ? null : Pattern().Match(code.Trim().ToUpperInvariant());
        if (m is null || !m.Success) return false;
        period = new ReachPeriod(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
        return true;
    }

    public static ReachPeriod Parse(string code) =>
        TryParse(code, out var p) ? p : throw new BusinessRuleException("reach_period",
            Localized.Text("Write the period as a quarter, e.g. 2026-Q1.", "Ghi kỳ báo cáo theo quý, ví dụ 2026-Q1."));

    public static ReachPeriod Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    [GeneratedRegex("^(20[0-9]{2})-Q([1-4])$")]
    private static partial Regex Pattern();
}

/// <summary>What a unit reports: events held, people reached and, of them, women.</summary>
internal sealed record ReachFigures(int EventsHeld, int PeopleReached, int WomenReached, string? Note)
{
    public void EnsureConsistent()
    {
        var errors = new Dictionary<string, string[]>();
        var negative = Localized.Text("Cannot be negative.", "Không được âm.");
        if (EventsHeld < 0) errors["eventsHeld"] = [negative];
        if (PeopleReached < 0) errors["peopleReached"] = [negative];
        if (WomenReached < 0) errors["womenReached"] = [negative];
        else if (WomenReached > PeopleReached)
            errors["womenReached"] = [Localized.Text("Women reached are among the people reached: at most that number.",
                "Số nữ được tiếp cận nằm trong tổng số người được tiếp cận: không thể lớn hơn số đó.")];
        if (errors.Count > 0)
            throw new BusinessRuleException("reach_figures", Localized.Text("The reach figures do not add up.", "Các số liệu tiếp cận không khớp nhau."), errors);
    }
}

/// <summary>
/// The reach of a campaign in one participating unit for one quarter: one per unit × campaign × quarter (sending it
/// again corrects it). Owned by the reporting unit, so a unit's officers see their own and those below.
/// </summary>
internal sealed class ReachReport : Entity, IUnitOwned
{
    private ReachReport() { }

    public ReachReport(Guid campaignId, Guid unitId, ReachPeriod period, ReachFigures figures, string? reportedBy)
    {
        CampaignId = campaignId;
        UnitId = unitId;
        Period = period.Code;
        Year = period.Year;
        Quarter = period.Quarter;
        Correct(figures, reportedBy);
    }

    public Guid CampaignId { get; private set; }
    /// <summary>The reporting unit (a participant of the campaign).</summary>
    public Guid UnitId { get; private set; }
    /// <summary>"2026-Q1".</summary>
    public string Period { get; private set; } = "";
    public int Year { get; private set; }
    public int Quarter { get; private set; }
    public int EventsHeld { get; private set; }
    public int PeopleReached { get; private set; }
    public int WomenReached { get; private set; }
    public string? Note { get; private set; }
    public string? ReportedBy { get; private set; }

    public void Correct(ReachFigures figures, string? reportedBy)
    {
        figures.EnsureConsistent();
        EventsHeld = figures.EventsHeld;
        PeopleReached = figures.PeopleReached;
        WomenReached = figures.WomenReached;
        Note = string.IsNullOrWhiteSpace(figures.Note) ? null : figures.Note.Trim();
        ReportedBy = reportedBy;
    }
}
