using Khcn.BuildingBlocks.Domain;
using Khcn.Organization.Contracts;

namespace Khcn.Training.Integrations;

/// <summary>
/// What campaigns feed into the annual report (the standard template's "campaigns" and "people_reached"): the
/// reach a unit reported itself in the year (its own, as <see cref="IReportIndicatorSource"/> asks: the synthesis
/// and the dashboard add units up over a subtree). A unit that reported nothing gets no value, so its report is not
/// pre-filled with a zero it never stated.
/// </summary>
internal abstract class CampaignReachSource(ReportFigures figures) : IReportIndicatorSource
{
    public abstract string Key { get; }
    public abstract string Description { get; }

    protected abstract decimal Value(IReadOnlyList<YearReach> reports);

    public async Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct)
    {
        var reports = await figures.ReachAsync(year, ct);
        var result = new Dictionary<Guid, decimal>();
        if (reports.Count == 0) return result;
        var byUnit = reports.ToLookup(r => r.UnitId);
        foreach (var unitId in unitIds.Distinct())
        {
            List<YearReach> mine = [.. byUnit[unitId]];
            if (mine.Count > 0) result[unitId] = Value(mine);
        }
        return result;
    }
}

internal sealed class CampaignsHeldSource(ReportFigures figures) : CampaignReachSource(figures)
{
    public const string SourceKey = "training.campaigns-held";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "The number of awareness campaigns in which the unit held events in the year (from its reach reports).",
        "Số đợt tuyên truyền mà đơn vị đã tổ chức hoạt động trong năm (theo báo cáo kết quả tuyên truyền của đơn vị).");
    protected override decimal Value(IReadOnlyList<YearReach> reports) =>
        reports.Where(r => r.EventsHeld > 0).Select(r => r.CampaignId).Distinct().Count();
}

internal sealed class PeopleReachedSource(ReportFigures figures) : CampaignReachSource(figures)
{
    public const string SourceKey = "training.people-reached";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "People the unit reached by awareness campaigns in the year (sum of its reach reports).",
        "Số lượt người được đơn vị tuyên truyền trong năm (tổng các báo cáo kết quả tuyên truyền của đơn vị).");
    protected override decimal Value(IReadOnlyList<YearReach> reports) =>
        reports.Sum(r => r.PeopleReached);
}

internal sealed class WomenReachedSource(ReportFigures figures) : CampaignReachSource(figures)
{
    public const string SourceKey = "training.women-reached";
    public override string Key => SourceKey;
    public override string Description => Localized.Text(
        "Women among the people the unit reached by awareness campaigns in the year.",
        "Số lượt nữ trong số người được đơn vị tuyên truyền trong năm.");
    protected override decimal Value(IReadOnlyList<YearReach> reports) =>
        reports.Sum(r => r.WomenReached);
}
