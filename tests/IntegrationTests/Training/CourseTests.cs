using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Data;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Training.CourseTesting;

using Khcn.IntegrationTests.Messaging;

namespace Khcn.IntegrationTests.Training;

public sealed class CourseTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Start = "2031-03-10T08:00:00+07:00";
    private const string End = "2031-03-10T11:00:00+07:00";

    [ApiFact]
    public async Task Given_a_proposed_course_When_it_is_confirmed_scheduled_opened_and_started_Then_each_step_is_recorded_with_actor_and_time()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);

        var confirmed = await (await StepAsync(partner, ConfirmCourse.Route, course.Id, course.Version)).ReadAsync<CourseDetail>();
        (await ScheduleAsync(partner, course.Id, "2031-01-06T08:00:00+07:00", "2031-01-06T11:00:00+07:00", "Phòng LC-" + course.Code))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var beforeOpen = await GetAsync(coordinator, course.Id);
        var opened = await (await StepAsync(coordinator, OpenCourseForNomination.Route, course.Id, beforeOpen.Version)).ReadAsync<CourseDetail>();
        var started = await (await StepAsync(partner, StartCourse.Route, course.Id, opened.Version)).ReadAsync<CourseDetail>();

        confirmed.Status.ShouldBe(CourseStatus.Confirmed);
        opened.Status.ShouldBe(CourseStatus.OpenForNomination);
        started.Status.ShouldBe(CourseStatus.Running);
        started.Steps.Select(s => s.To).ShouldBe([CourseStatus.Proposed, CourseStatus.Confirmed, CourseStatus.OpenForNomination, CourseStatus.Running]);
        started.Steps[1].ActorName.ShouldBe("Ngô Văn Đối tác");
        started.Steps[2].ActorName.ShouldBe("Lê Thị Tuyên giáo");
        started.Steps.ShouldAllBe(s => s.At > DateTime.UtcNow.AddMinutes(-5));
        started.AllowedMoves.ShouldBe([CourseStatus.Completed, CourseStatus.Cancelled]);
    }

    [ApiFact]
    public async Task Given_a_course_in_the_wrong_state_When_a_step_is_asked_Then_409_course_state_with_the_allowed_moves()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);

        var openProposed = await StepAsync(coordinator, OpenCourseForNomination.Route, course.Id, course.Version);
        var startProposed = await StepAsync(partner, StartCourse.Route, course.Id, course.Version);
        var confirmed = await (await StepAsync(partner, ConfirmCourse.Route, course.Id, course.Version)).ReadAsync<CourseDetail>();
        var confirmTwice = await StepAsync(partner, ConfirmCourse.Route, course.Id, confirmed.Version);

        var problem = await openProposed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        problem.GetProperty("allowedMoves").EnumerateArray().Select(e => e.GetString()).ShouldBe(["Confirmed", "Cancelled"]);
        await startProposed.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        (await confirmTwice.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state"))
            .GetProperty("allowedMoves").EnumerateArray().Select(e => e.GetString()).ShouldBe(["OpenForNomination", "Cancelled"]);
    }

    [ApiFact]
    public async Task Given_a_confirmed_course_without_sessions_When_opened_Then_409_and_it_stays_confirmed()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);
        var confirmed = await (await StepAsync(partner, ConfirmCourse.Route, course.Id, course.Version)).ReadAsync<CourseDetail>();

        var open = await StepAsync(coordinator, OpenCourseForNomination.Route, course.Id, confirmed.Version);

        await open.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_without_sessions");
        (await GetAsync(coordinator, course.Id)).Status.ShouldBe(CourseStatus.Confirmed);
    }

    [ApiFact]
    public async Task Given_the_wrong_actor_When_a_step_is_asked_Then_403_or_404()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var member = await api.LoginAsync(Users.VanLamOfficer);
        var other = await PartnerStaffOfAsync(api, Department, "sokhcn.actor@hungyen.demo");
        var course = await ProposeAsync(coordinator, University);

        await (await StepAsync(coordinator, ConfirmCourse.Route, course.Id, course.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(other, ConfirmCourse.Route, course.Id, course.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await StepAsync(partner, CancelCourse.Route, course.Id, course.Version, new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(partner, OpenCourseForNomination.Route, course.Id, course.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(member, StartCourse.Route, course.Id, course.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await GetAsync(coordinator, course.Id)).Status.ShouldBe(CourseStatus.Proposed);
    }

    [ApiFact]
    public async Task Given_a_step_without_or_with_a_stale_If_Match_Then_428_or_412()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);

        var withoutIfMatch = await partner.PostJsonAsync(Url(ConfirmCourse.Route, course.Id), new { });
        var stale = await StepAsync(partner, ConfirmCourse.Route, course.Id, course.Version + 7);

        await withoutIfMatch.ShouldBeProblemAsync((HttpStatusCode)428);
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [ApiFact]
    public async Task Given_an_open_course_with_participants_When_cancelled_Then_sessions_are_cancelled_and_participants_and_units_notified()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University);
        var confirmed = await (await StepAsync(partner, ConfirmCourse.Route, course.Id, course.Version)).ReadAsync<CourseDetail>();
        (await ScheduleAsync(partner, course.Id, "2031-02-03T08:00:00+07:00", "2031-02-03T11:00:00+07:00", "Phòng HUY-" + course.Code))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var open = await (await StepAsync(coordinator, OpenCourseForNomination.Route, course.Id, (await GetAsync(coordinator, course.Id)).Version))
            .ReadAsync<CourseDetail>();
        var vanLamId = await EnrolAsync(course.Id, "canbo.vanlam@hungyen.demo", "VANLAM", EnrolmentStatus.Enrolled, 1);
        await EnrolAsync(course.Id, "khong.co.tai.khoan@example.vn", "VANLAM", EnrolmentStatus.Waitlisted, 2);

        var withoutReason = await StepAsync(coordinator, CancelCourse.Route, course.Id, open.Version, new { reason = "" });
        var cancelled = await (await StepAsync(coordinator, CancelCourse.Route, course.Id, open.Version, new { reason = "Giảng viên bận công tác" }))
            .ReadAsync<CourseDetail>();

        await withoutReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        cancelled.Status.ShouldBe(CourseStatus.Cancelled);
        cancelled.CancellationReason.ShouldBe("Giảng viên bận công tác");
        cancelled.Steps.Last().Note.ShouldBe("Giảng viên bận công tác");
        cancelled.Sessions.ShouldAllBe(s => s.Status == SessionStatus.Cancelled && s.Sequence == 1);
        cancelled.Enrolled.ShouldBe(1);
        cancelled.Waitlisted.ShouldBe(1);
        // One notice to the person, one to the unit they hold a role over; the participant, an officer of that unit, reads
        // it once (#16: one notice per person per event).
        await Eventually.UntilAsync(async () => await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications
            .CountAsync(n => n.Key.StartsWith($"course:{course.Id}:cancelled:"))) >= 2, because: "the person's and the unit's notices, through the outbox");
        var participant = await api.LoginAsync(Users.VanLamOfficer);
        var notices = await Notices.WaitForAsync(participant, p => p.Items.Any(n => n.Link == $"/training/courses/{course.Id}"));
        notices.Items.Where(n => n.Link == $"/training/courses/{course.Id}").ShouldHaveSingleItem().Kind.ShouldBe("course.cancelled");
        vanLamId.ShouldNotBe(Guid.Empty);
        await (await StepAsync(coordinator, CancelCourse.Route, course.Id, cancelled.Version, new { reason = "lần nữa" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
    }

    [ApiFact]
    public async Task Given_a_taken_code_When_proposing_Then_409_and_out_of_scope_unit_Then_404()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var code = NewCode("DUP");
        await ProposeAsync(coordinator, University, code);
        var partner = await PartnerAsync(coordinator, University);
        var root = await RootUnitIdAsync(coordinator);
        object Body(Guid unit, string c) => new
        {
            partnerId = partner.Id, requestingUnitId = unit, code = c, title = "Trùng mã", subject = "Other", capacity = 10,
            enrolmentOpensOn = "2031-01-01", enrolmentClosesOn = "2031-01-10", fee = 0, feePaidBy = "Free",
        };

        var duplicate = await coordinator.PostJsonAsync(ProposeCourse.Route, Body(root, code.ToLowerInvariant()));
        var unknownUnit = await coordinator.PostJsonAsync(ProposeCourse.Route, Body(Guid.NewGuid(), NewCode("X")));
        var byFocal = await (await api.LoginAsync(Users.VanLamFocal)).PostJsonAsync(ProposeCourse.Route, Body(root, NewCode("Y")));

        await duplicate.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_code_taken");
        await unknownUnit.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await byFocal.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_the_catalogue_When_filtering_Then_courses_match_and_partner_staff_see_their_agency_only()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);

        var all = await (await coordinator.GetAsync($"{ListCourses.Route}?pageSize=200")).ReadAsync<PagedResult<CourseListItem>>();
        var byWords = await (await coordinator.GetAsync($"{ListCourses.Route}?q=so%20huu%20tri%20tue")).ReadAsync<PagedResult<CourseListItem>>();
        var open = await (await coordinator.GetAsync($"{ListCourses.Route}?openToday=true&pageSize=200")).ReadAsync<PagedResult<CourseListItem>>();
        var running = await (await coordinator.GetAsync($"{ListCourses.Route}?status=Running&subject=Expertise")).ReadAsync<PagedResult<CourseListItem>>();
        var mine = await (await partner.GetAsync($"{ListCourses.Route}?pageSize=200")).ReadAsync<PagedResult<CourseListItem>>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var startingSoon = await (await coordinator.GetAsync(
            $"{ListCourses.Route}?startsFrom={today.AddDays(13):yyyy-MM-dd}&startsTo={today.AddDays(15):yyyy-MM-dd}")).ReadAsync<PagedResult<CourseListItem>>();

        all.Items.Select(c => c.Code).ShouldContain("SKHCN-SHTT-04");
        byWords.Items.ShouldHaveSingleItem().Code.ShouldBe("SKHCN-SHTT-04");
        open.Items.Select(c => c.Code).ShouldContain("SPKT-DMST-03");
        open.Items.ShouldAllBe(c => c.Status == CourseStatus.OpenForNomination);
        running.Items.ShouldHaveSingleItem().Code.ShouldBe("SKHCN-SHTT-04");
        mine.Items.ShouldNotBeEmpty();
        mine.Items.ShouldAllBe(c => c.PartnerName == University);
        startingSoon.Items.Select(c => c.Code).ShouldContain("SPKT-DMST-03");
        startingSoon.Items.Select(c => c.Code).ShouldNotContain("SKHCN-SHTT-04");
        var dmst = all.Items.Single(c => c.Code == "SPKT-DMST-03");
        dmst.SessionCount.ShouldBe(3);
        dmst.FirstSessionAt!.Value.Offset.ShouldBe(TimeSpan.FromHours(7));
        dmst.FirstSessionAt.Value.Hour.ShouldBe(8);
    }

    [ApiFact]
    public async Task Given_a_course_When_its_details_are_updated_Then_only_while_proposed_or_confirmed_and_not_below_enrolled()
    {
        var coordinator = await api.LoginAsync(Coordinator);
        var course = await ProposeAsync(coordinator, University, capacity: 5);
        await EnrolAsync(course.Id, "a@example.vn", "VANLAM", EnrolmentStatus.Enrolled, 1);
        await EnrolAsync(course.Id, "b@example.vn", "VANLAM", EnrolmentStatus.Enrolled, 2);
        await EnrolAsync(course.Id, "c@example.vn", "VANLAM", EnrolmentStatus.Enrolled, 3);

        var tooSmall = await PutAsync(coordinator, course, capacity: 2, course.Version);
        var updated = await PutAsync(coordinator, course, capacity: 3, course.Version);
        var detail = await updated.ReadAsync<CourseDetail>();
        var stale = await PutAsync(coordinator, course, capacity: 4, course.Version);

        await tooSmall.ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_capacity");
        detail.Capacity.ShouldBe(3);
        detail.Enrolled.ShouldBe(3);
        detail.CapacityLeft.ShouldBe(0);
        updated.Headers.ETag!.Tag.ShouldBe($"\"{detail.Version}\"");
        await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);

        var cancelled = await (await StepAsync(coordinator, CancelCourse.Route, course.Id, detail.Version, new { reason = "Hoãn" })).ReadAsync<CourseDetail>();
        await (await PutAsync(coordinator, course, 10, cancelled.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_details_locked");
    }

    [ApiFact]
    public async Task Given_a_proposed_course_When_the_partner_asks_for_changes_then_declines_Then_the_unit_is_told_each_time_and_the_reason_is_kept()
    {
        // #16: "a partner can decline or ask for changes with a reason".
        var coordinator = await api.LoginAsync(Coordinator);
        var partner = await api.LoginAsync(UniversityStaff);
        var course = await ProposeAsync(coordinator, University, capacity: 30);
        var link = $"/training/courses/{course.Id}";
        var asPartner = await GetAsync(partner, course.Id);
        asPartner.Can.RequestChanges.ShouldBeTrue();
        asPartner.Can.Decline.ShouldBeTrue();
        (await GetAsync(coordinator, course.Id)).Can.Decline.ShouldBeFalse("only the partner answers its proposals");

        // Asking without saying what: 400, nothing recorded.
        await (await StepAsync(partner, RequestCourseChanges.Route, course.Id, course.Version, new { request = " " })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var asked = await (await StepAsync(partner, RequestCourseChanges.Route, course.Id, course.Version,
            new { request = "Đề nghị giảm còn 25 học viên, phòng máy chỉ có 25 chỗ" })).ReadAsync<CourseDetail>();
        asked.Status.ShouldBe(CourseStatus.Proposed);
        asked.ChangesRequested.ShouldBe("Đề nghị giảm còn 25 học viên, phòng máy chỉ có 25 chỗ");
        asked.ChangesRequestedBy.ShouldBe("Ngô Văn Đối tác");
        var notices = await Notices.WaitForAsync(coordinator, p => p.Items.Any(n => n.Link == link && n.Kind == "course.changes-requested"));
        notices.Items.First(n => n.Link == link && n.Kind == "course.changes-requested").Text.ShouldContain("phòng máy chỉ có 25 chỗ");

        // The unit revises the course: the request is answered and disappears.
        var revised = await (await PutAsync(coordinator, asked, capacity: 25, asked.Version)).ReadAsync<CourseDetail>();
        revised.ChangesRequested.ShouldBeNull();

        // A union user cannot decline for the partner; the partner declines with a reason: the course is cancelled.
        await (await StepAsync(coordinator, DeclineCourse.Route, course.Id, revised.Version, new { reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(partner, DeclineCourse.Route, course.Id, revised.Version, new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var declined = await (await StepAsync(partner, DeclineCourse.Route, course.Id, revised.Version,
            new { reason = "Không bố trí được giảng viên trong tháng 3" })).ReadAsync<CourseDetail>();
        declined.Status.ShouldBe(CourseStatus.Cancelled);
        declined.CancellationReason.ShouldBe("Đối tác từ chối: Không bố trí được giảng viên trong tháng 3");
        declined.Steps.Last().ActorName.ShouldBe("Ngô Văn Đối tác");
        declined.Can.Decline.ShouldBeFalse();
        await Notices.WaitForAsync(coordinator, p => p.Items.Any(n => n.Link == link && n.Kind == "course.declined"));
        // A declined course is final.
        await (await StepAsync(partner, ConfirmCourse.Route, course.Id, declined.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        await (await StepAsync(partner, RequestCourseChanges.Route, course.Id, declined.Version, new { request = "lại" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, CourseDetail course, int capacity, long version)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, GetCourse.For(course.Id))
        {
            Content = JsonContent.Create(new
            {
                code = course.Code, title = course.Title + " (sửa)", subject = course.Subject.ToString(), capacity,
                enrolmentOpensOn = course.EnrolmentOpensOn.ToString("yyyy-MM-dd"), enrolmentClosesOn = course.EnrolmentClosesOn.ToString("yyyy-MM-dd"),
                fee = 0, feePaidBy = "Federation",
            }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return await client.SendAsync(request);
    }

    /// <summary>Nominations are slice C's: the tests put a participant straight into the database.</summary>
    private async Task<Guid> EnrolAsync(Guid courseId, string email, string unitCode, EnrolmentStatus status, long queue) =>
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TrainingDbContext>();
            var course = await db.Courses.SingleAsync(c => c.Id == courseId);
            var unitId = await ResolveUnitAsync(sp, unitCode);
            var enrolment = Enrolment.Nominate(course, new NominatedOfficial(Guid.NewGuid(), unitId, "Cán bộ " + email, email, null), status, queue,
                "test", DateTime.UtcNow, null);
            db.Enrolments.Add(enrolment);
            await db.SaveChangesAsync();
            return enrolment.Id;
        });

    private static async Task<Guid> ResolveUnitAsync(IServiceProvider sp, string code) =>
        (await sp.GetRequiredService<Mediator.IMediator>().Send(new Khcn.Organization.Contracts.FindUnitByCode(code)))!.Id;
}
