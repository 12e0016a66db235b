using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Partners;
using Khcn.Training.Features.Sessions;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Training.CourseTesting;

using Khcn.IntegrationTests.Messaging;

namespace Khcn.IntegrationTests.Training;

public sealed class SessionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static async Task<InstructorView> InstructorAsync(HttpClient client, string partnerName, string fullName)
    {
        var partner = await PartnerAsync(client, partnerName);
        var list = await (await client.GetAsync(Url(ListInstructors.Route, partner.Id))).ReadAsync<List<InstructorView>>();
        return list.Single(i => i.FullName == fullName);
    }

    [ApiFact]
    public async Task Given_a_session_entered_in_Vietnam_time_When_read_back_Then_it_is_stored_in_UTC_and_shown_with_plus_seven()
    {
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(await api.LoginAsync(Coordinator), University);

        var created = await (await ScheduleAsync(partner, course.Id, "2031-04-01T08:00:00+07:00", "2031-04-01T11:30:00+07:00", "TZ-" + course.Code))
            .ReadAsync<SessionView>();
        var fromUtc = await (await ScheduleAsync(partner, course.Id, "2031-04-01T06:00:00Z", "2031-04-01T08:00:00Z", "TZ-" + course.Code))
            .ReadAsync<SessionView>();
        var raw = await (await partner.GetAsync(Url(ListSessions.Route, course.Id))).Content.ReadAsStringAsync();

        created.StartsAt.ShouldBe(new DateTimeOffset(2031, 4, 1, 8, 0, 0, TimeSpan.FromHours(7)));
        created.StartsAt.Offset.ShouldBe(TimeSpan.FromHours(7));
        created.StartsAt.UtcDateTime.ShouldBe(new DateTime(2031, 4, 1, 1, 0, 0, DateTimeKind.Utc));
        fromUtc.StartsAt.ShouldBe(new DateTimeOffset(2031, 4, 1, 13, 0, 0, TimeSpan.FromHours(7)));
        raw.ShouldContain("2031-04-01T08:00:00+07:00");
        raw.ShouldContain("2031-04-01T13:00:00+07:00");
    }

    [ApiFact]
    public async Task Given_a_booked_room_When_another_course_of_the_partner_books_it_at_an_overlapping_time_Then_409_naming_the_session()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var first = await ProposeAsync(coordinator, University);
        var second = await ProposeAsync(coordinator, University);
        const string Room = "Phòng A5-101";
        (await ScheduleAsync(partner, first.Id, "2031-05-05T08:00:00+07:00", "2031-05-05T11:00:00+07:00", Room, topic: "Khai giảng"))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var clash = await ScheduleAsync(coordinator, second.Id, "2031-05-05T10:00:00+07:00", "2031-05-05T12:00:00+07:00", "phòng a5-101");
        var touching = await ScheduleAsync(partner, second.Id, "2031-05-05T11:00:00+07:00", "2031-05-05T12:00:00+07:00", Room);

        var problem = await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_clash");
        problem.GetProperty("detail").GetString()!.ShouldContain(first.Code);
        problem.GetProperty("detail").GetString()!.ShouldContain("05/05/2031 08:00–11:00");
        var named = problem.GetProperty("clash");
        named.GetProperty("kind").GetString().ShouldBe("room");
        named.GetProperty("courseCode").GetString().ShouldBe(first.Code);
        named.GetProperty("courseTitle").GetString().ShouldBe(first.Title);
        named.GetProperty("room").GetString().ShouldBe(Room);
        named.GetProperty("startsAt").GetString().ShouldBe("2031-05-05T08:00:00+07:00");
        touching.StatusCode.ShouldBe(HttpStatusCode.Created, "half-open intervals: ending at 11:00 does not clash with starting at 11:00");
    }

    [ApiFact]
    public async Task Given_a_partner_venue_When_typed_again_with_other_diacritics_spacing_or_punctuation_Then_it_is_the_same_room_and_listed_once()
    {
        // #16: rooms were free text, so "Phòng B2.204" and "phong b2 204" escaped the clash check as two rooms.
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var first = await ProposeAsync(coordinator, University);
        var second = await ProposeAsync(coordinator, University);
        var venue = $"Phòng B2.{Support.Unique.Next()}";
        (await ScheduleAsync(partner, first.Id, "2031-07-07T08:00:00+07:00", "2031-07-07T11:00:00+07:00", venue)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var typo = venue.Replace("Phòng B2.", "phong  b2 ");
        var clash = await ScheduleAsync(coordinator, second.Id, "2031-07-07T09:00:00+07:00", "2031-07-07T10:00:00+07:00", typo);
        (await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_clash")).GetProperty("clash").GetProperty("room").GetString().ShouldBe(venue);

        var later = await (await ScheduleAsync(coordinator, second.Id, "2031-07-08T09:00:00+07:00", "2031-07-08T10:00:00+07:00", typo)).ReadAsync<SessionView>();
        later.Room.ShouldBe(venue, "saved under the known venue's spelling");

        var universityId = (await PartnerAsync(coordinator, University)).Id;
        var venues = await (await partner.GetAsync(Url(ListPartnerVenues.Route, universityId))).ReadAsync<List<string>>();
        venues.Count(v => v == venue).ShouldBe(1);
        venues.ShouldNotContain(typo);
        venues.ShouldBe(venues.Distinct().ToList());
        // Another agency's staff do not see this agency's venues.
        await (await (await PartnerStaffOfAsync(api, Department, $"doitac.{Guid.NewGuid():N}@example.vn")).GetAsync(Url(ListPartnerVenues.Route, universityId)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_busy_instructor_When_booked_in_another_room_at_the_same_time_Then_409_and_not_across_partners()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var hung = await InstructorAsync(coordinator, University, "TS. Nguyễn Văn Hùng");
        var first = await ProposeAsync(coordinator, University);
        var second = await ProposeAsync(coordinator, University);
        var elsewhere = await ProposeAsync(coordinator, Department);
        (await ScheduleAsync(partner, first.Id, "2031-06-02T13:30:00+07:00", "2031-06-02T16:30:00+07:00", "Phòng GV-1", hung.Id))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var clash = await ScheduleAsync(partner, second.Id, "2031-06-02T15:00:00+07:00", "2031-06-02T17:00:00+07:00", "Phòng GV-2", hung.Id);
        var sameRoomOtherPartner = await ScheduleAsync(coordinator, elsewhere.Id, "2031-06-02T13:30:00+07:00", "2031-06-02T16:30:00+07:00", "Phòng GV-1");
        var otherPartnersInstructor = await ScheduleAsync(coordinator, elsewhere.Id, "2031-06-02T13:30:00+07:00", "2031-06-02T16:30:00+07:00", "Phòng GV-9", hung.Id);

        var named = (await clash.ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_clash")).GetProperty("clash");
        named.GetProperty("kind").GetString().ShouldBe("instructor");
        named.GetProperty("instructorName").GetString().ShouldBe("TS. Nguyễn Văn Hùng");
        named.GetProperty("courseCode").GetString().ShouldBe(first.Code);
        sameRoomOtherPartner.StatusCode.ShouldBe(HttpStatusCode.Created, "clashes are checked within one partner's courses");
        await otherPartnersInstructor.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [ApiFact]
    public async Task Given_two_sessions_When_one_is_moved_onto_the_other_Then_409_and_moving_within_itself_or_after_cancelling_is_fine()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);
        var room = "Phòng DL-" + course.Code;
        var a = await (await ScheduleAsync(partner, course.Id, "2031-07-01T08:00:00+07:00", "2031-07-01T10:00:00+07:00", room)).ReadAsync<SessionView>();
        var b = await (await ScheduleAsync(partner, course.Id, "2031-07-01T10:00:00+07:00", "2031-07-01T12:00:00+07:00", room)).ReadAsync<SessionView>();

        var onto = await MoveAsync(partner, course.Id, b, "2031-07-01T09:00:00+07:00", "2031-07-01T11:00:00+07:00", room, b.Version);
        var longer = await MoveAsync(partner, course.Id, b, "2031-07-01T10:00:00+07:00", "2031-07-01T12:30:00+07:00", room, b.Version);
        var moved = await longer.ReadAsync<SessionView>();
        var cancelA = await partner.PostJsonAsync(SessionUrl(CancelSession.Route, course.Id, a.Id), new { });
        var afterCancel = await MoveAsync(partner, course.Id, b, "2031-07-01T08:30:00+07:00", "2031-07-01T10:30:00+07:00", room, moved.Version);
        var stale = await MoveAsync(partner, course.Id, b, "2031-07-01T08:30:00+07:00", "2031-07-01T10:30:00+07:00", room, moved.Version);

        await onto.ShouldBeProblemAsync(HttpStatusCode.Conflict, "session_clash");
        moved.Sequence.ShouldBe(1);
        moved.EndsAt.ShouldBe(new DateTimeOffset(2031, 7, 1, 12, 30, 0, TimeSpan.FromHours(7)));
        (await cancelA.ReadAsync<SessionView>()).Status.ShouldBe(SessionStatus.Cancelled);
        afterCancel.StatusCode.ShouldBe(HttpStatusCode.OK, await afterCancel.Content.ReadAsStringAsync());
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [ApiFact]
    public async Task Given_overlapping_sessions_saved_at_the_same_moment_Then_only_one_passes()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var courses = new List<CourseDetail>();
        for (var i = 0; i < 4; i++) courses.Add(await ProposeAsync(coordinator, University));

        var responses = await Task.WhenAll(courses.Select((c, i) =>
            ScheduleAsync(i % 2 == 0 ? partner : coordinator, c.Id, "2031-08-08T08:00:00+07:00", "2031-08-08T11:00:00+07:00", "Hội trường lớn")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
    }

    [ApiFact]
    public async Task Given_a_rescheduled_session_Then_enrolled_participants_are_notified()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);
        var room = "Phòng TB-" + course.Code;
        var s = await (await ScheduleAsync(partner, course.Id, "2031-09-09T08:00:00+07:00", "2031-09-09T10:00:00+07:00", room)).ReadAsync<SessionView>();
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Khcn.Training.Data.TrainingDbContext>();
            var c = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Courses, x => x.Id == course.Id);
            db.Enrolments.Add(Enrolment.Nominate(c, new NominatedOfficial(Guid.NewGuid(), Guid.NewGuid(), "Lê Thị Tuyên giáo", Coordinator, null),
                EnrolmentStatus.Enrolled, 1, "test", DateTime.UtcNow, null));
            return await db.SaveChangesAsync();
        });

        (await MoveAsync(partner, course.Id, s, "2031-09-10T08:00:00+07:00", "2031-09-10T10:00:00+07:00", room, s.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var notices = await Notices.WaitForAsync(coordinator, p => p.Items.Any(n => n.Kind == "session.rescheduled" && n.Text.Contains(course.Code)));
        var texts = notices.Items.Where(n => n.Kind == "session.rescheduled").Select(n => n.Text).ToList();
        texts.ShouldContain(t => t.Contains(course.Code) && t.Contains("10/09/2031 08:00–10:00"));
    }

    [ApiFact]
    public async Task Given_a_cancelled_course_When_scheduling_Then_409_and_another_partner_gets_404()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var course = await ProposeAsync(coordinator, University);
        var other = await PartnerStaffOfAsync(api, Department, "sokhcn.session@hungyen.demo");
        await StepAsync(coordinator, CancelCourse.Route, course.Id, course.Version, new { reason = "Hủy" });

        var onCancelled = await ScheduleAsync(coordinator, course.Id, "2031-10-01T08:00:00+07:00", "2031-10-01T10:00:00+07:00", "Phòng X");
        var byOther = await ScheduleAsync(other, course.Id, "2031-10-01T08:00:00+07:00", "2031-10-01T10:00:00+07:00", "Phòng X");
        var listByOther = await other.GetAsync(Url(ListSessions.Route, course.Id));
        var backwards = await ScheduleAsync(coordinator, (await ProposeAsync(coordinator, University)).Id, "2031-10-01T10:00:00+07:00", "2031-10-01T08:00:00+07:00", "Phòng X");

        await onCancelled.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        await byOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await listByOther.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await backwards.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient client, Guid courseId, SessionView session, string start, string end, string room, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, SessionUrl(RescheduleSession.Route, courseId, session.Id))
        {
            Content = JsonContent.Create(new { topic = session.Topic, startsAt = start, endsAt = end, room, instructorId = session.InstructorId }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }
}
