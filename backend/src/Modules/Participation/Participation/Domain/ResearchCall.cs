using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Text;

namespace Khcn.Participation.Domain;

/// <summary>Whether the unit orders a named task (đặt hàng) or opens a call for proposals (thông báo tuyển chọn).</summary>
public enum ResearchCallKind { Order, OpenCall }

/// <summary>The content of a call as the ordering unit edits it.</summary>
internal sealed record ResearchCallDetails(ResearchCallKind Kind, int Year, string Title, string Field, string? Themes, DateOnly Deadline,
    decimal BudgetCeiling, decimal PassThreshold, CallWeights? Weights = null);

/// <summary>
/// The weights of the four criteria a topic council scores on, carried by a call (issue 12: "weights configurable").
/// Like the rule set's, each is a fraction above 0 and together they make exactly 1 (house rule, see <see cref="TopicRules"/>).
/// </summary>
internal sealed record CallWeights(decimal PracticalSignificance, decimal Applicability, decimal ExpectedEfficiency, decimal Feasibility)
{
    public static CallWeights Of(IReadOnlyDictionary<TopicCriterion, decimal> w) => new(w[TopicCriterion.PracticalSignificance],
        w[TopicCriterion.Applicability], w[TopicCriterion.ExpectedEfficiency], w[TopicCriterion.Feasibility]);

    public IReadOnlyDictionary<TopicCriterion, decimal> ToDictionary() => new Dictionary<TopicCriterion, decimal>
    {
        [TopicCriterion.PracticalSignificance] = PracticalSignificance,
        [TopicCriterion.Applicability] = Applicability,
        [TopicCriterion.ExpectedEfficiency] = ExpectedEfficiency,
        [TopicCriterion.Feasibility] = Feasibility,
    };

    public decimal Sum() => PracticalSignificance + Applicability + ExpectedEfficiency + Feasibility;

    /// <summary>Each above 0, together exactly 1 (the rule set's convention: fractions, not percentages).</summary>
    public bool IsValid() => PracticalSignificance > 0 && Applicability > 0 && ExpectedEfficiency > 0 && Feasibility > 0 && Sum() == 1m;
}

/// <summary>
/// An order or call for research topics (đặt hàng / thông báo tuyển chọn đề tài KH,CN&amp;ĐMST), published by a unit —
/// normally the province — for a year, in a field, with a proposal deadline, a budget ceiling per topic (exact VND)
/// and the selection threshold its council applies to the weighted average score. Read downwards like a movement
/// (the units below propose against it); changed only by its unit.
/// </summary>
internal sealed class ResearchCall : Entity
{
    private ResearchCall() { }

    public Guid UnitId { get; private set; }
    public ResearchCallKind Kind { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? Themes { get; private set; }
    /// <summary>The last day a proposal may be submitted (Vietnam date).</summary>
    public DateOnly Deadline { get; private set; }
    /// <summary>The most a topic may request, all sources together (VND).</summary>
    public decimal BudgetCeiling { get; private set; }
    /// <summary>The weighted average (1–10) a topic needs from the selection council.</summary>
    public decimal PassThreshold { get; private set; }
    public string PublishedBy { get; private set; } = "";
    /// <summary>The weights its councils score with, fixed when it is published (by default the rule set's in force).</summary>
    public decimal WeightPracticalSignificance { get; private set; }
    public decimal WeightApplicability { get; private set; }
    public decimal WeightExpectedEfficiency { get; private set; }
    public decimal WeightFeasibility { get; private set; }

    public CallWeights Weights => new(WeightPracticalSignificance, WeightApplicability, WeightExpectedEfficiency, WeightFeasibility);

    public static ResearchCall Publish(Guid unitId, ResearchCallDetails d, Actor by)
    {
        if (d.PassThreshold is < 1 or > 10)
            throw new BusinessRuleException("call_threshold", Localized.Text("The threshold is a score from 1 to 10.", "Ngưỡng điểm phải từ 1 đến 10."),
                new Dictionary<string, string[]> { ["passThreshold"] = [Localized.Text("Choose 1–10.", "Chọn từ 1 đến 10.")] });
        var weights = d.Weights ?? CallWeights.Of(TopicRules.InForceOn(new DateOnly(d.Year, 1, 1)).Weights);
        if (!weights.IsValid())
            throw new BusinessRuleException("call_weights", Localized.Text("Each weight is above 0 and together they make 1.", "Mỗi trọng số phải lớn hơn 0 và tổng các trọng số bằng 1."),
                new Dictionary<string, string[]> { ["weights"] = [Localized.Text("Each above 0, total 1.", "Mỗi trọng số > 0, tổng bằng 1.")] });
        return new ResearchCall
        {
            WeightPracticalSignificance = weights.PracticalSignificance, WeightApplicability = weights.Applicability,
            WeightExpectedEfficiency = weights.ExpectedEfficiency, WeightFeasibility = weights.Feasibility,
            UnitId = unitId, Kind = d.Kind, Year = d.Year, Title = d.Title.Trim(), Field = d.Field.Trim(), Themes = string.IsNullOrWhiteSpace(d.Themes) ? null : d.Themes.Trim(),
            Deadline = d.Deadline, BudgetCeiling = d.BudgetCeiling, PassThreshold = d.PassThreshold, PublishedBy = by.Name,
        };
    }

    /// <summary>True while proposals may still be submitted (up to and including the deadline day).</summary>
    public bool OpenOn(DateOnly today) => today <= Deadline;
}
