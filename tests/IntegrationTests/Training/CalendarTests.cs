using System.Net;
using System.Net.Http.Headers;
using Ical.Net.CalendarComponents;
using Khcn.BuildingBlocks.Security;
using Khcn.IntegrationTests.Support;
using Khcn.Training.Domain;
using Khcn.Training.Features.Calendar;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Training.CertificateArrange;

namespace Khcn.IntegrationTests.Training;

/// <summary>Personal iCalendar feed tokens and the feeds: RFC 5545 content, stability, cancellations and isolation.</summary>
public sealed class CalendarTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly Participant Holder = new("Nguyễn Thị Hồng Nhung", Member, MemberUnit, CompletionResult.Pending);

    private async Task<CalendarFeeds> FeedsAsync(string email) =>
        await (await (await api.LoginAsync(email)).GetAsync(GetCalendarFeeds.Route)).ReadAsync<CalendarFeeds>();

    private static string CourseUrl(CalendarFeeds feeds, Guid courseId) => feeds.CourseFeedTemplate.Replace("{courseId}", courseId.ToString());

    private static string PathOf(string url) => new Uri(url).PathAndQuery;

    private async Task<List<CalendarEvent>> EventsAsync(string url)
    {
        var response = await api.CreateClient().GetAsync(PathOf(url));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        response.Content.Headers.ContentType.CharSet.ShouldBe("utf-8");
        return Ical.Net.Calendar.Load(text)!.Events.ToList();
    }

    [ApiFact]
    public async Task Given_a_user_When_asking_for_the_token_twice_and_rotating_Then_the_urls_are_stable_until_rotated()
    {
        var first = await FeedsAsync(Member);
        var again = await FeedsAsync(Member);
        again.Feeds.Select(f => f.Url).ShouldBe(first.Feeds.Select(f => f.Url));
        var me = first.Feeds.Single(f => f.Kind == CalendarFeedKind.Me).Url;
        me.ShouldEndWith("/me.ics");
        var token = me.Split('/')[^2];
        token.Length.ShouldBeGreaterThanOrEqualTo(43, "256 bits in base64url");
        first.Feeds.ShouldContain(f => f.Kind == CalendarFeedKind.Unit, "a union member has the feed of their unit");
        (await api.CreateClient().GetAsync(PathOf(me))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var rotated = await (await (await api.LoginAsync(Member)).PostAsync(RotateCalendarToken.Route, null)).ReadAsync<CalendarFeeds>();
        var newMe = rotated.Feeds.Single(f => f.Kind == CalendarFeedKind.Me).Url;
        newMe.ShouldNotBe(me);
        rotated.RotatedAt.ShouldNotBeNull();
        await (await api.CreateClient().GetAsync(PathOf(me))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await api.CreateClient().GetAsync(PathOf(newMe))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await api.CreateClient().GetAsync("/api/v1/training/calendar/not-a-real-token-0123456789abcdefghij/me.ics"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_a_course_feed_When_a_session_is_rescheduled_and_another_cancelled_Then_uids_stay_sequence_grows_and_cancelled_events_remain()
    {
        var partnerId = await PartnerAsync(api, Unique("Học viện Công nghệ "));
        var course = await CourseAsync(api, partnerId, CourseStatus.OpenForNomination, 3, Holder);
        var url = CourseUrl(await FeedsAsync(Coordinator), course.Id);

        var before = await EventsAsync(url);
        before.Count.ShouldBe(3);
        before.Select(e => e.Uid).ShouldBe(course.SessionIds.Select(CalendarFeedBuilder.Uid), ignoreOrder: true);
        before.ShouldAllBe(e => e.Sequence == 0 && e.Status == "CONFIRMED");
        var firstEvent = before.Single(e => e.Uid == CalendarFeedBuilder.Uid(course.SessionIds[0]));
        firstEvent.DtStart!.AsUtc.ShouldBe(FirstSessionUtc);
        firstEvent.Summary!.ShouldContain("Kỹ năng đổi mới sáng tạo");
        firstEvent.Summary!.ShouldContain("Buổi 1");
        firstEvent.Location.ShouldBe("Phòng 101, Trường Đại học Sư phạm Kỹ thuật Hưng Yên");
        firstEvent.DtStamp.ShouldNotBeNull();

        await ChangeSessionAsync(api, course.SessionIds[0], s => s.Reschedule("Buổi 1 (dời)", FirstSessionUtc.AddHours(5), FirstSessionUtc.AddHours(8), "Hội trường", null));
        await ChangeSessionAsync(api, course.SessionIds[1], s => s.Cancel());
        var after = await EventsAsync(url);
        after.Select(e => e.Uid).ShouldBe(before.Select(e => e.Uid), ignoreOrder: true);
        var moved = after.Single(e => e.Uid == CalendarFeedBuilder.Uid(course.SessionIds[0]));
        moved.Sequence.ShouldBe(1);
        moved.DtStart!.AsUtc.ShouldBe(FirstSessionUtc.AddHours(5));
        var cancelled = after.Single(e => e.Uid == CalendarFeedBuilder.Uid(course.SessionIds[1]));
        cancelled.Status.ShouldBe("CANCELLED");
        cancelled.Sequence.ShouldBe(1);

        await CancelCourseAsync(api, course.Id);
        var dropped = await EventsAsync(url);
        dropped.Count.ShouldBe(3, "a cancelled course keeps its events, cancelled");
        dropped.ShouldAllBe(e => e.Status == "CANCELLED");
        dropped.Single(e => e.Uid == CalendarFeedBuilder.Uid(course.SessionIds[2])).Sequence.ShouldBe(1);
    }

    [ApiFact]
    public async Task Given_a_feed_When_fetched_again_with_its_etag_Then_304()
    {
        var partnerId = await PartnerAsync(api, Unique("Viện Nghiên cứu "));
        var course = await CourseAsync(api, partnerId, CourseStatus.Running, 1, Holder);
        var path = PathOf(CourseUrl(await FeedsAsync(Coordinator), course.Id));
        var client = api.CreateClient();
        var first = await client.GetAsync(path);
        var etag = first.Headers.ETag.ShouldNotBeNull();
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue(etag.Tag));
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [ApiFact]
    public async Task Given_partner_staff_When_reading_feeds_Then_their_agency_only()
    {
        var own = await PartnerAsync(api, Unique("Đại học Hàng hải "), PartnerStaff);
        var other = await PartnerAsync(api, Unique("Đại học Kinh tế "));
        var ownCourse = await CourseAsync(api, own, CourseStatus.Running, 2, Holder);
        var otherCourse = await CourseAsync(api, other, CourseStatus.Running, 2, Holder);

        var feeds = await FeedsAsync(PartnerStaff);
        var partnerFeed = feeds.Feeds.Single(f => f.Kind == CalendarFeedKind.Partner);
        partnerFeed.Id.ShouldBe(own);
        feeds.Feeds.ShouldNotContain(f => f.Kind == CalendarFeedKind.Unit, "partner staff reach no union unit");
        (await EventsAsync(partnerFeed.Url)).Select(e => e.Uid).ShouldBe(ownCourse.SessionIds.Select(CalendarFeedBuilder.Uid), ignoreOrder: true);
        (await EventsAsync(CourseUrl(feeds, ownCourse.Id))).Count.ShouldBe(2);
        feeds.PartnerFeedTemplate.Replace("{partnerId}", own.ToString()).ShouldBe(partnerFeed.Url, "the partner page's button gives the listed feed");

        var client = api.CreateClient();
        await (await client.GetAsync(PathOf(CourseUrl(feeds, otherCourse.Id)))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync(PathOf(partnerFeed.Url.Replace(own.ToString(), other.ToString())))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        var vanLam = await UnitIdAsync(api, "VANLAM");
        await (await client.GetAsync(PathOf(partnerFeed.Url.Replace($"partners/{own}", $"units/{vanLam}")))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [ApiFact]
    public async Task Given_enrolments_When_reading_my_feed_and_unit_feeds_Then_each_shows_the_courses_of_its_people_within_scope()
    {
        var partnerId = await PartnerAsync(api, Unique("Trường Chính trị tỉnh "));
        var mine = await CourseAsync(api, partnerId, CourseStatus.Running, 2, Holder);
        var myHaos = await CourseAsync(api, partnerId, CourseStatus.Running, 1, new Participant("Lê Văn Hải", "hai@example.vn", "MYHAO", CompletionResult.Pending));
        var withdrawn = await CourseAsync(api, partnerId, CourseStatus.Running, 1, Holder with { Status = EnrolmentStatus.Withdrawn });

        var me = await EventsAsync((await FeedsAsync(Member)).Feeds.Single(f => f.Kind == CalendarFeedKind.Me).Url);
        me.Select(e => e.Uid).ShouldContain(CalendarFeedBuilder.Uid(mine.SessionIds[0]));
        me.Select(e => e.Uid).ShouldNotContain(CalendarFeedBuilder.Uid(myHaos.SessionIds[0]));
        me.Single(e => e.Uid == CalendarFeedBuilder.Uid(withdrawn.SessionIds[0])).Status.ShouldBe("CANCELLED", "withdrawn: the event is cancelled");

        var officerFeeds = await FeedsAsync(Users.VanLamOfficer);
        var vanLamFeed = officerFeeds.Feeds.Single(f => f.Kind == CalendarFeedKind.Unit);
        var vanLam = await EventsAsync(vanLamFeed.Url);
        vanLam.Select(e => e.Uid).ShouldContain(CalendarFeedBuilder.Uid(mine.SessionIds[1]), "the member's grassroots union is below Văn Lâm");
        vanLam.Select(e => e.Uid).ShouldNotContain(CalendarFeedBuilder.Uid(myHaos.SessionIds[0]));

        var myHao = await UnitIdAsync(api, "MYHAO");
        await (await api.CreateClient().GetAsync(PathOf(vanLamFeed.Url.Replace(vanLamFeed.Id!.Value.ToString(), myHao.ToString()))))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        // "Add to calendar" on any unit page in the officer's subtree (#16): the template gives the grassroots union's own
        // feed, the same address as the listed feed for Văn Lâm itself, and 404 for a unit outside the subtree.
        UnitUrl(officerFeeds, vanLamFeed.Id!.Value).ShouldBe(vanLamFeed.Url);
        var grassroots = await EventsAsync(UnitUrl(officerFeeds, await UnitIdAsync(api, MemberUnit)));
        grassroots.Select(e => e.Uid).ShouldContain(CalendarFeedBuilder.Uid(mine.SessionIds[1]));
        grassroots.Select(e => e.Uid).ShouldNotContain(CalendarFeedBuilder.Uid(myHaos.SessionIds[0]));
        await (await api.CreateClient().GetAsync(PathOf(UnitUrl(officerFeeds, myHao)))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static string UnitUrl(CalendarFeeds feeds, Guid unitId) => feeds.UnitFeedTemplate.Replace("{unitId}", unitId.ToString());

    [ApiFact]
    public async Task Given_a_feed_url_When_its_user_is_disabled_Then_404()
    {
        const string council = Users.Leader;
        var me = (await FeedsAsync(council)).Feeds.Single(f => f.Kind == CalendarFeedKind.Me).Url;
        (await api.CreateClient().GetAsync(PathOf(me))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var userId = await api.InScopeAsync(async sp =>
            (await sp.GetRequiredService<IUserDirectory>().FindActiveByEmailAsync(council, CancellationToken.None))!.UserId);

        (await (await api.LoginAsync(Users.Admin)).PostAsync($"/api/v1/admin/users/{userId}/disable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await (await api.CreateClient().GetAsync(PathOf(me))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
