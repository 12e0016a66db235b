using Khcn.Participation.Domain;

namespace Khcn.UnitTests;

/// <summary>The author remuneration calculator of Decree 13/2012/NĐ-CP art. 10.</summary>
public sealed class RemunerationCalculatorTests
{
    [Fact]
    public void Art_10_gives_the_authors_7_percent_of_each_of_the_first_three_years_benefit_split_by_share_and_the_organisers_30_percent_of_it()
    {
        var r = RemunerationCalculator.Calculate(RemunerationRules.Decree13Of2012, 100_000_000m, new DateOnly(2024, 6, 1),
            [("Nguyễn Văn A", 60m), ("Trần Thị B", 40m)]);

        r.Years.Count.ShouldBe(3);
        r.Years.Select(y => y.AuthorsTotal).ShouldAllBe(t => t == 7_000_000m);
        r.Years[0].Authors.Select(a => a.Amount).ShouldBe([4_200_000m, 2_800_000m]);
        r.Years[0].OrganisersMinimum.ShouldBe(2_100_000m);
        r.Years[0].From.ShouldBe(new DateOnly(2024, 6, 1));
        r.Years[2].To.ShouldBe(new DateOnly(2027, 5, 31));
        r.AuthorsTotal.ShouldBe(21_000_000m);
        r.OrganisersTotal.ShouldBe(6_300_000m);
    }

    [Fact]
    public void Amounts_stay_exact_decimals_nothing_is_rounded_and_the_authors_parts_add_up_to_the_total()
    {
        var r = RemunerationCalculator.Calculate(RemunerationRules.Decree13Of2012, 123_456_789.50m, new DateOnly(2024, 1, 1),
            [("A", 33.33m), ("B", 33.33m), ("C", 33.34m)]);

        var year = r.Years[0];
        year.AuthorsTotal.ShouldBe(8_641_975.265m);
        year.Authors[0].Amount.ShouldBe(2_880_370.3558245m);
        year.Authors.Sum(a => a.Amount).ShouldBe(year.AuthorsTotal);
        year.OrganisersMinimum.ShouldBe(2_592_592.5795m);
    }

    [Fact]
    public void The_rule_set_in_force_is_the_latest_effective_on_the_date_and_none_before_the_decree()
    {
        RemunerationRules.InForceOn(new DateOnly(2025, 3, 10)).ShouldBe(RemunerationRules.Decree13Of2012);
        Should.Throw<Khcn.BuildingBlocks.Domain.BusinessRuleException>(() => RemunerationRules.InForceOn(new DateOnly(2012, 4, 24)))
            .Code.ShouldBe("no_remuneration_rules");
    }
}
