using System.Net;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The plan dashboard kept per module (issue #15, "fast at province scale"): each module's figures are kept under that
/// module's own data stamp, so a write in one module makes its figures stale only. What a user notices: the next read
/// answers at once with the figures as last computed and says it is refreshing; once the refresh is done the write
/// shows, and every other figure is still the one the sources give now (the drill-down, never kept, reads them).
/// </summary>
public sealed class DashboardPartsTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string DashboardOf(Guid unitId, int year, bool fresh = false) =>
        $"{GetDashboard.Route}?unitId={unitId}&year={year}" + (fresh ? "&fresh=true" : "");

    [ApiFact]
    public async Task Given_the_province_dashboard_already_read_When_a_tranche_is_paid_in_Finance_Then_the_next_read_shows_it_and_the_other_modules_figures_are_the_uncached_ones()
    {
        const int year = 2025;
        var leader = await api.LoginAsync(Users.Leader);
        var finance = await api.LoginAsync(VanLam);
        var province = await UnitAsync(leader, "HY");
        var vanLam = await UnitAsync(leader, "VANLAM");
        TrancheView? waiting = null;
        foreach (var item in await (await finance.GetAsync($"{ListAllocations.Route}?unitId={vanLam}&year={year}")).ReadAsync<List<AllocationListItem>>())
        {
            waiting = (await AllocationAsync(finance, item.Id)).Tranches.FirstOrDefault(t => t.Status == TrancheStatus.Approved);
            if (waiting is not null) break;
        }
        waiting.ShouldNotBeNull("the demo leaves the topic's 2025 milestone tranche approved and unpaid");
        var before = await BeforeAsync(leader, DashboardOf(province, year));

        (await finance.MoneyAsync(TrancheRoute(PayTranche.Route, waiting), new { voucherNumber = "PC-2025-VANLAM-15", paidOn = new DateOnly(year, 10, 1) },
            ifMatch: $"\"{waiting.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var after = await ServedThenRefreshedAsync(leader, DashboardOf(province, year), before);
        Figure(after, "finance.funds-paid").ShouldBe(Figure(before, "finance.funds-paid") + waiting.Amount, "the payment shows once refreshed");
        Figure(after, "finance.funds-approved").ShouldBe(Figure(before, "finance.funds-approved"));
        foreach (var indicator in after.Indicators.Where(i => !i.Key.StartsWith("finance.", StringComparison.Ordinal)))
            indicator.Trend.ShouldBe(before.Indicators.Single(i => i.Key == indicator.Key).Trend, $"{indicator.Key}: no other module's figure moved");
        await ShouldEqualUncachedAsync(leader, after);
    }

    [ApiFact]
    public async Task Given_the_province_dashboard_already_read_When_an_initiative_is_recognised_Then_the_next_read_counts_it_and_the_other_modules_figures_are_the_uncached_ones()
    {
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var decider = await api.LoginAsync(Users.VanLamOfficer);
        var leader = await api.LoginAsync(Users.Leader);
        var province = await UnitAsync(leader, "HY");
        var lacHong = await UnitAsync(member, "VANLAM-DETMAYLACHONG");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)); // the submission is stamped in real time; the decision may not predate it
        var before = await BeforeAsync(leader, DashboardOf(province, today.Year));
        await ShouldEqualUncachedAsync(leader, before);

        await DashboardRecordsTests.RecognisedInitiativeAsync(member, decider, lacHong, "Bộ đếm vòng quay cọc sợi không tiếp xúc", 7_654_321m, today);

        var after = await ServedThenRefreshedAsync(leader, DashboardOf(province, today.Year), before);
        Figure(after, "participation.initiatives-recognised").ShouldBe(Figure(before, "participation.initiatives-recognised") + 1);
        Figure(after, "participation.initiative-benefit").ShouldBe(Figure(before, "participation.initiative-benefit") + 7_654_321m);
        foreach (var indicator in after.Indicators.Where(i => !i.Key.StartsWith("participation.", StringComparison.Ordinal)))
            indicator.Trend.ShouldBe(before.Indicators.Single(i => i.Key == indicator.Key).Trend, $"{indicator.Key}: no other module's figure moved");
        await ShouldEqualUncachedAsync(leader, after);
    }

    private static decimal Figure(Dashboard d, string key) => d.Indicators.Single(i => i.Key == key).Value;

    private DashboardRefresher Refresher => api.Services.GetRequiredService<DashboardRefresher>();

    /// <summary>The dashboard before the write, every part computed now and kept (no earlier test's refresh still running).</summary>
    private async Task<Dashboard> BeforeAsync(HttpClient client, string url)
    {
        await Refresher.WhenIdleAsync(TimeSpan.FromMinutes(1));
        var before = await (await client.GetAsync(url.Replace("&fresh=true", "") + "&fresh=true")).ReadAsync<Dashboard>();
        before.Refreshing.ShouldBeFalse("an exact read computes what changed");
        return before;
    }

    /// <summary>
    /// The first read after the write answers with the figures as last computed, saying it refreshes them; the next reads,
    /// each once the refreshes are done (a bounded loop on the observable signal), end with the refreshed figures.
    /// </summary>
    private async Task<Dashboard> ServedThenRefreshedAsync(HttpClient client, string url, Dashboard before)
    {
        var stale = await (await client.GetAsync(url)).ReadAsync<Dashboard>();
        stale.Refreshing.ShouldBeTrue("the written module's figures changed since they were computed");
        stale.ComputedAtUtc.ShouldBe(before.ComputedAtUtc, "the parts served are the ones computed before the write");
        foreach (var indicator in stale.Indicators)
            indicator.Trend.ShouldBe(before.Indicators.Single(i => i.Key == indicator.Key).Trend, $"{indicator.Key}: served as last computed");
        for (var round = 0; round < 10; round++)
        {
            await Refresher.WhenIdleAsync(TimeSpan.FromMinutes(1));
            var read = await (await client.GetAsync(url)).ReadAsync<Dashboard>();
            if (!read.Refreshing) return read;
        }
        throw new ShouldAssertException("the dashboard was still refreshing after ten rounds");
    }

    /// <summary>Every figure of every year of the dashboard equals the drill-down's total, which reads the source now.</summary>
    private static async Task ShouldEqualUncachedAsync(HttpClient client, Dashboard d)
    {
        foreach (var indicator in d.Indicators)
            foreach (var figure in indicator.Trend)
            {
                var now = await (await client.GetAsync(
                    $"{GetDashboardBreakdown.Route}?key={Uri.EscapeDataString(indicator.Key)}&unitId={d.Unit.Id}&year={figure.Year}")).ReadAsync<DashboardBreakdown>();
                figure.Value.ShouldBe(now.Value, $"{indicator.Key} {figure.Year}: the figure shown is the one its source gives now");
            }
    }
}
