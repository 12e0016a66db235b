using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;

namespace Khcn.UnitTests;

public sealed class ETagsTests
{
    [Theory]
    [InlineData("\"7\"", 7)]
    [InlineData("W/\"7\"", 7)]
    [InlineData("12", 12)]
    public void If_Match_values_parse_to_the_version(string header, long version) => ETags.ExpectedVersion(header).ShouldBe(version);

    [Fact]
    public void A_missing_If_Match_is_a_precondition_required() =>
        Should.Throw<PreconditionRequiredException>(() => ETags.ExpectedVersion(null));

    [Fact]
    public void An_unreadable_If_Match_never_matches() =>
        Should.Throw<ConcurrencyConflictException>(() => ETags.ExpectedVersion("\"abc\""));
}
