using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Domain;
using Khcn.Training.Features.Attendance;
using Khcn.Training.Features.Enrolments;
using static Khcn.IntegrationTests.Training.TrainingArrange;

namespace Khcn.IntegrationTests.Training;

/// <summary>Attendance and assessments: who may record, which sessions, which participants, all or nothing.</summary>
public sealed class AttendanceTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> MarkAsync(HttpClient client, Guid courseId, Guid sessionId, params (Guid Id, string Mark)[] rows) =>
        client.PutAsJsonAsync(RecordAttendance.For(courseId, sessionId),
            new { marks = rows.Select(r => new { enrolmentId = r.Id, mark = r.Mark }) }, Support.Http.Json);

    private static async Task<AttendanceSheetView> SheetAsync(HttpClient client, Guid courseId) =>
        await (await client.GetAsync(GetAttendanceSheet.For(courseId))).ReadAsync<AttendanceSheetView>();

    /// <summary>An open course with one past and one future session, three participants (the third waiting); then running.</summary>
    private async Task<(Guid Course, List<EnrolmentView> People)> RunningCourseAsync(Guid partnerId)
    {
        var now = DateTime.UtcNow;
        var course = await CourseAsync(api, partnerId, CourseStatus.OpenForNomination, capacity: 2,
            sessions: [(now.AddDays(-2), 3), (now.AddDays(3), 3)]);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var people = new List<EnrolmentView>();
        foreach (var o in await OfficialsAsync(api, "VANLAM", 3))
            people.Add(await (await officer.PostJsonAsync(NominateOfficial.For(course), new { officialId = o })).ReadAsync<EnrolmentView>());
        await MoveAsync(api, course, CourseStatus.Running);
        return (course, people);
    }

    [ApiFact]
    public async Task Given_a_started_session_When_the_coordinator_marks_enrolled_participants_Then_the_sheet_shows_marks_and_the_live_result()
    {
        var (course, people) = await RunningCourseAsync(await PartnerAsync(api, "Trường Chính trị tỉnh"));
        var admin = await api.LoginAsync(Users.Admin);
        var sheet = await SheetAsync(admin, course);
        var past = sheet.Sessions[0];
        sheet.Sessions.Select(s => s.Started).ShouldBe([true, false]);
        sheet.Rows.Count.ShouldBe(2, "only enrolled participants have a row");

        var saved = await (await MarkAsync(admin, course, past.Id, (people[0].Id, "present"), (people[1].Id, "absent"))).ReadAsync<AttendanceSheetView>();
        saved.Rows.Single(r => r.EnrolmentId == people[0].Id).Marks.ShouldBe([new SheetMark(past.Id, AttendanceMark.Present)]);
        saved.Rows.Single(r => r.EnrolmentId == people[0].Id).AttendancePercent.ShouldBe(50);
        saved.Rows.Single(r => r.EnrolmentId == people[1].Id).ComputedResult.ShouldBe(CompletionResult.NotCompleted);

        var corrected = await (await MarkAsync(admin, course, past.Id, (people[1].Id, "late"))).ReadAsync<AttendanceSheetView>();
        corrected.Rows.Single(r => r.EnrolmentId == people[1].Id).Attended.ShouldBe(1, "late counts as attended");
    }

    [ApiFact]
    public async Task Given_a_future_session_a_waiting_person_or_a_stranger_Then_nothing_is_recorded_and_each_bad_row_is_named()
    {
        var (course, people) = await RunningCourseAsync(await PartnerAsync(api, "Trường Chính trị tỉnh"));
        var admin = await api.LoginAsync(Users.Admin);
        var sheet = await SheetAsync(admin, course);

        await (await MarkAsync(admin, course, sheet.Sessions[1].Id, (people[0].Id, "present"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_not_started");
        var rows = await (await MarkAsync(admin, course, sheet.Sessions[0].Id, (people[0].Id, "present"), (people[2].Id, "present"), (Guid.NewGuid(), "absent")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "attendance_rows");
        var errors = rows.GetProperty("errors");
        errors.TryGetProperty("marks[1].enrolmentId", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("marks[2].enrolmentId", out _).ShouldBeTrue(errors.ToString());
        errors.TryGetProperty("marks[0].enrolmentId", out _).ShouldBeFalse();
        (await SheetAsync(admin, course)).Rows.SelectMany(r => r.Marks).ShouldBeEmpty("all or nothing");
        await (await MarkAsync(admin, course, Guid.NewGuid(), (people[0].Id, "present"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_completed_or_cancelled_course_When_recording_Then_409_course_state()
    {
        var partner = await PartnerAsync(api, "Trường Chính trị tỉnh");
        var (course, people) = await RunningCourseAsync(partner);
        var admin = await api.LoginAsync(Users.Admin);
        var session = (await SheetAsync(admin, course)).Sessions[0].Id;
        await MoveAsync(api, course, CourseStatus.Cancelled);

        await (await MarkAsync(admin, course, session, (people[0].Id, "present"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        await (await admin.PutAsJsonAsync(RecordAssessments.For(course), new { results = new[] { new { enrolmentId = people[0].Id, passed = true } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
    }

    [ApiFact]
    public async Task Given_partner_staff_Then_they_record_on_their_own_course_and_get_404_on_another_partners_while_a_district_gets_403()
    {
        var ours = await PartnerAsync(api, "Trường Đại học Sư phạm Kỹ thuật Hưng Yên"); // doitac@hungyen.demo works there (demo seed)
        var partnerUser = await api.LoginAsync("doitac@hungyen.demo");
        var me = await (await partnerUser.GetAsync("/api/v1/me")).ReadAsync<System.Text.Json.JsonElement>();
        await LinkPartnerUserAsync(api, ours, me.GetProperty("id").GetGuid(), "doitac@hungyen.demo");
        var (course, people) = await RunningCourseAsync(ours);
        var (other, otherPeople) = await RunningCourseAsync(await PartnerAsync(api, "Trung tâm Đào tạo Khác"));
        var admin = await api.LoginAsync(Users.Admin);
        var session = (await SheetAsync(admin, course)).Sessions[0].Id;
        var otherSession = (await SheetAsync(admin, other)).Sessions[0].Id;

        (await MarkAsync(partnerUser, course, session, (people[0].Id, "excused"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await partnerUser.PutAsJsonAsync(RecordAssessments.For(course), new { results = new[] { new { enrolmentId = people[0].Id, passed = true } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await MarkAsync(partnerUser, other, otherSession, (otherPeople[0].Id, "present"))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await partnerUser.GetAsync(GetAttendanceSheet.For(other))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync(GetAttendanceSheet.For(course))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var sheet = await SheetAsync(admin, course);
        sheet.Rows.Single(r => r.EnrolmentId == people[0].Id).AssessmentPassed.ShouldBe(true);
    }
}
