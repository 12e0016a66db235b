using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The warm-up on (tests turn it off by default), the job runner off, and a fake clock standing at the real time when
/// the host starts: the test signs in before moving it (tokens are checked against real time), then moves it past
/// midnight in Vietnam itself.
/// </summary>
public sealed class WarmUpApi : ApiFactory
{
    public WarmUpApi() => Clock.SetUtcNow(DateTimeOffset.UtcNow);
    protected override bool UseFakeClock => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Dashboard:WarmUp"] = "true",
        ["Jobs:Enabled"] = "false",
    };
}

/// <summary>
/// No user pays for the dashboard's first read of the day (issue #15): the host computes this year's dashboard of the
/// province and of each district in the background at start-up and again just after each midnight in Vietnam, so the
/// first read of the day answers kept parts (it computes nothing; <c>computedAtUtc</c> is the warm-up's).
/// </summary>
public sealed class DashboardWarmUpTests(WarmUpApi api) : IClassFixture<WarmUpApi>
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private DashboardWarmUp WarmUp => api.Services.GetRequiredService<DashboardWarmUp>();
    private DashboardCache Cache => api.Services.GetRequiredService<DashboardCache>();
    private DashboardRefresher Refresher => api.Services.GetRequiredService<DashboardRefresher>();

    [ApiFact]
    public async Task Given_the_warm_up_When_the_host_has_started_and_when_the_day_turns_in_Vietnam_Then_the_first_read_of_the_province_and_of_a_district_computes_nothing()
    {
        var started = VietnamTime.Today(api.Clock);
        await WarmUp.WarmedAsync(started).WaitAsync(Patience);
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(leader, "VANLAM");

        foreach (var unit in new[] { province, vanLam })
        {
            var first = await FirstReadAsync(leader, unit);
            first.Unit.Id.ShouldBe(unit);
            first.Year.ShouldBe(started.Year, "this year's dashboard, the home page's");
            first.ComputedAtUtc.ShouldBeLessThanOrEqualTo(api.Clock.GetUtcNow());
        }

        var midnight = await WarmUp.SleepingAsync().WaitAsync(Patience);
        midnight.ToOffset(VietnamTime.Offset).TimeOfDay.ShouldBe(TimeSpan.Zero, "it sleeps until midnight in Vietnam");
        DateOnly.FromDateTime(midnight.ToOffset(VietnamTime.Offset).DateTime).ShouldBe(started.AddDays(1));
        api.Clock.SetUtcNow(midnight.AddMinutes(1)); // every part kept is now a day old: a read would compute it
        var next = VietnamTime.Today(api.Clock);
        await WarmUp.WarmedAsync(next).WaitAsync(Patience);
        api.Clock.Advance(TimeSpan.FromHours(7)); // the leaders arrive in the morning

        foreach (var unit in new[] { province, vanLam })
        {
            var first = await FirstReadAsync(leader, unit);
            first.Year.ShouldBe(next.Year);
            first.ComputedAtUtc.ShouldBeGreaterThanOrEqualTo(midnight, "computed again for the new day, after midnight");
            first.ComputedAtUtc.ShouldBeLessThan(api.Clock.GetUtcNow(), "by the warm-up, before the read");
        }
    }

    /// <summary>
    /// The unit's dashboard of this year, read as a leader opens it (no year, not exact), asserting that the read computed
    /// no part: any refresh it starts is held until the count is taken.
    /// </summary>
    private async Task<Dashboard> FirstReadAsync(HttpClient leader, Guid unitId)
    {
        await Refresher.WhenIdleAsync(Patience); // a refresh an earlier read started is done before counting
        using var held = Refresher.Hold();
        var before = Cache.Computations;
        var read = await (await leader.GetAsync($"{GetDashboard.Route}?unitId={unitId}")).ReadAsync<Dashboard>();
        Cache.Computations.ShouldBe(before, $"the first read of {read.Unit.Code}'s dashboard answers the parts the warm-up kept");
        return read;
    }
}
