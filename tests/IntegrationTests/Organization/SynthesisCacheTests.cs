using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Http;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Features.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Organization;

/// <summary>
/// The synthesis is kept per subtree and period under the Organization data stamp (issue #17, ADR 0010): each read
/// after a report's step or a unit's change answers afresh, equal to the fold of every value, on any instance, and a
/// kept province synthesis never answers a district officer.
/// </summary>
public sealed class SynthesisCacheTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static string SynthesisOf(Guid period, Guid? within = null) =>
        GetSynthesis.Route.Replace("{periodId}", period.ToString()) + (within is null ? "" : $"?within={within}");

    private async Task<Guid> PeriodAsync(HttpClient admin, int year)
    {
        var province = await AnnualReportTests.UnitIdAsync(admin, "HY");
        var created = await admin.PostJsonAsync(CreateReportPeriod.Route, new
        {
            unitId = province, year, title = $"Báo cáo thử năm {year}", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            indicators = new object[] { new { code = "a", name = "Chỉ tiêu A", section = "Nhóm 1", kind = "Number", measure = "người" } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.ReadAsync<ReportPeriodDetail>()).Id;
    }

    private static async Task<ReportView> SubmitAsync(HttpClient client, Guid period, Guid unit, decimal a, bool again = false)
    {
        var save = AnnualReportTests.Put(GetUnitReport.For(period, unit), new { values = new object[] { new { code = "a", number = a } } }, null);
        if (again) save.Headers.TryAddWithoutValidation("If-Match", "*");
        var saved = await (await client.SendAsync(save)).ReadAsync<ReportView>();
        var submit = await client.PostAsync(SubmitReport.Route.Replace("{id}", saved.Id.ToString()), null);
        submit.StatusCode.ShouldBe(HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
        return await submit.ReadAsync<ReportView>();
    }

    private static async Task<Synthesis> ReadAsync(HttpClient client, Guid period, Guid? within = null) =>
        await (await client.GetAsync(SynthesisOf(period, within))).ReadAsync<Synthesis>();

    /// <summary>The uncached computation: every unit's values read into memory and added up there (the exports' path).</summary>
    private static Task<Synthesis> FoldAsync(ApiFactory instance, Guid period, Guid? within) =>
        instance.InScopeAsync(async sp => (await sp.GetRequiredService<SynthesisBuilder>().BuildAsync(period, within, CancellationToken.None)).Result);

    /// <summary>Equal numbers whatever their scale (4.0 read from a stored value, 4 from a database sum).</summary>
    private static string Normalised(Synthesis s) => System.Text.RegularExpressions.Regex.Replace(
        System.Text.Json.JsonSerializer.Serialize(s, Support.Http.Json), @"(\d)\.0+(?=[,}\]])|(\.\d*?[1-9])0+(?=[,}\]])", "$1$2");

    private async Task ShouldEqualTheFoldAsync(HttpClient client, Guid period, Guid? within, string step)
    {
        var first = await ReadAsync(client, period, within);
        var kept = await ReadAsync(client, period, within);
        var folded = await FoldAsync(api, period, within);
        Normalised(first).ShouldBe(Normalised(folded), $"after {step}, within {within}");
        Normalised(kept).ShouldBe(Normalised(folded), $"the kept synthesis after {step}, within {within}");
    }

    [ApiFact]
    public async Task Given_a_kept_synthesis_When_a_report_is_submitted_returned_resubmitted_and_accepted_Then_the_next_read_shows_each_step_and_equals_the_fold()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var period = await PeriodAsync(admin, 2016);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var grassroots = (await (await admin.GetAsync($"{ListUnits.Route}?within={vanLam}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
            .Items.Where(u => u.Id != vanLam).OrderBy(u => u.Code).First();
        await ShouldEqualTheFoldAsync(board, period, null, "nothing reported");
        await ShouldEqualTheFoldAsync(board, period, vanLam, "nothing reported");

        var submitted = await SubmitAsync(admin, period, grassroots.Id, 5);
        var afterSubmit = await ReadAsync(board, period);
        afterSubmit.Indicators.Single(i => i.Code == "a").Total.ShouldBe(5m, "the submitted report counts at the next read");
        afterSubmit.Submissions.AwaitingReview.ShouldBe(1);
        (await ReadAsync(board, period, vanLam)).ByUnit.Single(g => g.UnitId == grassroots.Id).Totals["a"].ShouldBe(5m);
        await ShouldEqualTheFoldAsync(board, period, null, "a submission");

        (await admin.PostAsJsonAsync(ReturnReport.Route.Replace("{id}", submitted.Id.ToString()), new { comment = "Sai số liệu" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterReturn = await ReadAsync(board, period);
        afterReturn.Indicators.Single(i => i.Code == "a").Total.ShouldBe(0m, "a returned report is no longer counted");
        afterReturn.Submissions.Returned.ShouldBe(1);
        await ShouldEqualTheFoldAsync(board, period, vanLam, "a return");

        await SubmitAsync(admin, period, grassroots.Id, 7, again: true);
        (await ReadAsync(board, period)).Indicators.Single(i => i.Code == "a").Total.ShouldBe(7m, "the corrected values count once resubmitted");
        (await admin.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", submitted.Id.ToString()), new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var afterAccept = await ReadAsync(board, period);
        afterAccept.Submissions.Accepted.ShouldBe(1);
        afterAccept.Submissions.AwaitingReview.ShouldBe(0);
        await ShouldEqualTheFoldAsync(board, period, null, "an acceptance");
        await ShouldEqualTheFoldAsync(board, period, vanLam, "an acceptance");
    }

    [ApiFact]
    public async Task Given_a_kept_synthesis_When_a_unit_is_added_to_the_subtree_Then_the_next_read_expects_its_report()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var period = await PeriodAsync(admin, 2015);
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var before = await ReadAsync(admin, period, vanLam);

        var created = await admin.PostJsonAsync(CreateUnit.Route, new { code = "VANLAM-CACHE", name = "CĐCS Công ty Bộ nhớ đệm", kind = "Grassroots", parentId = vanLam });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());

        var after = await ReadAsync(admin, period, vanLam);
        after.Submissions.Expected.ShouldBe(before.Submissions.Expected + 1, "the new unit is expected to report at the next read");
        after.ByUnit.ShouldContain(g => g.Key == "VANLAM-CACHE");
        await ShouldEqualTheFoldAsync(admin, period, vanLam, "a new unit");
    }

    [ApiFact]
    public async Task Given_the_province_synthesis_kept_When_a_district_officer_asks_Then_only_their_subtree_answers_and_the_province_is_404()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var period = await PeriodAsync(admin, 2014);
        var province = await AnnualReportTests.UnitIdAsync(admin, "HY");
        var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
        var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
        await SubmitAsync(admin, period, myHao, 100);
        await SubmitAsync(admin, period, vanLam, 10);
        (await ReadAsync(admin, period)).Indicators.Single(i => i.Code == "a").Total.ShouldBe(110m, "the province synthesis, now kept");
        (await ReadAsync(admin, period, myHao)).Indicators.Single(i => i.Code == "a").Total.ShouldBe(100m, "Mỹ Hào's synthesis, now kept");

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var own = await ReadAsync(officer, period);
        own.Within.Code.ShouldBe("VANLAM");
        own.Indicators.Single(i => i.Code == "a").Total.ShouldBe(10m, "Mỹ Hào's 100 is outside the district officer's subtree");
        own.ByUnit.ShouldNotContain(g => g.Key == "MYHAO");
        (await officer.GetAsync(SynthesisOf(period, province))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the kept province synthesis is not theirs");
        (await officer.GetAsync(SynthesisOf(period, myHao))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "nor another district's");
    }

    [ApiFact]
    public async Task Given_two_instances_over_one_database_When_a_report_is_submitted_through_one_Then_the_others_kept_synthesis_shows_it_at_the_next_read()
    {
        Assert.SkipWhen(TestEngine.Name != "Sqlite", "the second instance opens the first one's data folder (SQLite files)");
        var admin = await api.LoginAsync(Users.Admin);
        var period = await PeriodAsync(admin, 2013);
        var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
        (await ReadAsync(admin, period)).Submissions.AwaitingReview.ShouldBe(0);

        await using var replica = new StoppingApi(api.DataDir, stopsBeforeAnswering: false);
        await replica.InitializeAsync();
        await SubmitAsync(await replica.LoginAsync(Users.Admin), period, myHao, 42);

        var after = await ReadAsync(admin, period);
        after.Submissions.AwaitingReview.ShouldBe(1, "a write on another replica renews the stamp this one reads");
        after.Indicators.Single(i => i.Code == "a").Total.ShouldBe(42m);
    }
}
