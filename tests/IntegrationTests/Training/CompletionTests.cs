using System.Net;
using System.Net.Http.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Features.Officials;
using Khcn.Training.Domain;
using Khcn.Training.Features.Attendance;
using Khcn.Training.Features.Certificates;
using Khcn.Training.Features.Completion;
using Khcn.Training.Features.Enrolments;
using static Khcn.IntegrationTests.Training.TrainingArrange;

namespace Khcn.IntegrationTests.Training;

/// <summary>Completion: computed results (attendance boundary, assessment), guards, and the official's training history.</summary>
public sealed class CompletionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid courseId, long version)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, CompleteCourse.For(courseId));
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>A course of five past sessions with the given participants enrolled (while open), then running.</summary>
    private async Task<(Guid Course, List<EnrolmentView> People, List<Guid> Sessions)> FinishedCourseAsync(int people, bool assessment = false, int futureSessions = 0)
    {
        var start = DateTime.UtcNow.Date.AddDays(-10);
        var sessions = Enumerable.Range(0, 5).Select(i => (start.AddDays(i).AddHours(1), 2.0))
            .Concat(Enumerable.Range(0, futureSessions).Select(i => (DateTime.UtcNow.AddDays(2 + i), 2.0))).ToArray();
        var course = await CourseAsync(api, await PartnerAsync(api, "Viện Nghiên cứu Khoa học"), CourseStatus.OpenForNomination,
            capacity: 10, minAttendance: 80, assessment: assessment, sessions: sessions);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var list = new List<EnrolmentView>();
        for (var i = 0; i < people; i++)
        {
            var official = await OfficialAsync(api, "VANLAM", $"Học viên {i} {Guid.NewGuid().ToString("N")[..4]}");
            list.Add(await (await officer.PostJsonAsync(NominateOfficial.For(course), new { officialId = official })).ReadAsync<EnrolmentView>());
        }
        await MoveAsync(api, course, CourseStatus.Running);
        var sheet = await (await (await api.LoginAsync(Users.Admin)).GetAsync(GetAttendanceSheet.For(course))).ReadAsync<AttendanceSheetView>();
        return (course, list, sheet.Sessions.Select(s => s.Id).ToList());
    }

    private static async Task MarkAsync(HttpClient client, Guid course, Guid session, IEnumerable<(Guid Id, string Mark)> rows) =>
        (await client.PutAsJsonAsync(RecordAttendance.For(course, session), new { marks = rows.Select(r => new { enrolmentId = r.Id, mark = r.Mark }) }, Support.Http.Json))
        .StatusCode.ShouldBe(HttpStatusCode.OK);

    [ApiFact]
    public async Task Given_attendance_around_80_percent_When_completing_Then_4_of_5_completes_and_3_of_5_does_not_and_history_follows()
    {
        var (course, people, sessions) = await FinishedCourseAsync(3);
        var admin = await api.LoginAsync(Users.Admin);
        // people[0]: 4 present of 5 (80 %), people[1]: 3 present + 1 excused (60 %), people[2]: 2 present + 2 late (80 %).
        for (var s = 0; s < 5; s++)
            await MarkAsync(admin, course, sessions[s], [
                (people[0].Id, s < 4 ? "present" : "absent"),
                (people[1].Id, s < 3 ? "present" : s == 3 ? "excused" : "absent"),
                (people[2].Id, s < 2 ? "present" : s < 4 ? "late" : "absent")]);
        var version = await CourseVersionAsync(api, course);

        await (await CompleteAsync(admin, course, version - 1)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        var sheet = await (await CompleteAsync(admin, course, version)).ReadAsync<AttendanceSheetView>();

        sheet.Status.ShouldBe(CourseStatus.Completed);
        sheet.Rows.Single(r => r.EnrolmentId == people[0].Id).Result.ShouldBe(CompletionResult.Completed);
        sheet.Rows.Single(r => r.EnrolmentId == people[1].Id).Result.ShouldBe(CompletionResult.NotCompleted);
        sheet.Rows.Single(r => r.EnrolmentId == people[2].Id).Result.ShouldBe(CompletionResult.Completed);
        await (await CompleteAsync(admin, course, sheet.CourseVersion)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        await Eventually.UntilAsync(async () =>
            (await (await officer.GetAsync(ListOfficialTrainings.For(people[0].OfficialId))).ReadAsync<List<OfficialTrainingItem>>()).Count == 1,
            because: "TrainingCompleted reaching the official's history");
        var history = await (await officer.GetAsync(ListOfficialTrainings.For(people[0].OfficialId))).ReadAsync<List<OfficialTrainingItem>>();
        history[0].PartnerName.ShouldBe("Viện Nghiên cứu Khoa học");
        history[0].Subject.ShouldBe("ResearchMethods");
        history[0].CertificateNumber.ShouldBeNull();
        await Eventually.UntilAsync(async () =>
            (await (await officer.GetAsync(ListOfficialTrainings.For(people[2].OfficialId))).ReadAsync<List<OfficialTrainingItem>>()).Count == 1,
            because: "the second completer's history");
        (await (await officer.GetAsync(ListOfficialTrainings.For(people[1].OfficialId))).ReadAsync<List<OfficialTrainingItem>>()).ShouldBeEmpty();
        await (await (await api.LoginAsync(Users.MyHaoOfficer)).GetAsync(ListOfficialTrainings.For(people[0].OfficialId))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_completed_course_When_certificates_are_issued_and_one_revoked_Then_the_officials_history_shows_the_number_then_drops_it()
    {
        var (course, people, sessions) = await FinishedCourseAsync(2);
        var admin = await api.LoginAsync(Users.Admin);
        foreach (var s in sessions) await MarkAsync(admin, course, s, [(people[0].Id, "present"), (people[1].Id, "present")]);
        (await CompleteAsync(admin, course, await CourseVersionAsync(api, course))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        async Task<OfficialTrainingItem?> HistoryAsync(Guid officialId) =>
            (await (await officer.GetAsync(ListOfficialTrainings.For(officialId))).ReadAsync<List<OfficialTrainingItem>>()).SingleOrDefault();
        await Eventually.UntilAsync(async () => await HistoryAsync(people[1].OfficialId) is not null, because: "TrainingCompleted reaching the history");

        var issued = await (await admin.PostAsync(IssueCertificates.For(course), null)).ReadAsync<IssueCertificatesResult>();
        issued.Issued.ShouldBe(2);
        var first = issued.Certificates.Single(c => c.EnrolmentId == people[0].Id);
        var second = issued.Certificates.Single(c => c.EnrolmentId == people[1].Id);
        await Eventually.UntilAsync(async () => (await HistoryAsync(people[0].OfficialId))?.CertificateNumber == first.Number,
            because: "CertificateIssued reaching the official's history");
        await Eventually.UntilAsync(async () => (await HistoryAsync(people[1].OfficialId))?.CertificateNumber == second.Number,
            because: "the second participant's number");

        (await admin.PostAsJsonAsync(RevokeCertificate.For(first.Id), new { reason = "Cấp nhầm" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Eventually.UntilAsync(async () => (await HistoryAsync(people[0].OfficialId))?.CertificateNumber is null,
            because: "CertificateRevoked clearing the number");
        (await HistoryAsync(people[0].OfficialId)).ShouldNotBeNull("the completed course stays in the history; only the certificate is gone");
        (await HistoryAsync(people[1].OfficialId))!.CertificateNumber.ShouldBe(second.Number, "the other certificate stands");
    }

    [ApiFact]
    public async Task Given_an_assessment_is_required_Then_full_attendance_without_a_pass_does_not_complete()
    {
        var (course, people, sessions) = await FinishedCourseAsync(2, assessment: true);
        var admin = await api.LoginAsync(Users.Admin);
        foreach (var s in sessions) await MarkAsync(admin, course, s, [(people[0].Id, "present"), (people[1].Id, "present")]);
        (await admin.PutAsJsonAsync(RecordAssessments.For(course), new { results = new object[] { new { enrolmentId = people[0].Id, passed = true }, new { enrolmentId = people[1].Id, passed = false } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var sheet = await (await CompleteAsync(admin, course, await CourseVersionAsync(api, course))).ReadAsync<AttendanceSheetView>();

        sheet.Rows.Single(r => r.EnrolmentId == people[0].Id).Result.ShouldBe(CompletionResult.Completed);
        sheet.Rows.Single(r => r.EnrolmentId == people[1].Id).Result.ShouldBe(CompletionResult.NotCompleted);
    }

    [ApiFact]
    public async Task Given_sessions_still_to_come_or_a_course_not_running_When_completing_Then_409_and_a_unit_officer_gets_403()
    {
        var (course, _, _) = await FinishedCourseAsync(1, futureSessions: 1);
        var admin = await api.LoginAsync(Users.Admin);
        await (await CompleteAsync(admin, course, await CourseVersionAsync(api, course))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "sessions_not_over");
        var open = await CourseAsync(api, await PartnerAsync(api, "Viện Nghiên cứu Khoa học"), CourseStatus.OpenForNomination);
        await (await CompleteAsync(admin, open, await CourseVersionAsync(api, open))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        await (await CompleteAsync(await api.LoginAsync(Users.VanLamOfficer), open, 1)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
