using System.Net;
using System.Net.Http.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Units;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Partners;
using Khcn.Training.Features.Sessions;

namespace Khcn.IntegrationTests.Training;

/// <summary>The demo users and data of slice B's tests, and the few steps many of them take.</summary>
internal static class CourseTesting
{
    /// <summary>The training coordinator (Ban Tuyên giáo – Nữ công, provincial federation).</summary>
    public const string Coordinator = "tuyengiao@hungyen.demo";
    /// <summary>Staff of the Hưng Yên University of Technology and Education.</summary>
    public const string UniversityStaff = "doitac@hungyen.demo";
    public const string University = "Trường Đại học Sư phạm Kỹ thuật Hưng Yên";
    public const string Department = "Sở Khoa học và Công nghệ Hưng Yên";
    public const string Password = "Kh0a-hoc!2025";

    private static int _counter;
    public static string NewCode(string prefix) => $"{prefix}-{Interlocked.Increment(ref _counter)}-{Guid.NewGuid().ToString("N")[..6]}".ToUpperInvariant();

    public static async Task<Guid> RootUnitIdAsync(HttpClient client) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q=HY&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>()).Items.Single(u => u.Code == "HY").Id;

    public static async Task<PartnerListItem> PartnerAsync(HttpClient client, string name) =>
        (await (await client.GetAsync($"{ListPartners.Route}?pageSize=200")).ReadAsync<PagedResult<PartnerListItem>>()).Items.Single(p => p.Name == name);

    public static async Task<CourseListItem> CourseByCodeAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListCourses.Route}?q={Uri.EscapeDataString(code)}&pageSize=200")).ReadAsync<PagedResult<CourseListItem>>())
        .Items.Single(c => c.Code == code);

    /// <summary>Creates a user holding the partner role at the province and links them to the agency.</summary>
    public static async Task<HttpClient> PartnerStaffOfAsync(ApiFactory api, string partnerName, string email)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var root = await RootUnitIdAsync(admin);
        var created = await admin.PostJsonAsync("/api/v1/admin/users", new
        {
            email, fullName = "Cán bộ đối tác " + email, password = Password, grants = new[] { new { role = "partner", unitId = root } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await PartnerAsync(coordinator, partnerName);
        (await coordinator.PostJsonAsync(LinkPartnerMember.Route.Replace("{id}", partner.Id.ToString()), new { email })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await api.LoginAsync(email, Password);
    }

    /// <summary>The coordinator proposes a course to the partner; answers it.</summary>
    public static async Task<CourseDetail> ProposeAsync(HttpClient coordinator, string partnerName, string? code = null, int capacity = 30)
    {
        var partner = await PartnerAsync(coordinator, partnerName);
        var root = await RootUnitIdAsync(coordinator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await coordinator.PostJsonAsync(ProposeCourse.Route, new
        {
            partnerId = partner.Id, requestingUnitId = root, code = code ?? NewCode("T"), title = "Khóa học thử nghiệm", subject = "ResearchMethods",
            capacity, enrolmentOpensOn = today.ToString("yyyy-MM-dd"), enrolmentClosesOn = today.AddDays(10).ToString("yyyy-MM-dd"),
            fee = 0, feePaidBy = "Federation",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<CourseDetail>();
    }

    public static string Url(string route, Guid id) => route.Replace("{id}", id.ToString());

    public static string SessionUrl(string route, Guid courseId, Guid sessionId) =>
        route.Replace("{id}", courseId.ToString()).Replace("{sessionId}", sessionId.ToString());

    /// <summary>POSTs a lifecycle step with the course's current ETag.</summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, string route, Guid courseId, long version, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url(route, courseId)) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    public static async Task<CourseDetail> GetAsync(HttpClient client, Guid courseId) =>
        await (await client.GetAsync(GetCourse.For(courseId))).ReadAsync<CourseDetail>();

    public static Task<HttpResponseMessage> ScheduleAsync(HttpClient client, Guid courseId, string start, string end, string room,
        Guid? instructorId = null, string topic = "Buổi học") =>
        client.PostJsonAsync(Url(ScheduleSession.Route, courseId), new { topic, startsAt = start, endsAt = end, room, instructorId });
}
