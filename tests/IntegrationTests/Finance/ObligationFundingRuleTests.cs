using Khcn.Finance.Domain;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// What an obligation still asks to be funded (issue #12: one definition, shared by the obligations page and the finance
/// to-dos): an open allocation funds what it holds, a settled one only what it spent, a withdrawn obligation asks nothing.
/// </summary>
public sealed class ObligationFundingRuleTests
{
    [Fact]
    public void An_open_allocation_funds_what_it_holds_and_a_settled_one_what_it_spent()
    {
        FundingObligation.FundedBy(AllocationStatus.Open, 10_000_000m, null).ShouldBe(10_000_000m);
        FundingObligation.FundedBy(AllocationStatus.Settled, 10_000_000m, 7_500_000m).ShouldBe(7_500_000m,
            "money held but not spent goes back to the fund when settled: the rest of the obligation is to be funded again");
        FundingObligation.FundedBy(AllocationStatus.Settled, 10_000_000m, null).ShouldBe(0m);
    }

    [Fact]
    public void Still_to_be_funded_is_the_rest_never_below_zero_and_nothing_once_withdrawn()
    {
        var funded = FundingObligation.FundedBy(AllocationStatus.Settled, 10_000_000m, 7_500_000m) + FundingObligation.FundedBy(AllocationStatus.Open, 1_000_000m, null);
        FundingObligation.StillToBeFunded(ObligationState.Open, 12_000_000m, funded).ShouldBe(3_500_000m);
        FundingObligation.StillToBeFunded(ObligationState.Open, 5_000_000m, funded).ShouldBe(0m);
        FundingObligation.StillToBeFunded(ObligationState.Withdrawn, 12_000_000m, funded).ShouldBe(0m);
    }
}
