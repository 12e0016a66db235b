using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Khcn.Client;
using Khcn.IntegrationTests.Support;
using Khcn.IntegrationTests.Training;
using static Khcn.IntegrationTests.Training.CourseTesting;
using Reports = Khcn.Organization.Features.Reports;

namespace Khcn.IntegrationTests.Platform;

/// <summary>
/// The generated C# client (clients/csharp/Khcn.Client, NSwag over backend/openapi.json) used exactly as
/// docs/integration.md §7 shows a partner: a partner agency's system schedules a session on one of its confirmed
/// courses, a data warehouse pulls the annual-report synthesis of a year, and a scope not granted is a 403 thrown as
/// the client's <see cref="ApiException{TResult}"/>.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const int Year = 2018;

    [ApiFact]
    public async Task Given_the_partner_agencys_system_When_it_schedules_a_session_with_the_generated_client_Then_the_session_is_there_with_its_time_and_venue()
    {
        // Arrange, by people: the coordinator proposes a course to the university, whose staff confirm it.
        var coordinator = await api.LoginAsync(Coordinator);
        var proposed = await ProposeAsync(coordinator, University);
        (await StepAsync(await api.LoginAsync(UniversityStaff), Khcn.Training.Features.Courses.ConfirmCourse.Route, proposed.Id, proposed.Version))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        // docs/integration.md §7: the token, then TrainingClient over the same HttpClient.
        using var http = api.CreateClient(); // a partner: new HttpClient { BaseAddress = new Uri("https://khcn.example.vn/") }
        var accessToken = await KhcnToken.TakeAsync(http, IntegratorClientTests.DemoClientId, IntegratorClientTests.DemoClientSecret,
            "training.read training.sessions.write");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var training = new TrainingClient(http);

        var confirmed = await training.ListCoursesAsync(status: Training_Domain_CourseStatus.Confirmed, q: proposed.Code);
        var course = confirmed.Items.ShouldHaveSingleItem();
        course.Code.ShouldBe(proposed.Code);
        course.PartnerName.ShouldBe(University);

        var request = new Training_Sessions_ScheduleSession
        {
            Topic = "Buổi 1: Phương pháp nghiên cứu",
            StartsAt = DateTimeOffset.Parse("2031-09-01T08:00:00+07:00"),
            EndsAt = DateTimeOffset.Parse("2031-09-01T11:00:00+07:00"),
            Room = "Hội trường A",
        };
        var key = Guid.NewGuid().ToString(); // one per logical request: a retry with it never schedules twice
        var session = await training.ScheduleSessionAsync(course.Id, request, idempotency_Key: key);
        var retried = await training.ScheduleSessionAsync(course.Id, request, idempotency_Key: key);
        retried.Id.ShouldBe(session.Id, "the retry after a lost answer gets the first session back");

        var sessions = await training.ListSessionsAsync(course.Id);
        var read = sessions.ShouldHaveSingleItem();
        read.Id.ShouldBe(session.Id);
        read.Topic.ShouldBe("Buổi 1: Phương pháp nghiên cứu");
        read.Room.ShouldBe("Hội trường A");
        read.StartsAt.ShouldBe(new DateTimeOffset(2031, 9, 1, 1, 0, 0, TimeSpan.Zero), "08:00 in Hưng Yên is 01:00 UTC");
        read.EndsAt.ShouldBe(new DateTimeOffset(2031, 9, 1, 4, 0, 0, TimeSpan.Zero));
        read.Status.ShouldBe(Training_Domain_SessionStatus.Scheduled);

        // The coordinator (a person, through the SPA's API) sees the same session.
        var seen = await (await coordinator.GetAsync($"/api/v1/training/courses/{course.Id}/sessions")).ReadAsync<JsonElement>();
        var first = seen.EnumerateArray().ShouldHaveSingleItem();
        first.GetProperty("room").GetString().ShouldBe("Hội trường A");
        first.GetProperty("startsAt").GetDateTimeOffset().ShouldBe(read.StartsAt);
    }

    [ApiFact]
    public async Task Given_a_data_warehouse_client_When_it_pulls_the_synthesis_of_a_year_with_the_generated_client_Then_the_totals_are_what_a_person_reads()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var province = await Organization.AnnualReportTests.UnitIdAsync(admin, "HY");
        var period = await PeriodWithTwoReportsAsync(admin, province);
        var warehouseClient = await ClientTokens.CreateAsync(admin, province, "integrator", ["organization.read"]);

        // docs/integration.md §7: the warehouse finds the year's period and pulls its synthesis.
        using var http = api.CreateClient();
        var accessToken = await KhcnToken.TakeAsync(http, warehouseClient.Client.ClientId, warehouseClient.ClientSecret);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        var organization = new OrganizationClient(http);

        var periods = await organization.ListReportPeriodsAsync(year: Year);
        var found = periods.Items.ShouldHaveSingleItem();
        found.Id.ShouldBe(period);
        var synthesis = await organization.GetSynthesisAsync(found.Id);

        synthesis.Year.ShouldBe(Year);
        synthesis.Within.Code.ShouldBe("HY");
        synthesis.Indicators.Single(i => i.Code == "trained").Total.ShouldBe(110m, "Văn Lâm's 10 and Mỹ Hào's 100");
        synthesis.Indicators.Single(i => i.Code == "spent").Total.ShouldBe(3_750_000.5m, "money stays exact through the generated client");
        synthesis.Submissions.OnTime.ShouldBe(2);

        // What the Policy-Law Board reads for the same period, through the API a person uses.
        var board = await api.LoginAsync(Users.PolicyLaw);
        var person = await (await board.GetAsync(Reports.GetSynthesis.Route.Replace("{periodId}", period.ToString()))).ReadAsync<JsonElement>();
        foreach (var total in person.GetProperty("indicators").EnumerateArray())
            synthesis.Indicators.Single(i => i.Code == total.GetProperty("code").GetString()).Total.ShouldBe(total.GetProperty("total").GetDecimal());
        var counts = person.GetProperty("submissions");
        synthesis.Submissions.Expected.ShouldBe(counts.GetProperty("expected").GetInt32());
        synthesis.Submissions.OnTime.ShouldBe(counts.GetProperty("onTime").GetInt32());
        synthesis.Submissions.NotSubmitted.ShouldBe(counts.GetProperty("notSubmitted").GetInt32());
        synthesis.ByUnit.Select(g => (g.Key, g.Totals["trained"])).ShouldBe(
            person.GetProperty("byUnit").EnumerateArray().Select(g => (g.GetProperty("key").GetString()!, g.GetProperty("totals").GetProperty("trained").GetDecimal())));

        // Its scopes hold organization.read only: the training API answers 403, thrown as the client's exception.
        var refused = await Should.ThrowAsync<ApiException<ProblemDetails>>(() => new TrainingClient(http).ListCoursesAsync());
        refused.StatusCode.ShouldBe(403);
        refused.Result.Status.ShouldBe(403);
        refused.Result.Code.ShouldBe("forbidden");
    }

    /// <summary>A period of <see cref="Year"/> with two numbers; Văn Lâm and Mỹ Hào submit on time.</summary>
    private static async Task<Guid> PeriodWithTwoReportsAsync(HttpClient admin, Guid province)
    {
        var created = await admin.PostJsonAsync(Reports.CreateReportPeriod.Route, new
        {
            unitId = province, year = Year, title = $"Báo cáo năm {Year}", deadline = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"),
            indicators = new object[]
            {
                new { code = "trained", name = "Cán bộ được tập huấn", section = "Số liệu", kind = "Number", measure = "người" },
                new { code = "spent", name = "Kinh phí đã chi", section = "Số liệu", kind = "Number", measure = "VND" },
            },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var period = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
        foreach (var (code, trained, spent) in new[] { ("VANLAM", 10m, 3_500_000m), ("MYHAO", 100m, 250_000.5m) })
        {
            var unit = await Organization.AnnualReportTests.UnitIdAsync(admin, code);
            var saved = await admin.SendAsync(Organization.AnnualReportTests.Put(Reports.GetUnitReport.For(period, unit),
                new { values = new object[] { new { code = "trained", number = trained }, new { code = "spent", number = spent } } }, null));
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            var id = (await saved.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await admin.PostAsync(Reports.SubmitReport.Route.Replace("{id}", id.ToString()), null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        return period;
    }
}

/// <summary>The token step of docs/integration.md §7, as written there: client credentials at /connect/token.</summary>
internal static class KhcnToken
{
    public static async Task<string> TakeAsync(HttpClient http, string clientId, string clientSecret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
        };
        if (scope is not null) form["scope"] = scope;
        using var response = await http.PostAsync("connect/token", new FormUrlEncodedContent(form));
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("access_token").GetString()!;
    }
}
