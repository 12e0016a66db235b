namespace Khcn.Participation.Domain;

/// <summary>The criteria each council member scores a research topic on, 1–10 (domain.md §4; issue 12).</summary>
public enum TopicCriterion { PracticalSignificance, Applicability, ExpectedEfficiency, Feasibility }

/// <summary>The rating of an acceptance council (nghiệm thu): Xuất sắc / Khá / Đạt / Không đạt.</summary>
public enum AcceptanceRating { Excellent, Good, Pass, Fail }

/// <summary>The points a council member gives a topic on one criterion.</summary>
internal static class TopicPoints
{
    public const int Min = 1;
    public const int Max = 10;
}

/// <summary>
/// How a topic council judges: the rule set in force when it was formed (bands), the weights of the topics' call
/// (configurable per call; the rule set's by default) and the pass mark — the call's threshold at selection,
/// <see cref="TopicRuleSet.PassFrom"/> ("Đạt") at acceptance.
/// </summary>
internal sealed record TopicJudging(TopicRuleSet Rules, decimal PassMark)
{
    public static TopicJudging For(CouncilItemKind kind, DateOnly formedOn, ResearchCall call)
    {
        var rules = TopicRules.InForceOn(formedOn) with { Weights = call.Weights.ToDictionary() };
        return new TopicJudging(rules, kind == CouncilItemKind.TopicSelection ? call.PassThreshold : rules.PassFrom);
    }
}

/// <summary>
/// A named, versioned rule set for judging research topics: the weights of the criteria, the default selection
/// threshold a call starts from, the acceptance rating bands and how many extensions a topic may be granted.
/// A decision records the code of the set in force on its date; a later set never rewrites it.
/// </summary>
internal sealed record TopicRuleSet(string Code, DateOnly EffectiveFrom, IReadOnlyDictionary<TopicCriterion, decimal> Weights,
    decimal DefaultSelectionThreshold, decimal ExcellentFrom, decimal GoodFrom, decimal PassFrom, int MaxExtensions, string LegalBasis)
{
    /// <summary>One member's weighted score: Σ weight × points (weights total 1), exact.</summary>
    public decimal Weighted(IReadOnlyDictionary<TopicCriterion, int> points) => Weights.Sum(w => w.Value * points[w.Key]);

    /// <summary>The acceptance rating of an average weighted score.</summary>
    public AcceptanceRating RatingOf(decimal average) =>
        average >= ExcellentFrom ? AcceptanceRating.Excellent
        : average >= GoodFrom ? AcceptanceRating.Good
        : average >= PassFrom ? AcceptanceRating.Pass
        : AcceptanceRating.Fail;
}

/// <summary>
/// The topic rule sets in force. HOUSE RULES: no legal text found for union-level topics sets these figures.
/// Circular 18/2013/TT-BKHCN (which the councils cite) governs initiatives, not topics; Circular 10/2014/TT-BKHCN
/// (selection of national-level tasks) and the acceptance rules for national tasks were found by title only and
/// their articles were not read, so no article is cited here. The federation may replace this set by adding a new
/// version with a later <c>EffectiveFrom</c>.
/// </summary>
internal static class TopicRules
{
    public const string HouseRuleBasis = "Quy định nội bộ của LĐLĐ tỉnh (chưa tìm thấy văn bản pháp luật quy định trọng số, ngưỡng điểm và số lần gia hạn cho đề tài cấp công đoàn)";

    public static readonly IReadOnlyList<TopicRuleSet> Versions =
    [
        new("DT-2024.1", new DateOnly(2024, 1, 1),
            new Dictionary<TopicCriterion, decimal>
            {
                [TopicCriterion.PracticalSignificance] = 0.30m,
                [TopicCriterion.Applicability] = 0.25m,
                [TopicCriterion.ExpectedEfficiency] = 0.25m,
                [TopicCriterion.Feasibility] = 0.20m,
            },
            DefaultSelectionThreshold: 7.0m, ExcellentFrom: 9.0m, GoodFrom: 7.0m, PassFrom: 5.0m, MaxExtensions: 1, HouseRuleBasis),
    ];

    /// <summary>The set in force on a date (the earliest before any version, so old data still decides).</summary>
    public static TopicRuleSet InForceOn(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date).OrderByDescending(v => v.EffectiveFrom).FirstOrDefault() ?? Versions[0];

    public static TopicRuleSet ByCode(string? code) => Versions.FirstOrDefault(v => v.Code == code) ?? Versions[^1];

    public static string RatingName(AcceptanceRating r) => r switch
    {
        AcceptanceRating.Excellent => "Xuất sắc",
        AcceptanceRating.Good => "Khá",
        AcceptanceRating.Pass => "Đạt",
        _ => "Không đạt",
    };

    public static string CriterionName(TopicCriterion c) => c switch
    {
        TopicCriterion.PracticalSignificance => "Ý nghĩa thực tiễn",
        TopicCriterion.Applicability => "Khả năng ứng dụng",
        TopicCriterion.ExpectedEfficiency => "Hiệu quả dự kiến",
        _ => "Tính khả thi",
    };
}
