using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>
/// The rates of the minimum remuneration owed for a recognised initiative, as one version of the law sets them.
/// <see cref="AuthorRate"/> is the share of the yearly benefit (tiền làm lợi) owed to the authors for each of the first
/// <see cref="Years"/> years of application; <see cref="OrganiserRate"/> is what the people who organised the first
/// application receive at least, as a share of what the authors receive.
/// </summary>
internal sealed record RemunerationRuleSet(string Code, DateOnly EffectiveFrom, decimal AuthorRate, decimal OrganiserRate, int Years, string LegalBasis);

/// <summary>
/// The versions of the remuneration rules, by the date they took effect. The law changes (Law 93/2025/QH15 on science,
/// technology and innovation may bring a new decree): a new version is a new row here, effective from its date. A
/// recognition keeps a copy of the version in force on its decision date, so a later version never rewrites it.
/// </summary>
internal static class RemunerationRules
{
    /// <summary>
    /// Decree 13/2012/NĐ-CP (Charter on Initiatives; the decree's art. 3: in force from 25/04/2012) art. 10(1): for each of the first three
    /// years of application, at least 7% of the benefit the initiative brings that year goes to its authors; art. 10(2):
    /// those who took part in organising the first application receive at least 30% of what the authors receive.
    /// </summary>
    public static readonly RemunerationRuleSet Decree13Of2012 = new("ND13-2012", new DateOnly(2012, 4, 25), 0.07m, 0.30m, 3,
        "Nghị định 13/2012/NĐ-CP, Điều lệ Sáng kiến, Điều 10 khoản 1 và khoản 2");

    public static IReadOnlyList<RemunerationRuleSet> Versions { get; } = [Decree13Of2012];

    /// <summary>The version in force on <paramref name="date"/>: the latest one effective on or before it.</summary>
    public static RemunerationRuleSet InForceOn(DateOnly date) =>
        Versions.Where(v => v.EffectiveFrom <= date).MaxBy(v => v.EffectiveFrom)
        ?? throw new BusinessRuleException("no_remuneration_rules",
            Localized.Text($"No remuneration rules were in force on {date:dd/MM/yyyy}.", $"Không có quy định thù lao nào có hiệu lực ngày {date:dd/MM/yyyy}."),
            new Dictionary<string, string[]> { ["decisionDate"] = [Localized.Text("Choose a date on or after 25/04/2012.", "Chọn ngày từ 25/04/2012 trở đi.")] });
}

/// <summary>One author's part of a year's remuneration.</summary>
internal sealed record AuthorRemuneration(string FullName, decimal SharePercent, decimal Amount);

/// <summary>The minimum remuneration owed for one year of application (exact VND; round only to display).</summary>
internal sealed record RemunerationYear(int Year, DateOnly From, DateOnly To, decimal Benefit, decimal AuthorsTotal,
    IReadOnlyList<AuthorRemuneration> Authors, decimal OrganisersMinimum);

/// <summary>The remuneration table of an initiative under one rule set.</summary>
internal sealed record Remuneration(RemunerationRuleSet Rules, IReadOnlyList<RemunerationYear> Years, decimal AuthorsTotal, decimal OrganisersTotal);

/// <summary>
/// The author remuneration calculator (Decree 13/2012/NĐ-CP art. 10): for each year of application counted from the
/// date the initiative was first applied, the authors receive at least <c>benefit × AuthorRate</c>, split by their
/// contribution shares; the organisers of the first application at least <c>OrganiserRate</c> of the authors' total.
/// Exact decimals throughout: nothing is rounded here.
/// </summary>
internal static class RemunerationCalculator
{
    public static Remuneration Calculate(RemunerationRuleSet rules, decimal yearlyBenefit, DateOnly appliedSince,
        IReadOnlyList<(string FullName, decimal SharePercent)> authors)
    {
        if (yearlyBenefit < 0) throw new ArgumentOutOfRangeException(nameof(yearlyBenefit), "The benefit is never negative.");
        var years = Enumerable.Range(1, rules.Years).Select(n =>
        {
            var authorsTotal = yearlyBenefit * rules.AuthorRate;
            return new RemunerationYear(n, appliedSince.AddYears(n - 1), appliedSince.AddYears(n).AddDays(-1), yearlyBenefit, authorsTotal,
                authors.Select(a => new AuthorRemuneration(a.FullName, a.SharePercent, authorsTotal * a.SharePercent / 100m)).ToList(),
                authorsTotal * rules.OrganiserRate);
        }).ToList();
        return new Remuneration(rules, years, years.Sum(y => y.AuthorsTotal), years.Sum(y => y.OrganisersMinimum));
    }
}
