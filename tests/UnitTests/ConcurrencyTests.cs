using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;

namespace Khcn.UnitTests;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData("\"7\"", 7)]
    [InlineData("W/\"7\"", 7)]
    [InlineData("12", 12)]
    public void If_Match_values_parse_to_the_version(string header, long version) =>
        Concurrency.AcceptedVersions(header).ShouldBe([version]);

    [Fact]
    public void An_If_Match_list_accepts_each_listed_version() =>
        Concurrency.AcceptedVersions("\"3\", W/\"5\"").ShouldBe([3L, 5L]);

    [Fact]
    public void If_Match_star_accepts_any_current_version() => Concurrency.AcceptedVersions(" * ").ShouldBeNull();

    [Fact]
    public void A_missing_If_Match_is_a_precondition_required() =>
        Should.Throw<PreconditionRequiredException>(() => Concurrency.AcceptedVersions(null));

    [Fact]
    public void An_unreadable_If_Match_never_matches() =>
        Should.Throw<ConcurrencyConflictException>(() => Concurrency.AcceptedVersions("\"abc\""));

    [Fact]
    public void The_former_ETags_names_forward() => ETags.ExpectedVersion("\"7\"").ShouldBe(7);
}
