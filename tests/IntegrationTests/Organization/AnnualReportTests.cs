using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using DocumentFormat.OpenXml.Packaging;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Text;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Reports;
using Khcn.Organization.Features.Units;
using Khcn.Platform.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Khcn.IntegrationTests.Organization;

/// <summary>The annual report workflow, its scope rules, the reminders and the demo period.</summary>
public sealed class AnnualReportTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    internal static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
        .Items.Single(u => u.Code == code).Id;

    internal static async Task<ReportPeriodListItem> CurrentPeriodAsync(HttpClient client) =>
        (await (await client.GetAsync($"{ListReportPeriods.Route}?year={DateTime.UtcNow.AddHours(7).Year}")).ReadAsync<PagedResult<ReportPeriodListItem>>())
        .Items.ShouldHaveSingleItem();

    internal static HttpRequestMessage Put(string url, object body, long? version)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (version is { } v) request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        return request;
    }

    internal static object Filled(ReportView report, decimal number) => new
    {
        values = report.Values.Select(v => v.Kind != Khcn.Organization.Domain.IndicatorKind.Text
            ? (object)new { code = v.Code, number = v.Suggested ?? (v.Kind == Khcn.Organization.Domain.IndicatorKind.YesNo ? 1m : number) }
            : new { code = v.Code, text = $"Nội dung {v.Code}" }).ToList(),
    };

    [ApiFact]
    public async Task Given_the_district_report_When_submitted_returned_resubmitted_and_accepted_Then_each_step_is_guarded_and_recorded()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var board = await api.LoginAsync(Users.PolicyLaw);
        var period = await CurrentPeriodAsync(officer);
        var vanLam = await UnitIdAsync(officer, "VANLAM");
        var url = GetUnitReport.For(period.Id, vanLam);

        var fresh = await (await officer.GetAsync(url)).ReadAsync<ReportView>();
        fresh.Id.ShouldBeNull("the demo leaves Văn Lâm's report unstarted");
        fresh.State.ShouldBe(SubmissionState.NotStarted);
        fresh.Values.Single(v => v.Code == "focal_official").Number.ShouldBe(1m, "pre-filled: Văn Lâm has an active focal official");
        fresh.Values.Single(v => v.Code == "officials").Number!.Value.ShouldBeGreaterThan(0m, "pre-filled from the officials register");

        var draft = await (await officer.SendAsync(Put(url, new { values = new[] { new { code = "campaigns", number = 4m } } }, null))).ReadAsync<ReportView>();
        draft.State.ShouldBe(SubmissionState.Draft);
        draft.Values.Single(v => v.Code == "focal_official").Number.ShouldBe(1m, "the pre-filled figures are kept on first save");
        var incomplete = await officer.PostAsync(SubmitReport.Route.Replace("{id}", draft.Id.ToString()), null);
        var problem = await incomplete.ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_incomplete");
        problem.GetProperty("errors").TryGetProperty("people_reached", out _).ShouldBeTrue();

        var filled = await (await officer.SendAsync(Put(url, Filled(draft, 7m), draft.Version))).ReadAsync<ReportView>();
        var submitted = await (await officer.PostAsync(SubmitReport.Route.Replace("{id}", filled.Id.ToString()), null)).ReadAsync<ReportView>();
        submitted.State.ShouldBe(SubmissionState.Submitted);
        submitted.Late.ShouldBeFalse("the demo deadline is six days ahead");
        await (await officer.SendAsync(Put(url, Filled(submitted, 8m), submitted.Version))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_not_editable");

        var selfAccept = await officer.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", submitted.Id.ToString()), new { });
        await selfAccept.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noComment = await board.PostAsJsonAsync(ReturnReport.Route.Replace("{id}", submitted.Id.ToString()), new { comment = "" });
        await noComment.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var returned = await (await board.PostAsJsonAsync(ReturnReport.Route.Replace("{id}", submitted.Id.ToString()), new { comment = "Bổ sung số liệu sáng kiến" })).ReadAsync<ReportView>();
        returned.State.ShouldBe(SubmissionState.Returned);
        returned.ReviewComment.ShouldBe("Bổ sung số liệu sáng kiến");

        // The notice is written with the step and arrives through the outbox just after it.
        await Notices.WaitForAsync(officer, p => p.Items.Any(n => n.Kind == "report.returned" && n.Text.Contains("Bổ sung số liệu sáng kiến") && !n.Read),
            "the returned report's notice");

        var corrected = await (await officer.SendAsync(Put(url, Filled(returned, 9m), returned.Version))).ReadAsync<ReportView>();
        corrected.Values.Single(v => v.Code == "initiatives_submitted").Number.ShouldBe(9m);
        (await officer.PostAsync(SubmitReport.Route.Replace("{id}", corrected.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await (await board.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", corrected.Id.ToString()), new { })).ReadAsync<ReportView>();
        accepted.State.ShouldBe(SubmissionState.Accepted);
        accepted.Events.Select(e => e.Action).ShouldBe(["submitted", "returned", "submitted", "accepted"]);
        var again = await board.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", corrected.Id.ToString()), new { });
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_not_submitted");
    }

    [ApiFact]
    public async Task Given_a_grassroots_report_When_its_district_reviews_it_Then_the_district_may_accept_it_and_another_district_cannot_see_it()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        var period = await CurrentPeriodAsync(vanLam);
        var submissions = await (await vanLam.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=Submitted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>();
        var grassroots = submissions.Items.First(s => s.Code.StartsWith("VANLAM-", StringComparison.Ordinal));

        (await myHao.GetAsync(GetUnitReport.For(period.Id, grassroots.UnitId))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await myHao.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", grassroots.ReportId.ToString()), new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var view = await (await vanLam.GetAsync(GetUnitReport.For(period.Id, grassroots.UnitId))).ReadAsync<ReportView>();
        view.CanReview.ShouldBeTrue();
        var accepted = await (await vanLam.PostAsJsonAsync(AcceptReport.Route.Replace("{id}", grassroots.ReportId.ToString()), new { comment = "Đạt" })).ReadAsync<ReportView>();
        accepted.State.ShouldBe(SubmissionState.Accepted);
        accepted.ReviewedBy.ShouldBe(Users.VanLamOfficer);
    }

    [ApiFact]
    public async Task Given_a_report_When_saved_with_values_that_do_not_fit_the_template_Then_nothing_is_saved_and_each_error_is_named()
    {
        var officer = await api.LoginAsync(Users.Admin);
        var period = await CurrentPeriodAsync(officer);
        var unit = (await (await officer.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=NotStarted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>()).Items.First(u => u.Code != "VANLAM");
        var url = GetUnitReport.For(period.Id, unit.UnitId);

        var response = await officer.SendAsync(Put(url, new
        {
            values = new object[] { new { code = "campaigns", number = 2m }, new { code = "no_such", number = 1m }, new { code = "highlights", number = 3m } },
        }, null));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        errors.TryGetProperty("values[1].code", out _).ShouldBeTrue();
        errors.TryGetProperty("values[2].number", out _).ShouldBeTrue();
        (await (await officer.GetAsync(url)).ReadAsync<ReportView>()).Id.ShouldBeNull("nothing was saved");
    }

    [ApiFact]
    public async Task Given_the_standard_template_When_a_report_is_read_and_saved_Then_yes_no_questions_are_yes_no_and_sourced_values_say_where_they_come_from()
    {
        // #16: the yes/no questions were number boxes "(1 = có)" and the pre-filled values did not say where they came from.
        var admin = await api.LoginAsync(Users.Admin);
        var period = await CurrentPeriodAsync(admin);
        var unit = (await (await admin.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=NotStarted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>()).Items.Last(u => u.Code != "VANLAM"); // the other tests take the first
        var url = GetUnitReport.For(period.Id, unit.UnitId);
        var fresh = await (await admin.GetAsync(url)).ReadAsync<ReportView>();

        var planIssued = fresh.Values.Single(v => v.Code == "plan_issued");
        planIssued.Kind.ShouldBe(Khcn.Organization.Domain.IndicatorKind.YesNo);
        planIssued.Name.ShouldNotContain("1 = có");
        planIssued.SourceDescription.ShouldNotBeNullOrWhiteSpace();
        fresh.Values.Single(v => v.Code == "focal_official").Kind.ShouldBe(Khcn.Organization.Domain.IndicatorKind.YesNo);
        fresh.Values.Single(v => v.Code == "officials").SourceDescription.ShouldNotBeNullOrWhiteSpace("it says where the figure comes from");
        fresh.Values.Single(v => v.Code == "funding").SourceDescription.ShouldNotBeNullOrWhiteSpace("pre-filled from Finance's budget execution");
        fresh.Values.Single(v => v.Code == "highlights").SourceDescription.ShouldBeNull("typed by the unit");

        var two = await admin.SendAsync(Put(url, new { values = new object[] { new { code = "plan_issued", number = 2m } } }, null));
        (await two.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("values[0].number", out _).ShouldBeTrue();
        var yes = await (await admin.SendAsync(Put(url, new { values = new object[] { new { code = "plan_issued", number = 1m } } }, null))).ReadAsync<ReportView>();
        yes.Values.Single(v => v.Code == "plan_issued").Number.ShouldBe(1m);
    }

    [ApiFact]
    public async Task Given_plan_405_and_this_years_period_When_reading_plan_issued_Then_each_unit_answers_as_the_plans_compliance_view_counts_it()
    {
        // #16: "Đã ban hành kế hoạch" came as 0 for units that had issued their plan (plan 405 covers 2023–2025, the
        // demo's year is later) while the compliance view listed them as issued. One definition serves both.
        var board = await api.LoginAsync(Users.PolicyLaw);
        var plan = (await (await board.GetAsync($"{Khcn.Organization.Features.Plans.ListPlans.Route}?q=405")).ReadAsync<PagedResult<Khcn.Organization.Features.Plans.PlanListItem>>())
            .Items.Single(p => p.Number == "405/KH-LĐLĐ");
        var compliance = await (await board.GetAsync($"{Khcn.Organization.Features.Plans.GetPlanCompliance.Route.Replace("{id}", plan.Id.ToString())}?pageSize=100"))
            .ReadAsync<Khcn.Organization.Features.Plans.PlanComplianceReport>();
        compliance.Totals.IssuedOnTime.ShouldBeGreaterThan(0);
        var period = await CurrentPeriodAsync(board);

        var answers = new List<(string Unit, bool Issued, decimal? Answer)>();
        foreach (var row in compliance.Units.Items)
        {
            var report = await (await board.GetAsync(GetUnitReport.For(period.Id, row.UnitId))).ReadAsync<ReportView>();
            answers.Add((row.UnitCode, row.Status is Khcn.Organization.Features.Plans.ComplianceStatus.IssuedOnTime or Khcn.Organization.Features.Plans.ComplianceStatus.IssuedLate,
                report.Values.Single(v => v.Code == "plan_issued").Suggested));
        }
        answers.Where(a => a.Answer != (a.Issued ? 1m : 0m)).ShouldBeEmpty("every unit's pre-filled answer matches the compliance view");
        answers.Count(a => a.Answer == 1m).ShouldBe(compliance.Totals.IssuedOnTime + compliance.Totals.IssuedLate);
    }

    [ApiFact]
    public async Task Given_a_submitted_grassroots_report_When_printed_Then_it_is_a_decree_30_document_of_that_unit_with_yes_no_in_words()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var period = await CurrentPeriodAsync(vanLam);
        var submitted = (await (await vanLam.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=Submitted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>()).Items.First(s => s.Code.StartsWith("VANLAM-", StringComparison.Ordinal));

        var response = await vanLam.GetAsync(ExportUnitReportDocx.For(period.Id, submitted.UnitId) + "?number=07/BC-CĐCS&signerName=Trần%20Văn%20B");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        paragraphs.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        paragraphs.ShouldContain("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN LÂM", "the body directly above the grassroots union heads its report");
        paragraphs.ShouldContain(submitted.Name.ToUpper(System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));
        paragraphs.ShouldContain("Số: 07/BC-CĐCS");
        paragraphs.ShouldContain("- Liên đoàn Lao động huyện Văn Lâm (để báo cáo);", "reported to the unit above by default");
        paragraphs.ShouldContain("Trần Văn B");
        var table = doc.MainDocumentPart.Document.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableRow>()
            .Select(r => r.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList())
            .First(cells => cells.Count == 4 && cells[1] == "Đã ban hành kế hoạch thực hiện");
        table[3].ShouldBeOneOf("Có", "Không");
        string.Concat(paragraphs).ShouldNotContain("1 = có");
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Select(e => e.Description).ShouldBeEmpty();

        var vanLamItself = await UnitIdAsync(vanLam, "VANLAM");
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await myHao.GetAsync(ExportUnitReportDocx.For(period.Id, submitted.UnitId))).StatusCode.ShouldBe(HttpStatusCode.NotFound, "outside Mỹ Hào's scope");
        var drafts = (await (await vanLam.GetAsync($"{ListSubmissions.Route.Replace("{periodId}", period.Id.ToString())}?state=NotStarted&pageSize=200"))
            .ReadAsync<PagedResult<SubmissionItem>>()).Items;
        if (drafts.FirstOrDefault(d => d.UnitId != vanLamItself) is { } notStarted)
            await (await vanLam.GetAsync(ExportUnitReportDocx.For(period.Id, notStarted.UnitId))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "report_not_submitted");
    }

    [ApiFact]
    public async Task Given_the_demo_periods_When_searching_without_diacritics_Then_the_vietnamese_titles_are_found()
    {
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var year = DateTime.UtcNow.AddHours(7).Year;
        async Task<PagedResult<ReportPeriodListItem>> SearchAsync(string q) =>
            await (await vanLam.GetAsync($"{ListReportPeriods.Route}?year={year}&q={Uri.EscapeDataString(q)}")).ReadAsync<PagedResult<ReportPeriodListItem>>();

        var plain = await SearchAsync("bao cao KET QUA");
        var withD = await SearchAsync("dmst"); // "Đ" matches "d"
        var none = await SearchAsync("khong co ky nay");

        plain.Items.ShouldHaveSingleItem().Title.ShouldBe($"Báo cáo kết quả thực hiện nhiệm vụ KH,CN&ĐMST năm {year}");
        withD.Items.ShouldHaveSingleItem();
        none.Items.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_unit_officer_When_reading_the_catalogue_Then_the_standard_template_and_the_prefill_sources_answer()
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var catalogue = await (await officer.GetAsync(GetReportingCatalogue.Route)).ReadAsync<ReportingCatalogue>();
        catalogue.DefaultTemplate.Select(i => i.Code).ShouldContain("focal_official");
        catalogue.Sources.Select(s => s.Key).ShouldContain("organization.focal-official");
    }
}

/// <summary>The reminders, on a demo dataset no other test changes.</summary>
public sealed class ReportReminderTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    /// <summary>Runs the reminder job once, outside any request (as the job runner does).</summary>
    internal static Task RunRemindersAsync(ApiFactory factory) => factory.InScopeAsync(async sp =>
    {
        await sp.GetServices<IRecurringJob>().Single(j => j.Name == "report-reminders").RunAsync(CancellationToken.None);
        return true;
    });

    /// <summary>The reminders the job has queued (report_reminders), as (unit code, phase).</summary>
    internal static Task<List<(string Unit, string Phase)>> QueuedAsync(ApiFactory factory) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>();
        var rows = await db.ReportReminders.Join(db.Units.IgnoreQueryFilters(), r => r.UnitId, u => u.Id, (r, u) => new { u.Code, r.Phase }).ToListAsync();
        return rows.Select(r => (r.Code, r.Phase)).ToList();
    });

    [ApiFact]
    public async Task Given_units_without_a_report_near_the_deadline_When_the_reminder_job_runs_twice_Then_each_unit_is_notified_once()
    {
        await RunRemindersAsync(api);
        await RunRemindersAsync(api);

        var queued = await QueuedAsync(api);
        queued.Count(q => q == ("VANLAM", "due-soon")).ShouldBe(1, "Văn Lâm has not submitted; one reminder queued despite two runs");
        queued.ShouldNotContain(q => q.Unit == "MYHAO", "Mỹ Hào has submitted");

        var vanLamFocal = await api.LoginAsync(Users.VanLamFocal);
        var notices = await Notices.WaitForAsync(vanLamFocal, p => p.Items.Any(n => n.Kind == "report.due-soon"), "the due-soon notice, through the outbox");
        var notice = notices.Items.Where(n => n.Kind == "report.due-soon").ShouldHaveSingleItem();
        notice.Params!["unit"].ShouldBe("Liên đoàn Lao động huyện Văn Lâm");
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await (await myHao.GetAsync(ListMyNotifications.Route)).ReadAsync<NotificationsPage>()).Items
            .ShouldNotContain(n => n.Kind == "report.due-soon", "Mỹ Hào has submitted");

        (await vanLamFocal.PostAsync(MarkNotificationRead.Route.Replace("{id}", notice.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var after = await (await vanLamFocal.GetAsync($"{ListMyNotifications.Route}?unreadOnly=true&pageSize=100")).ReadAsync<NotificationsPage>();
        after.Items.ShouldNotContain(n => n.Id == notice.Id);
        (await myHao.PostAsync(MarkNotificationRead.Route.Replace("{id}", notice.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_an_instance_stopped_between_the_reminder_commit_and_its_dispatch_When_another_starts_Then_the_unit_gets_the_notice_once()
    {
        // The reminder and its notice's outbox event commit together (issue 11: one way for notices, db.Notify):
        // nothing is lost if the instance dies before the dispatcher runs, and the restarted job queues nothing twice.
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        await using (var stopped = new RestartableApi(dataDir, dispatch: false))
        {
            await stopped.InitializeAsync();
            await RunRemindersAsync(stopped);
            (await QueuedAsync(stopped)).ShouldContain(("VANLAM", "due-soon"));
            (await stopped.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications
                .CountAsync(n => n.Kind == "report.due-soon"))).ShouldBe(0, "nothing is dispatched while the dispatcher is down");
        }

        await using var restarted = new RestartableApi(dataDir, dispatch: true);
        await restarted.InitializeAsync();
        await RunRemindersAsync(restarted);
        var vanLamFocal = await restarted.LoginAsync(Users.VanLamFocal);
        var notices = await Notices.WaitForAsync(vanLamFocal, p => p.Items.Any(n => n.Kind == "report.due-soon"), "the pending reminder reaching Platform");
        notices.Items.Count(n => n.Kind == "report.due-soon").ShouldBe(1, "queued once before the stop, not again after the restart");
        (await QueuedAsync(restarted)).Count(q => q == ("VANLAM", "due-soon")).ShouldBe(1);
        Directory.Delete(dataDir, recursive: true);
    }
}

/// <summary>A reminder is taken back once the unit submits (its own demo dataset: Văn Lâm submits here).</summary>
public sealed class ReportReminderWithdrawnTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_a_due_soon_reminder_When_the_unit_submits_Then_the_reminder_is_withdrawn_and_not_sent_again()
    {
        await ReportReminderTests.RunRemindersAsync(api);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await Notices.WaitForAsync(officer, p => p.Items.Any(n => n.Kind == "report.due-soon"), "the due-soon reminder");

        var period = await AnnualReportTests.CurrentPeriodAsync(officer);
        var url = GetUnitReport.For(period.Id, await AnnualReportTests.UnitIdAsync(officer, "VANLAM"));
        var fresh = await (await officer.GetAsync(url)).ReadAsync<ReportView>();
        var draft = await (await officer.SendAsync(AnnualReportTests.Put(url, AnnualReportTests.Filled(fresh, 3m), null))).ReadAsync<ReportView>();
        (await officer.PostAsync(SubmitReport.Route.Replace("{id}", draft.Id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // #16: the reminder stayed after submitting; it asks nothing of anyone now.
        await Notices.WaitForAsync(officer, p => p.Items.All(n => n.Kind != "report.due-soon"), "the reminder withdrawn after the submission");
        await ReportReminderTests.RunRemindersAsync(api);
        var focal = await api.LoginAsync(Users.VanLamFocal);
        (await (await focal.GetAsync($"{ListMyNotifications.Route}?pageSize=100")).ReadAsync<NotificationsPage>()).Items
            .ShouldNotContain(n => n.Kind.StartsWith("report.due-soon", StringComparison.Ordinal), "a submitted unit is not reminded again");
        (await ReportReminderTests.QueuedAsync(api)).Count(q => q == ("VANLAM", "due-soon")).ShouldBe(1);
    }
}

/// <summary>The synthesis on a known dataset of its own (a period of a past year, filled in by the tests), and its exports.</summary>
public sealed class ReportSynthesisTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private sealed record Dataset(Guid PeriodId, Guid VanLam, Guid Province, string[] GrassrootsCodes);

    private static readonly SemaphoreSlim Once = new(1, 1);
    private static Dataset? _dataset;

    /// <summary>
    /// Year 2019, indicators a (number), b (number), note (text). Văn Lâm's first grassroots union submits 5/1 on time;
    /// the second submits 7/2 on time and is returned (not counted); then the deadline moves into the past and Văn Lâm
    /// submits 10/3, late. Mỹ Hào submits 100/0 on time. Everything else: nothing.
    /// </summary>
    private async Task<Dataset> DatasetAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_dataset is not null) return _dataset;
            var admin = await api.LoginAsync(Users.Admin);
            var province = await AnnualReportTests.UnitIdAsync(admin, "HY");
            var vanLam = await AnnualReportTests.UnitIdAsync(admin, "VANLAM");
            var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
            var grassroots = (await (await admin.GetAsync($"{ListUnits.Route}?within={vanLam}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>())
                .Items.Where(u => u.Id != vanLam).OrderBy(u => u.Code).ToList();
            var created = await admin.PostJsonAsync(CreateReportPeriod.Route, new
            {
                unitId = province, year = 2019, title = "Báo cáo thử năm 2019", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
                indicators = new object[]
                {
                    new { code = "a", name = "Chỉ tiêu A", section = "Nhóm 1", kind = "Number", measure = "người" },
                    new { code = "b", name = "Chỉ tiêu B", section = "Nhóm 1", kind = "Number", measure = "VND" },
                    new { code = "note", name = "Ghi chú", section = "Nhóm 2", kind = "Text" },
                },
            });
            created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            var period = await created.ReadAsync<ReportPeriodDetail>();

            async Task<ReportView> SubmitAsync(Guid unit, decimal a, decimal b, string note)
            {
                var saved = await (await admin.SendAsync(AnnualReportTests.Put(GetUnitReport.For(period.Id, unit),
                    new { values = new object[] { new { code = "a", number = a }, new { code = "b", number = b }, new { code = "note", text = note } } }, null))).ReadAsync<ReportView>();
                var submit = await admin.PostAsync(SubmitReport.Route.Replace("{id}", saved.Id.ToString()), null);
                submit.StatusCode.ShouldBe(HttpStatusCode.OK, await submit.Content.ReadAsStringAsync());
                return await submit.ReadAsync<ReportView>();
            }

            await SubmitAsync(grassroots[0].Id, 5, 1, "Đã tổ chức hội thảo về đổi mới sáng tạo");
            var second = await SubmitAsync(grassroots[1].Id, 7, 2, "Bị trả lại nên không được tổng hợp");
            (await admin.PostAsJsonAsync(ReturnReport.Route.Replace("{id}", second.Id.ToString()), new { comment = "Sai số liệu" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            await SubmitAsync(myHao, 100, 0, "Thiếu kinh phí cho đề tài nghiên cứu");

            var locked = await admin.SendAsync(AnnualReportTests.Put(GetReportPeriod.For(period.Id), new
            {
                title = period.Title, deadline = "2020-01-15",
                indicators = new object[] { new { code = "a", name = "Chỉ tiêu A", section = "Nhóm 1", kind = "Number" } },
            }, period.Version));
            await locked.ShouldBeProblemAsync(HttpStatusCode.Conflict, "template_in_use");
            var current = await (await admin.GetAsync(GetReportPeriod.For(period.Id))).ReadAsync<ReportPeriodDetail>();
            var moved = await admin.SendAsync(AnnualReportTests.Put(GetReportPeriod.For(period.Id), new { title = period.Title, deadline = "2020-01-15" }, current.Version));
            moved.StatusCode.ShouldBe(HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
            (await SubmitAsync(vanLam, 10, 3, "Phát động phong trào Lao động sáng tạo\nở 12 công đoàn cơ sở")).Late.ShouldBeTrue();

            return _dataset = new Dataset(period.Id, vanLam, province, grassroots.Select(g => g.Code).ToArray());
        }
        finally { Once.Release(); }
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_synthesised_over_a_district_Then_totals_count_only_submitted_reports_and_timeliness_is_split()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);

        var s = await (await board.GetAsync($"{GetSynthesis.Route.Replace("{periodId}", data.PeriodId.ToString())}?within={data.VanLam}")).ReadAsync<Synthesis>();

        s.Submissions.Expected.ShouldBe(1 + data.GrassrootsCodes.Length);
        s.Submissions.OnTime.ShouldBe(2, "the two grassroots unions, before the deadline (the returned one did submit on time)");
        s.Submissions.Late.ShouldBe(1);
        s.Submissions.NotSubmitted.ShouldBe(data.GrassrootsCodes.Length - 2);
        s.Submissions.Returned.ShouldBe(1);
        s.Indicators.Single(i => i.Code == "a").Total.ShouldBe(15m, "10 + 5; the returned report's 7 is not counted");
        s.Indicators.Single(i => i.Code == "b").Total.ShouldBe(4m);
        s.ByUnit.First().UnitId.ShouldBe(data.VanLam, "the district's own report comes first");
        s.ByUnit.First().Totals["a"].ShouldBe(10m);
        s.ByUnit.Single(g => g.Key == data.GrassrootsCodes[0]).Totals["a"].ShouldBe(5m);
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_synthesised_over_the_province_Then_districts_roll_up_their_subtrees()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);

        var s = await (await board.GetAsync(GetSynthesis.Route.Replace("{periodId}", data.PeriodId.ToString()))).ReadAsync<Synthesis>();

        s.Within.Code.ShouldBe("HY");
        s.Indicators.Single(i => i.Code == "a").Total.ShouldBe(115m);
        s.ByUnit.Single(g => g.Key == "VANLAM").Totals["a"].ShouldBe(15m);
        s.ByUnit.Single(g => g.Key == "VANLAM").Submissions.Late.ShouldBe(1);
        s.ByUnit.Single(g => g.Key == "MYHAO").Totals["a"].ShouldBe(100m);
        s.ByKind.Single(g => g.Key == "Grassroots").Totals["a"].ShouldBe(5m);

        var vanLamOfficer = await api.LoginAsync(Users.VanLamOfficer);
        var own = await (await vanLamOfficer.GetAsync(GetSynthesis.Route.Replace("{periodId}", data.PeriodId.ToString()))).ReadAsync<Synthesis>();
        own.Within.Code.ShouldBe("VANLAM", "a district officer's synthesis defaults to their own subtree");
        (await vanLamOfficer.GetAsync($"{GetSynthesis.Route.Replace("{periodId}", data.PeriodId.ToString())}?within={data.Province}")).StatusCode
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_aggregated_in_the_database_Then_it_equals_the_fold_of_every_value()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        var periods = (await (await board.GetAsync($"{ListReportPeriods.Route}?pageSize=100")).ReadAsync<PagedResult<ReportPeriodListItem>>()).Items;

        // Every period over its whole unit, and the province's periods (the demo years among them) over Văn Lâm's subtree.
        var cases = periods.Select(p => (p.Id, (Guid?)null))
            .Concat(periods.Where(p => p.UnitId == data.Province).Select(p => (p.Id, (Guid?)data.VanLam)))
            .Append((data.PeriodId, data.VanLam)).Distinct().ToList();
        cases.Count(c => c.Item2 == data.VanLam).ShouldBeGreaterThan(1, "a demo year over a district's subtree is compared too");
        foreach (var (period, within) in cases)
        {
            var query = within is null ? "" : $"?within={within}";
            var aggregated = await (await board.GetAsync(GetSynthesis.Route.Replace("{periodId}", period.ToString()) + query)).ReadAsync<Synthesis>();
            // The hand computation: every unit's values read into memory and added up there (the per-unit lists' path).
            var folded = await api.InScopeAsync(async sp =>
            {
                sp.GetRequiredService<Khcn.BuildingBlocks.Security.AccessContext>().UseSystem();
                return (await sp.GetRequiredService<SynthesisBuilder>().BuildAsync(period, within, CancellationToken.None)).Result;
            });
            // Equal numbers, whatever their scale (4.0 read from a stored value, 4 from a database sum).
            static string Normalised(Synthesis s) => System.Text.RegularExpressions.Regex.Replace(
                System.Text.Json.JsonSerializer.Serialize(s, Support.Http.Json), @"(\d)\.0+(?=[,}\]])|(\.\d*?[1-9])0+(?=[,}\]])", "$1$2");
            Normalised(aggregated).ShouldBe(Normalised(folded), $"period {period}, within {within}");
        }
    }

    [ApiFact]
    public async Task Given_recipients_typed_one_per_line_When_the_synthesis_docx_is_exported_Then_they_replace_the_usual_list()
    {
        // #16: "Nơi nhận" was fixed in the code; like the place and the signer it is chosen by whoever issues the report.
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        var recipients = Uri.EscapeDataString("Sở Khoa học và Công nghệ tỉnh Hưng Yên\n- Thường trực LĐLĐ tỉnh;\n\nLưu: VT, CSPL");
        var docx = await board.GetAsync($"/api/v1/organization/reports/periods/{data.PeriodId}/synthesis.docx?place=Văn%20Lâm&recipients={recipients}");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = doc.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        var from = paragraphs.IndexOf("Nơi nhận:");
        from.ShouldBeGreaterThan(0);
        paragraphs.Skip(from + 1).Take(3).ShouldBe(["- Sở Khoa học và Công nghệ tỉnh Hưng Yên;", "- Thường trực LĐLĐ tỉnh;", "- Lưu: VT, CSPL."]);
        paragraphs.ShouldNotContain("- Các ban LĐLĐ tỉnh;", "the usual list is replaced, not added to");
        paragraphs.ShouldContain(p => p.StartsWith("Văn Lâm, ngày ", StringComparison.Ordinal), "the place is a parameter too");

        var tooMany = Uri.EscapeDataString(string.Join("\n", Enumerable.Range(1, 21).Select(i => $"Nơi {i}")));
        await (await board.GetAsync($"/api/v1/organization/reports/periods/{data.PeriodId}/synthesis.docx?recipients={tooMany}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_the_synthesis_xlsx_is_opened_Then_it_reads_as_a_titled_report_with_numbers_formatted()
    {
        // #16: the workbook was a bare header row over raw numbers, with the indicators' English codes up front.
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        var before = DateTimeOffset.UtcNow;
        var response = await board.GetAsync($"{ExportSynthesisXlsx.Route.Replace("{periodId}", data.PeriodId.ToString())}?within={data.VanLam}");
        var after = DateTimeOffset.UtcNow;
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new OpenedWorkbook(await response.Content.ReadAsByteArrayAsync());
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(book.Document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();

        const string totals = "Tổng hợp";
        book.Text(totals, "A1").ShouldBe("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN LÂM", "the unit in scope issues it");
        book.Text(totals, "A2").ShouldBe("TỔNG HỢP BÁO CÁO KH,CN&ĐMST NĂM 2019");
        book.IsBold(totals, "A2").ShouldBeTrue();
        book.Text(totals, "A3").ShouldBe("Phạm vi: Liên đoàn Lao động huyện Văn Lâm và các đơn vị trực thuộc");
        var exported = DateTime.ParseExact(book.Text(totals, "A4").Replace("Ngày xuất: ", ""), "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        exported.ShouldBeInRange(VietnamTime.ToLocal(before.UtcDateTime).AddMinutes(-1), VietnamTime.ToLocal(after.UtcDateTime), "in Vietnam time");

        book.Text(totals, "A6").ShouldBe("STT");
        book.IsBold(totals, "A6").ShouldBeTrue("the header row is bold");
        book.Text(totals, "B6").ShouldBe("Nhóm", "the code no longer comes before the Vietnamese name");
        var total = book.ColumnOf(totals, "Tổng");
        book.Text(totals, "C7").ShouldBe("Chỉ tiêu A");
        book.Number(totals, $"{total}7").ShouldBe(15m, "a number, not text");
        book.NumberFormat(totals, $"{total}7").ShouldBe("#,##0");

        const string units = "Tình hình nộp báo cáo";
        var submittedAt = book.ColumnOf(units, "Ngày nộp");
        book.Text(units, "A7").ShouldBe("VANLAM");
        book.Number(units, $"{submittedAt}7").ShouldNotBeNull("a real date");
        book.NumberFormat(units, $"{submittedAt}7").ShouldBe("dd/MM/yyyy HH:mm");
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_exported_Then_the_xlsx_and_the_docx_open_and_carry_the_totals()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        var basePath = $"/api/v1/organization/reports/periods/{data.PeriodId}";

        var xlsx = await board.GetAsync($"{basePath}/synthesis.xlsx?within={data.VanLam}");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            stream.GetSheetNames().ShouldBe(["Tổng hợp", "Theo đơn vị trực thuộc", "Tình hình nộp báo cáo", "Ghi chú"], "a sheet per narrative indicator");
            var totals = stream.ReportRows("Tổng hợp");
            Convert.ToDecimal(totals.Single(r => (string)r["Mã chỉ tiêu"] == "a")["Tổng"]).ShouldBe(15m);
            var units = stream.ReportRows("Tình hình nộp báo cáo");
            units.Count.ShouldBe(1 + data.GrassrootsCodes.Length);
            var notes = stream.ReportRows("Ghi chú");
            notes.Select(r => (string)r["Mã đơn vị"]).ShouldBe(["VANLAM", data.GrassrootsCodes[0]], "the counted reports' answers, the district first");
            ((string)notes[0]["Nội dung"]).ShouldBe("Phát động phong trào Lao động sáng tạo\nở 12 công đoàn cơ sở");
            ((string)notes[0]["Tình trạng"]).ShouldBe("Đã nộp (muộn), chờ duyệt");
        }

        var docx = await board.GetAsync($"{basePath}/synthesis.docx?number=25/BC-LĐLĐ&signerName=Nguyễn%20Văn%20A");
        docx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document!.Body!.InnerText;
        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        text.ShouldContain("Độc lập - Tự do - Hạnh phúc");
        text.ShouldContain("Số: 25/BC-LĐLĐ");
        text.ShouldContain("BÁO CÁO");
        text.ShouldContain("Nơi nhận:");
        text.ShouldContain("Nguyễn Văn A");
        text.ShouldContain("115", Case.Sensitive, "the province total of indicator A");
        text.ShouldContain("Ý KIẾN, ĐÁNH GIÁ CỦA CÁC ĐƠN VỊ");
        text.ShouldContain("1. Ghi chú:");
        text.ShouldContain("Thiếu kinh phí cho đề tài nghiên cứu");
        text.ShouldContain("Phát động phong trào Lao động sáng tạo ở 12 công đoàn cơ sở", Case.Sensitive, "an answer on one line");
        text.ShouldNotContain("Bị trả lại nên không được tổng hợp");
        var validator = new DocumentFormat.OpenXml.Validation.OpenXmlValidator();
        validator.Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
        // Decree 30/2020/NĐ-CP, Appendix I: the body directly above the issuer heads the document.
        text.ShouldContain("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", Case.Sensitive, "the province's report names the confederation above it");

        var districtDocx = await board.GetAsync($"{basePath}/synthesis.docx?within={data.VanLam}");
        districtDocx.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var district = WordprocessingDocument.Open(new MemoryStream(await districtDocx.Content.ReadAsByteArrayAsync()), false);
        var districtText = district.MainDocumentPart!.Document!.Body!.InnerText;
        districtText.ShouldContain("LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN" + "LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĂN LÂM", Case.Sensitive,
            "a district's report keeps the province federation above its own name (#16: it was lost)");
        districtText.ShouldNotContain("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", Case.Sensitive, "the heading, in capitals (the recipients name it in ordinary case)");
    }
    [ApiFact]
    public async Task Given_the_known_dataset_When_reading_a_narrative_indicator_over_a_district_Then_the_counted_reports_answer_unit_by_unit()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);

        var page = await (await board.GetAsync($"{ListNarrativeAnswers.For(data.PeriodId, "note")}?within={data.VanLam}")).ReadAsync<PagedResult<NarrativeAnswer>>();

        page.Total.ShouldBe(2, "Văn Lâm and its first grassroots union; the returned report is not counted");
        page.Items.Select(a => a.Code).ShouldBe(["VANLAM", data.GrassrootsCodes[0]], "the district first, as in the synthesis");
        var district = page.Items[0];
        district.Name.ShouldBe("Liên đoàn Lao động huyện Văn Lâm");
        district.State.ShouldBe(SubmissionState.Submitted);
        district.Late.ShouldBeTrue();
        district.Text.ShouldBe("Phát động phong trào Lao động sáng tạo\nở 12 công đoàn cơ sở");
        page.Items[1].ParentName.ShouldBe("Liên đoàn Lao động huyện Văn Lâm");
        page.Items[1].Text.ShouldBe("Đã tổ chức hội thảo về đổi mới sáng tạo");
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_searching_and_paging_the_province_answers_Then_diacritics_are_ignored_and_pages_add_up()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        var url = ListNarrativeAnswers.For(data.PeriodId, "note");

        var first = await (await board.GetAsync($"{url}?pageSize=2")).ReadAsync<PagedResult<NarrativeAnswer>>();
        var second = await (await board.GetAsync($"{url}?pageSize=2&page=2")).ReadAsync<PagedResult<NarrativeAnswer>>();
        first.Total.ShouldBe(3);
        first.Items.Count.ShouldBe(2);
        second.Items.ShouldHaveSingleItem();
        first.Items.Concat(second.Items).Select(a => a.UnitId).Distinct().Count().ShouldBe(3);

        var found = await (await board.GetAsync($"{url}?q=kinh%20phi")).ReadAsync<PagedResult<NarrativeAnswer>>();
        found.Items.ShouldHaveSingleItem().Code.ShouldBe("MYHAO", "'kinh phi' finds 'kinh phí' in Mỹ Hào's answer");
        var byName = await (await board.GetAsync($"{url}?q=van%20lam")).ReadAsync<PagedResult<NarrativeAnswer>>();
        byName.Items.Select(a => a.Code).ShouldContain("VANLAM", "the unit's name is searched too");
    }

    [ApiFact]
    public async Task Given_the_known_dataset_When_asking_for_a_number_indicator_or_another_subtree_Then_not_found()
    {
        var data = await DatasetAsync();
        var board = await api.LoginAsync(Users.PolicyLaw);
        await (await board.GetAsync(ListNarrativeAnswers.For(data.PeriodId, "a"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await board.GetAsync(ListNarrativeAnswers.For(data.PeriodId, "nope"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var vanLamOfficer = await api.LoginAsync(Users.VanLamOfficer);
        await (await vanLamOfficer.GetAsync($"{ListNarrativeAnswers.For(data.PeriodId, "note")}?within={data.Province}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var own = await (await vanLamOfficer.GetAsync(ListNarrativeAnswers.For(data.PeriodId, "note"))).ReadAsync<PagedResult<NarrativeAnswer>>();
        own.Items.ShouldNotContain(a => a.Code == "MYHAO", "a district officer reads only its own subtree");
    }
}

/// <summary>
/// The "overdue" reminder (ReportOptions.ReminderDaysAfter = 3 days after the deadline), on the demo dataset under the
/// fake clock: the current period's deadline is six days after the seeding day.
/// </summary>
public sealed class ReportOverdueReminderTests(Khcn.IntegrationTests.Platform.ClockedApi api) : IClassFixture<Khcn.IntegrationTests.Platform.ClockedApi>
{
    private async Task<List<(string Unit, string Phase)>> RunRemindersAsync()
    {
        await ReportReminderTests.RunRemindersAsync(api);
        return (await ReportReminderTests.QueuedAsync(api)).Where(q => q.Phase == "overdue").ToList();
    }

    [ApiFact]
    public async Task Given_a_unit_without_a_report_When_the_deadline_is_three_days_past_Then_it_gets_one_overdue_notice_and_a_unit_that_submitted_none()
    {
        var deadline = VietnamTime.Today(api.Clock).AddDays(6);
        var shown = deadline.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);

        api.Clock.Advance(TimeSpan.FromDays(7));
        (await RunRemindersAsync()).ShouldBeEmpty("one day after the deadline is neither due soon nor overdue yet");

        api.Clock.Advance(TimeSpan.FromDays(2));
        await RunRemindersAsync();
        var overdue = await RunRemindersAsync();
        overdue.Count(q => q.Unit == "VANLAM").ShouldBe(1, "Văn Lâm has not submitted; one reminder despite two runs");
        overdue.ShouldNotContain(q => q.Unit == "MYHAO", "Mỹ Hào has submitted");

        var vanLam = await api.InScopeAsync(sp =>
            sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>().Units.IgnoreQueryFilters().Where(u => u.Code == "VANLAM").Select(u => u.Id).SingleAsync());
        // Read where Platform stores it (a token signed on the fake clock's day would not be valid yet on the real one).
        var stored = new List<Khcn.Platform.Domain.Notification>();
        await Eventually.UntilAsync(async () =>
        {
            stored = await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications.AsNoTracking()
                .Where(n => n.Kind == "report.overdue" && n.UnitId == vanLam).ToListAsync());
            return stored.Count > 0;
        }, because: "the overdue notice, through the outbox");
        var notice = stored.ShouldHaveSingleItem();
        notice.Text.ShouldBe($"Báo cáo năm {deadline.Year} của Liên đoàn Lao động huyện Văn Lâm đã quá hạn nộp ({shown}).");
        notice.Params!["deadline"].ShouldBe(shown);
        notice.Link.ShouldNotBeNull().ShouldEndWith($"/units/{vanLam}");
    }
}
