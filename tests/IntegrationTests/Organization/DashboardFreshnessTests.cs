using System.Net;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The plan dashboard served while refreshed (issue #15, ADR 0010 amendment): a part whose records changed is answered as
/// last computed, with <c>refreshing: true</c>, while one background computation per part replaces it; <c>fresh=true</c>
/// computes it before answering; a part is kept per unit, year and reach, so it never answers another subtree or caller.
/// </summary>
public sealed class DashboardFreshnessTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Recognised = "participation.initiatives-recognised";

    private static string DashboardOf(Guid unitId, int year, bool fresh = false) =>
        $"{GetDashboard.Route}?unitId={unitId}&year={year}" + (fresh ? "&fresh=true" : "");

    private DashboardRefresher Refresher => api.Services.GetRequiredService<DashboardRefresher>();

    private static decimal Figure(Dashboard d, string key) => d.Indicators.Single(i => i.Key == key).Value;

    private static async Task<Dashboard> ReadAsync(HttpClient client, string url) => await (await client.GetAsync(url)).ReadAsync<Dashboard>();

    [ApiFact]
    public async Task Given_a_kept_dashboard_When_two_reads_arrive_together_after_a_write_Then_both_answer_the_kept_figures_and_each_stale_part_starts_one_refresh()
    {
        var (leader, province, year, before) = await KeptProvinceAsync();
        var starts = Refresher.Starts;

        using (Refresher.Hold()) // the refreshes wait until both reads have answered
        {
            await RecogniseAsync(year, "Bộ cấp sợi tự dừng khi đứt");
            var reads = await Task.WhenAll(ReadAsync(leader, DashboardOf(province, year)), ReadAsync(leader, DashboardOf(province, year)));
            foreach (var read in reads)
            {
                read.Refreshing.ShouldBeTrue();
                Figure(read, Recognised).ShouldBe(Figure(before, Recognised), "answered at once with the kept figures");
                read.ComputedAtUtc.ShouldBe(before.ComputedAtUtc);
            }
            var started = Refresher.Starts.Where(s => s.Value != starts.GetValueOrDefault(s.Key)).ToList();
            started.ShouldNotBeEmpty("the stale parts are being refreshed");
            started.ShouldContain(s => s.Key.Contains("Participation", StringComparison.Ordinal), "the written module's figures among them");
            foreach (var (key, count) in started)
                (count - starts.GetValueOrDefault(key)).ShouldBe(1, $"{key}: two stale reads of one part start one refresh");
        }

        var after = await UntilRefreshedAsync(leader, DashboardOf(province, year));
        Figure(after, Recognised).ShouldBe(Figure(before, Recognised) + 1, "the write shows once the refresh is done");
        after.ComputedAtUtc.ShouldBeGreaterThanOrEqualTo(before.ComputedAtUtc);
    }

    [ApiFact]
    public async Task Given_a_kept_dashboard_When_a_fresh_read_follows_a_write_Then_it_counts_the_write_at_once_and_equals_the_drill_down()
    {
        var (leader, province, year, before) = await KeptProvinceAsync();

        await RecogniseAsync(year, "Cảm biến nhiệt độ lò nhuộm không dây");

        var exact = await ReadAsync(leader, DashboardOf(province, year, fresh: true));
        exact.Refreshing.ShouldBeFalse();
        Figure(exact, Recognised).ShouldBe(Figure(before, Recognised) + 1, "an exact read computes the changed part before answering");
        // Kept for the next reads (which may be refreshing again: the recognition's own handlers write in Finance afterwards).
        Figure(await ReadAsync(leader, DashboardOf(province, year)), Recognised).ShouldBe(Figure(exact, Recognised), "the exact read kept what it computed");
        foreach (var indicator in exact.Indicators)
        {
            var now = await (await leader.GetAsync(
                $"{GetDashboardBreakdown.Route}?key={Uri.EscapeDataString(indicator.Key)}&unitId={province}&year={year}")).ReadAsync<DashboardBreakdown>();
            indicator.Value.ShouldBe(now.Value, $"{indicator.Key}: the exact figure is the one its source gives now");
        }
    }

    [ApiFact]
    public async Task Given_the_province_dashboard_kept_When_a_district_is_read_by_the_leader_or_its_officer_or_another_districts_officer_Then_each_gets_its_own_subtree_or_404()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(leader, "VANLAM");
        const int year = 2025;
        var whole = await ReadAsync(leader, DashboardOf(province, year));

        foreach (var reader in new[] { leader, await api.LoginAsync(Users.VanLamOfficer) })
        {
            var district = await ReadAsync(reader, DashboardOf(vanLam, year));
            district.Unit.Id.ShouldBe(vanLam);
            district.Refreshing.ShouldBeFalse("nothing kept for this unit and reach: computed now");
            foreach (var indicator in district.Indicators)
            {
                var now = await (await reader.GetAsync(
                    $"{GetDashboardBreakdown.Route}?key={Uri.EscapeDataString(indicator.Key)}&unitId={vanLam}&year={year}")).ReadAsync<DashboardBreakdown>();
                indicator.Value.ShouldBe(now.Value, $"{indicator.Key}: Văn Lâm's own subtree, not the province's kept figure");
            }
        }
        Figure(whole, "organization.officials").ShouldBeGreaterThan(
            Figure(await ReadAsync(leader, DashboardOf(vanLam, year)), "organization.officials"), "the province holds more than one district");

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await myHao.GetAsync(DashboardOf(vanLam, year))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a kept part never answers outside scope");
        (await myHao.GetAsync(DashboardOf(province, year))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>The province's dashboard of this year, every part computed now and kept (no earlier refresh still running).</summary>
    private async Task<(HttpClient Leader, Guid Province, int Year, Dashboard Before)> KeptProvinceAsync()
    {
        var leader = await api.LoginAsync(Users.Leader);
        var province = await AnnualReportTests.UnitIdAsync(leader, "HY");
        var year = DateTime.UtcNow.AddHours(7).Year; // the submission is stamped in real time; the decision may not predate it
        await Refresher.WhenIdleAsync(TimeSpan.FromMinutes(1));
        var before = await ReadAsync(leader, DashboardOf(province, year, fresh: true));
        before.Refreshing.ShouldBeFalse();
        return (leader, province, year, before);
    }

    private async Task RecogniseAsync(int year, string title)
    {
        var member = await api.LoginAsync("doanvien@hungyen.demo");
        var decider = await api.LoginAsync(Users.VanLamOfficer);
        var lacHong = await AnnualReportTests.UnitIdAsync(member, "VANLAM-DETMAYLACHONG");
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        today.Year.ShouldBe(year);
        await DashboardRecordsTests.RecognisedInitiativeAsync(member, decider, lacHong, title, 1_000_000m, today, $"{Guid.NewGuid():N}"[..8] + "/CN-BCT");
    }

    /// <summary>Reads until the dashboard is no longer refreshing, each read once the refreshes are done (ten rounds at most).</summary>
    private async Task<Dashboard> UntilRefreshedAsync(HttpClient client, string url)
    {
        for (var round = 0; round < 10; round++)
        {
            await Refresher.WhenIdleAsync(TimeSpan.FromMinutes(1));
            var read = await ReadAsync(client, url);
            if (!read.Refreshing) return read;
        }
        throw new ShouldAssertException("the dashboard was still refreshing after ten rounds");
    }
}
