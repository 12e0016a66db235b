using System.Net;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Features.Notifications;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Khcn.Training.Domain;
using Khcn.Training.Features.Enrolments;
using Khcn.Training.Features.MyTrainings;
using static Khcn.IntegrationTests.Training.TrainingArrange;

using Khcn.IntegrationTests.Messaging;

namespace Khcn.IntegrationTests.Training;

/// <summary>Nominations: window and state guards, capacity under concurrency, waitlist and promotion, clashes, scope.</summary>
public sealed class EnrolmentTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static Task<HttpResponseMessage> NominateAsync(HttpClient client, Guid courseId, Guid officialId, string? reason = null) =>
        client.PostJsonAsync(NominateOfficial.For(courseId), new { officialId, clashOverrideReason = reason });

    private static async Task<CourseParticipants> ParticipantsAsync(HttpClient client, Guid courseId) =>
        await (await client.GetAsync(ListParticipants.For(courseId))).ReadAsync<CourseParticipants>();

    [ApiFact]
    public async Task Given_a_course_not_open_or_outside_its_window_When_nominating_Then_409_and_nothing_is_recorded()
    {
        var partner = await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên");
        var confirmed = await CourseAsync(api, partner, CourseStatus.Confirmed);
        var closed = await CourseAsync(api, partner, CourseStatus.OpenForNomination, opens: Today.AddDays(-10), closes: Today.AddDays(-1));
        var notYet = await CourseAsync(api, partner, CourseStatus.OpenForNomination, opens: Today.AddDays(1), closes: Today.AddDays(5));
        var official = await OfficialAsync(api, "VANLAM", "Nguyễn Văn Cửa Sổ");
        var officer = await api.LoginAsync(Users.VanLamOfficer);

        await (await NominateAsync(officer, confirmed, official)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "course_state");
        await (await NominateAsync(officer, closed, official)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "enrolment_window");
        await (await NominateAsync(officer, notYet, official)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "enrolment_window");
        (await ParticipantsAsync(officer, closed)).Items.ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_an_official_already_nominated_When_nominated_again_Then_409_until_withdrawn()
    {
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination);
        var official = await OfficialAsync(api, "VANLAM", "Trần Thị Hai Lần");
        var officer = await api.LoginAsync(Users.VanLamOfficer);

        var first = await (await NominateAsync(officer, course, official)).ReadAsync<EnrolmentView>();
        await (await NominateAsync(officer, course, official)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_nominated");
        (await officer.PostJsonAsync(WithdrawEnrolment.For(course, first.Id), new { reason = "Bận công tác" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NominateAsync(officer, course, official)).StatusCode.ShouldBe(HttpStatusCode.Created, "a withdrawn official may be nominated again");
    }

    [ApiFact]
    public async Task Given_an_official_of_another_district_When_nominating_Then_404_and_a_leader_without_the_right_gets_403()
    {
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination);
        var myHaoOfficial = await OfficialAsync(api, "MYHAO", "Lê Văn Mỹ Hào");
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var leader = await api.LoginAsync(Users.Leader);

        await (await NominateAsync(vanLam, course, myHaoOfficial)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await NominateAsync(vanLam, course, Guid.NewGuid())).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await NominateAsync(leader, course, myHaoOfficial)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_a_capacity_5_course_When_24_nominations_race_Then_exactly_5_are_enrolled_and_the_rest_wait_in_order()
    {
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination, capacity: 5);
        var officials = await OfficialsAsync(api, "VANLAM", 24);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var before = await CourseVersionAsync(api, course);

        var responses = await Task.WhenAll(officials.Select(o => NominateAsync(officer, course, o)));

        foreach (var r in responses) r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var list = await ParticipantsAsync(officer, course);
        list.EnrolledCount.ShouldBe(5);
        list.WaitlistCount.ShouldBe(19);
        list.Items.Count(e => e.Status == EnrolmentStatus.Enrolled).ShouldBe(5);
        list.Items.Select(e => e.QueueNumber).ShouldBeUnique();
        list.Items.Select(e => e.QueueNumber).Order().ShouldBe(Enumerable.Range(1, 24).Select(i => (long)i));
        list.Items.Where(e => e.Status == EnrolmentStatus.Enrolled).Max(e => e.QueueNumber)
            .ShouldBeLessThan(list.Items.Where(e => e.Status == EnrolmentStatus.Waitlisted).Min(e => e.QueueNumber), "the first five arrivals hold the places");
        list.Items.Where(e => e.Status == EnrolmentStatus.Waitlisted).OrderBy(e => e.QueueNumber).Select(e => e.WaitlistPosition)
            .ShouldBe(Enumerable.Range(1, 19).Select(i => (int?)i));
        (await CourseVersionAsync(api, course)).ShouldBe(before + 24, "every nomination moved the course's version");
    }

    [ApiFact]
    public async Task Given_a_full_course_When_an_enrolled_participant_withdraws_Then_the_first_waiting_is_promoted_and_notified()
    {
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination, capacity: 2);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var ids = await OfficialsAsync(api, "VANLAM", 2);
        var waiting1 = await OfficialAsync(api, "VANLAM", "Phạm Chờ Một", Users.VanLamFocal);
        var waiting2 = await OfficialAsync(api, "VANLAM", "Phạm Chờ Hai");
        var enrolled = new List<EnrolmentView>();
        foreach (var o in ids.Append(waiting1).Append(waiting2))
            enrolled.Add(await (await NominateAsync(officer, course, o)).ReadAsync<EnrolmentView>());
        enrolled.Select(e => e.Status).ShouldBe([EnrolmentStatus.Enrolled, EnrolmentStatus.Enrolled, EnrolmentStatus.Waitlisted, EnrolmentStatus.Waitlisted]);
        enrolled[3].WaitlistPosition.ShouldBe(2);

        var result = await (await officer.PostJsonAsync(WithdrawEnrolment.For(course, enrolled[0].Id), new { reason = "Ốm" })).ReadAsync<WithdrawResult>();

        result.Withdrawn.Status.ShouldBe(EnrolmentStatus.Withdrawn);
        result.Withdrawn.WithdrawalReason.ShouldBe("Ốm");
        result.Promoted!.OfficialId.ShouldBe(waiting1);
        var list = await ParticipantsAsync(officer, course);
        list.EnrolledCount.ShouldBe(2);
        list.Items.Single(e => e.OfficialId == waiting2).WaitlistPosition.ShouldBe(1);
        var focal = await api.LoginAsync(Users.VanLamFocal);
        var notices = await Notices.WaitForAsync(focal, p => p.Items.Any(n => n.Kind == "training.enrolment.promoted"));
        notices.Items.ShouldContain(n => n.Kind == "training.enrolment.promoted" && n.Text.Contains("Phạm Chờ Một"));

        // Withdrawing a waiting person frees no place: nobody is promoted.
        var again = await (await officer.PostJsonAsync(WithdrawEnrolment.For(course, enrolled[3].Id), new { })).ReadAsync<WithdrawResult>();
        again.Promoted.ShouldBeNull();
        await (await officer.PostJsonAsync(WithdrawEnrolment.For(course, enrolled[3].Id), new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "already_withdrawn");
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.PostJsonAsync(WithdrawEnrolment.For(course, enrolled[1].Id), new { })).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_member_waiting_for_a_full_course_When_a_place_frees_Then_the_member_gets_one_notice_addressed_to_them()
    {
        // #16: "a member gets the same notification twice, in the third person" — over the real notices of a promotion.
        const string member = "doanvien@hungyen.demo";
        var code = "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination, capacity: 1, code: code);
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var first = await (await NominateAsync(officer, course, (await OfficialsAsync(api, "VANLAM-DETMAYLACHONG", 1))[0])).ReadAsync<EnrolmentView>();
        var waiting = await (await NominateAsync(officer, course, await OfficialAsync(api, "VANLAM-DETMAYLACHONG", "Đặng Thị Đoàn Viên", member)))
            .ReadAsync<EnrolmentView>();
        waiting.Status.ShouldBe(EnrolmentStatus.Waitlisted);

        var result = await (await officer.PostJsonAsync(WithdrawEnrolment.For(course, first.Id), new { reason = "Bận công tác" })).ReadAsync<WithdrawResult>();
        result.Promoted!.Id.ShouldBe(waiting.Id);

        // The unit's notice is stored too (for those who act for the unit), so both have arrived when the member reads theirs.
        await Eventually.UntilAsync(() => api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications
            .AnyAsync(n => n.Key == $"enrolment:{waiting.Id}:promoted:unit")), because: "the unit's notice");
        var mine = await Notices.WaitForAsync(await api.LoginAsync(member), p => p.Items.Any(n => n.Text.Contains(code)), "the member's notice");
        var notice = mine.Items.Where(n => n.Text.Contains(code)).ShouldHaveSingleItem("one notice of the promotion, not the unit's copy as well");
        notice.Text.ShouldStartWith("Bạn đã được chuyển từ danh sách chờ vào lớp " + code);
        notice.Text.ShouldNotContain("Đặng Thị Đoàn Viên", customMessage: "addressed to the member, not about them in the third person");
    }

    [ApiFact]
    public async Task Given_an_official_in_a_course_at_the_same_time_When_nominated_Then_409_participant_clash_unless_a_coordinator_overrides()
    {
        var partner = await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên");
        var start = DateTime.UtcNow.Date.AddDays(20).AddHours(1);
        var first = await CourseAsync(api, partner, CourseStatus.OpenForNomination, sessions: [(start, 3)]);
        var second = await CourseAsync(api, partner, CourseStatus.OpenForNomination, sessions: [(start.AddHours(2), 3)]);
        var apart = await CourseAsync(api, partner, CourseStatus.OpenForNomination, sessions: [(start.AddHours(3), 2)]);
        var official = await OfficialAsync(api, "VANLAM", "Vũ Trùng Lịch");
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var admin = await api.LoginAsync(Users.Admin);
        (await NominateAsync(officer, first, official)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var clash = await (await NominateAsync(officer, second, official)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "participant_clash");
        clash.GetProperty("errors").GetProperty("clashSession")[0].GetString().ShouldBe("Buổi 1");
        await (await NominateAsync(officer, second, official, "Tự nguyện")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "participant_clash");
        (await NominateAsync(officer, apart, official)).StatusCode.ShouldBe(HttpStatusCode.Created, "back-to-back sessions do not clash");

        var overridden = await (await NominateAsync(admin, second, official, "Lãnh đạo đồng ý học bù")).ReadAsync<EnrolmentView>();
        overridden.ClashOverrideReason.ShouldBe("Lãnh đạo đồng ý học bù");
        var audit = await api.InScopeAsync(sp => sp.GetRequiredService<TrainingDbContext>().AuditEntries
            .SingleAsync(a => a.EntityType == "Enrolment" && a.EntityId == overridden.Id.ToString() && a.Action == "Created"));
        audit.UserEmail.ShouldBe(Users.Admin);
        System.Text.Json.JsonDocument.Parse(audit.Changes).RootElement.EnumerateArray()
            .ShouldContain(c => c.GetProperty("field").GetString() == "clashOverrideReason" && c.GetProperty("new").GetString() == "Lãnh đạo đồng ý học bù",
                "the override and its reason are in the audit trail");
    }

    [ApiFact]
    public async Task Given_participants_of_two_districts_Then_each_district_sees_its_own_and_the_coordinator_and_partner_see_all_but_not_another_partners()
    {
        var ours = await PartnerAsync(api, "Trường Đại học Sư phạm Kỹ thuật Hưng Yên"); // doitac@hungyen.demo works there (demo seed)
        var theirs = await PartnerAsync(api, "Trung tâm Đào tạo Khác");
        var partnerUser = await api.LoginAsync("doitac@hungyen.demo");
        var me = await (await partnerUser.GetAsync("/api/v1/me")).ReadAsync<System.Text.Json.JsonElement>();
        await LinkPartnerUserAsync(api, ours, me.GetProperty("id").GetGuid(), "doitac@hungyen.demo");
        var course = await CourseAsync(api, ours, CourseStatus.OpenForNomination);
        var other = await CourseAsync(api, theirs, CourseStatus.OpenForNomination);
        var vanLam = await api.LoginAsync(Users.VanLamOfficer);
        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        (await NominateAsync(vanLam, course, await OfficialAsync(api, "VANLAM", "Bùi Văn Lâm"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await NominateAsync(myHao, course, await OfficialAsync(api, "MYHAO", "Bùi Mỹ Hào"))).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await ParticipantsAsync(vanLam, course)).Items.Select(e => e.OfficialName).ShouldBe(["Bùi Văn Lâm"]);
        var counts = await ParticipantsAsync(myHao, course);
        counts.Items.Select(e => e.OfficialName).ShouldBe(["Bùi Mỹ Hào"]);
        counts.EnrolledCount.ShouldBe(2, "the counts are the course's");
        (await ParticipantsAsync(await api.LoginAsync(Users.Admin), course)).Items.Count.ShouldBe(2);
        (await ParticipantsAsync(partnerUser, course)).Items.Count.ShouldBe(2);
        await (await partnerUser.GetAsync(ListParticipants.For(other))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_person_nominated_by_their_email_When_reading_my_trainings_Then_their_enrolments_are_listed()
    {
        var course = await CourseAsync(api, await PartnerAsync(api, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination,
            sessions: [(DateTime.UtcNow.Date.AddDays(40), 2)]);
        var myHaoOfficer = await api.LoginAsync(Users.MyHaoOfficer);
        var official = await OfficialAsync(api, "MYHAO", "Cán bộ Mỹ Hào tự học", "CANBO.MYHAO@hungyen.demo");
        (await NominateAsync(myHaoOfficer, course, official)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var mine = await (await myHaoOfficer.GetAsync(ListMyEnrolments.Route)).ReadAsync<List<MyEnrolment>>();

        var item = mine.ShouldHaveSingleItem();
        item.CourseId.ShouldBe(course);
        item.Status.ShouldBe(EnrolmentStatus.Enrolled);
        item.PartnerName.ShouldBe("ĐH Sư phạm Kỹ thuật Hưng Yên");
        item.StartsAt.ShouldNotBeNull();
        (await (await (await api.LoginAsync(Users.VanLamOfficer)).GetAsync(ListMyEnrolments.Route)).ReadAsync<List<MyEnrolment>>()).ShouldBeEmpty();
    }
}
