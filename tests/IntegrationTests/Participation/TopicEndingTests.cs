using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.IntegrationTests.Messaging;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Councils;
using Khcn.Participation.Features.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Khcn.IntegrationTests.Participation.TopicCouncilTests;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// How a research topic ends other than by withdrawal (issue #12: "withdrawal and cancellation with reasons", "→ applied
/// or closed"): the ordering unit cancels a selected, contracted or running topic with a reason (the lead is notified),
/// and closes it once the acceptance council has decided it; a cancelled or closed topic is read-only. Both steps are
/// HOUSE RULES of the lifecycle (no legal text found for union-level topics, see TopicRules).
/// </summary>
public sealed class TopicEndingTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private const string Password = "Demo@2025!x";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    private static string For(string route, Guid id) => route.Replace("{id}", id.ToString());

    private Task<(Proposer P, List<Seat> Seats, TopicDetail[] Selected)> SelectedAsync(string tag, params string[] titles) => SelectedAsync(api, tag, titles);

    /// <summary>Submits the topics to a new call of the province and has a five-member selection council select them all.</summary>
    internal static async Task<(Proposer P, List<Seat> Seats, TopicDetail[] Selected)> SelectedAsync(ApiFactory api, string tag, params string[] titles)
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await TopicTests.CallAsync(province, $"Đặt hàng {tag}", Today.AddDays(20));
        var p = await ProposerAsync(api, tag);
        var topics = new List<TopicDetail>();
        foreach (var title in titles) topics.Add(await SubmittedAsync(p, call.Id, title));
        var seats = await PanelAsync(api, tag);
        var council = await FormAsync(province, $"HĐ tuyển chọn {tag}", CouncilItemKind.TopicSelection, seats, [.. topics.Select(t => t.Id)]);
        foreach (var s in seats.Take(4))
            foreach (var t in topics)
                await ScoredAsync(s, council.Id, t.Id, 8, 8, 8, 8);
        var closed = await CloseAsync(seats[2].Client, council.Id, $"{tag}/QĐ-LĐLĐ");
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var selected = new List<TopicDetail>();
        foreach (var t in topics)
        {
            var read = await TopicAsync(province, t.Id);
            read.Status.ShouldBe(TopicStatus.Selected);
            selected.Add(read);
        }
        return (p, seats, [.. selected]);
    }

    /// <summary>A policy-law board officer of Mỹ Hào: holds topics.manage, but over a unit that does not reach the Văn Lâm topic.</summary>
    private async Task<HttpClient> MyHaoManagerAsync(string tag)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var myHao = await AnnualReportTests.UnitIdAsync(admin, "MYHAO");
        var email = $"cspl.myhao.{tag}@hungyen.demo";
        var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email, fullName = $"Ban CSPL Mỹ Hào {tag}", password = Password, grants = new[] { new { role = "policy-law-board", unitId = myHao } },
        });
        user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());
        return await api.LoginAsync(email, Password);
    }

    [ApiFact]
    public async Task Given_a_selected_topic_When_the_ordering_unit_cancels_it_with_a_reason_Then_reason_actor_and_time_show_on_GET_the_lead_is_notified_and_the_trail_keeps_it()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var (p, _, selected) = await SelectedAsync("huy", "Đề tài sẽ bị hủy");
        var topic = selected[0];
        // The lead has an account: the notice reaches them.
        var admin = await api.LoginAsync(Users.Admin);
        var lacHong = await AnnualReportTests.UnitIdAsync(admin, LacHong);
        var user = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = "cn.huy@hungyen.demo", fullName = "Chủ nhiệm huy", password = Password, grants = new[] { new { role = "member", unitId = lacHong } },
        });
        user.IsSuccessStatusCode.ShouldBeTrue(await user.Content.ReadAsStringAsync());

        // Without a reason: 400 naming the field, in Vietnamese; nothing changes.
        var blank = new HttpRequestMessage(HttpMethod.Post, For(CancelTopic.Route, topic.Id)) { Content = JsonContent.Create(new { reason = "  " }, options: Support.Http.Json) };
        blank.Headers.TryAddWithoutValidation("If-Match", $"\"{topic.Version}\"");
        blank.Headers.AcceptLanguage.ParseAdd("vi");
        var none = await (await province.SendAsync(blank)).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        none.GetProperty("errors").GetProperty("reason")[0].GetString().ShouldBe("Nêu lý do hủy đề tài.");
        // Outside the scope: 404 (even with topics.manage elsewhere); the proposing unit (no topics.manage over the province's call): 403.
        var myHao = await MyHaoManagerAsync("huy");
        await (await TopicTests.StepAsync(myHao, CancelTopic.Route, topic.Id, topic.Version, new { reason = "Không thuộc phạm vi" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await TopicTests.StepAsync(p.Officer, CancelTopic.Route, topic.Id, topic.Version, new { reason = "Đơn vị đề xuất tự hủy" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await TopicAsync(province, topic.Id)).Status.ShouldBe(TopicStatus.Selected, "nothing half-saved");

        var cancelled = await TopicTests.StepAsync(province, CancelTopic.Route, topic.Id, topic.Version, new { reason = "Đơn vị chủ trì không bố trí được nhân lực" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        var read = await TopicAsync(p.Officer, topic.Id);
        read.Status.ShouldBe(TopicStatus.Cancelled);
        read.CancellationReason.ShouldBe("Đơn vị chủ trì không bố trí được nhân lực");
        read.CancelledBy.ShouldNotBeNullOrWhiteSpace();
        read.CancelledAt.ShouldNotBeNull();
        read.AllowedMoves.ShouldBeEmpty();
        (read.Steps[^1].From, read.Steps[^1].To, read.Steps[^1].Note).ShouldBe((TopicStatus.Selected, TopicStatus.Cancelled, "Đơn vị chủ trì không bố trí được nhân lực"));

        // Read-only from now on: no contract, no second cancellation.
        await (await TopicTests.StepAsync(province, ContractTopic.Route, topic.Id, read.Version, new
        {
            contractNumber = "HĐ-HUY", contractDate = Today, startDate = Today, endDate = Today.AddMonths(6),
            milestones = new[] { new { title = "Khảo sát", dueDate = Today.AddMonths(2) } },
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        await (await TopicTests.StepAsync(province, CancelTopic.Route, topic.Id, read.Version, new { reason = "Lần hai" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");

        // Both notices stored (the lead's own and the proposing unit's), then the lead reads theirs once (#16: one notice per
        // person per event; NotificationOutboxTests checks an officer who is also sent the unit's notice).
        await Eventually.UntilAsync(async () => await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications
            .CountAsync(n => n.Key.StartsWith($"topic:{topic.Id}:cancelled:"))) == 2, because: "the lead's and the unit's notices, through the outbox");
        var lead = await api.LoginAsync("cn.huy@hungyen.demo", Password);
        var notices = await Notices.WaitForAsync(lead, n => n.Items.Any(i => i.Kind == "topic.cancelled"), "the lead's cancellation notice");
        notices.Items.Where(i => i.Kind == "topic.cancelled").ShouldHaveSingleItem().Text.ShouldContain("Đơn vị chủ trì không bố trí được nhân lực");

        var leader = await api.LoginAsync(Users.Leader);
        var trail = await (await leader.GetAsync($"/api/v1/audit?entityType=ResearchTopic&entityId={topic.Id}")).ReadAsync<JsonElement>();
        var change = trail.GetProperty("items").EnumerateArray()
            .SelectMany(e => e.GetProperty("changes").EnumerateArray().Select(c => (Entry: e, Change: c)))
            .Single(x => x.Change.GetProperty("field").GetString() == "cancellationReason");
        change.Change.GetProperty("new").GetString().ShouldBe("Đơn vị chủ trì không bố trí được nhân lực");
        change.Entry.GetProperty("userEmail").GetString().ShouldBe(Users.PolicyLaw);
    }

    [ApiFact]
    public async Task Given_an_accepted_topic_When_cancelled_Then_409_and_when_the_ordering_unit_closes_it_Then_the_proposing_unit_and_the_lead_are_notified_once_each_and_it_is_read_only()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var (p, seats, selected) = await SelectedAsync("ketthuc", "Đề tài sẽ kết thúc");
        var id = selected[0].Id;
        // Closing before the acceptance: 409.
        await (await TopicTests.StepAsync(province, CloseTopic.Route, id, selected[0].Version, new { note = "Quá sớm" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        var contracted = await (await TopicTests.StepAsync(province, ContractTopic.Route, id, selected[0].Version, new
        {
            contractNumber = "HĐ-KT", contractDate = Today, startDate = Today, endDate = Today.AddMonths(6),
            milestones = new[] { new { title = "Khảo sát thực trạng", deliverable = "Báo cáo khảo sát", dueDate = Today.AddMonths(2) } },
        })).ReadAsync<TopicDetail>();
        var reported = await TopicTests.StepAsync(p.Officer, ReportMilestone.Route.Replace("{milestoneId}", contracted.Milestones[0].Id.ToString()), id,
            contracted.Version, new { completedOn = Today, report = "Đã khảo sát" });
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
        var acceptance = await FormAsync(province, "HĐ nghiệm thu ketthuc", CouncilItemKind.TopicAcceptance, seats, id);
        foreach (var s in seats.Take(4)) await ScoredAsync(s, acceptance.Id, id, 8, 7, 7, 7);
        (await CloseAsync(seats[2].Client, acceptance.Id, "KT/QĐ-LĐLĐ")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accepted = await TopicAsync(province, id);
        accepted.Status.ShouldBe(TopicStatus.Accepted);

        // Not after the acceptance: cancelling an accepted topic is 409, and nothing changes.
        await (await TopicTests.StepAsync(province, CancelTopic.Route, id, accepted.Version, new { reason = "Hủy sau nghiệm thu" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        // Outside the scope 404; the proposing unit 403.
        var myHao = await MyHaoManagerAsync("ketthuc");
        await (await TopicTests.StepAsync(myHao, CloseTopic.Route, id, accepted.Version)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await TopicTests.StepAsync(p.Officer, CloseTopic.Route, id, accepted.Version)).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        // An officer of the proposing unit (Lạc Hồng) hears of the closing.
        var admin = await api.LoginAsync(Users.Admin);
        var officer = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = "canbo.lachong.ketthuc@hungyen.demo", fullName = "Cán bộ Lạc Hồng ketthuc", password = Password,
            grants = new[] { new { role = "unit-officer", unitId = p.Unit } },
        });
        officer.IsSuccessStatusCode.ShouldBeTrue(await officer.Content.ReadAsStringAsync());
        // The lead is also an officer of the proposing unit: told in their own name and through the unit.
        var leadUser = await admin.PostJsonAsync(Khcn.Platform.Features.Users.CreateUser.Route, new
        {
            email = "cn.ketthuc@hungyen.demo", fullName = "Chủ nhiệm ketthuc", password = Password,
            grants = new[] { new { role = "unit-officer", unitId = p.Unit } },
        });
        leadUser.IsSuccessStatusCode.ShouldBeTrue(await leadUser.Content.ReadAsStringAsync());

        var closed = await TopicTests.StepAsync(province, CloseTopic.Route, id, accepted.Version, new { note = "Đã bàn giao sản phẩm, lưu hồ sơ" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        var unitNotices = await Notices.WaitForAsync(await api.LoginAsync("canbo.lachong.ketthuc@hungyen.demo", Password),
            n => n.Items.Any(i => i.Kind == "topic.closed"), "the proposing unit's closing notice, through the outbox");
        unitNotices.Items.Single(i => i.Kind == "topic.closed").Text.ShouldContain("Đã bàn giao sản phẩm, lưu hồ sơ");
        // The lead's own notice and the unit's are both stored; the lead reads the closing once (#16: one notice per person per event).
        await Eventually.UntilAsync(async () => await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications
            .CountAsync(n => n.Key.StartsWith($"topic:{id}:closed:"))) == 2, because: "the lead's and the unit's closing notices, through the outbox");
        var leadNotices = await Notices.WaitForAsync(await api.LoginAsync("cn.ketthuc@hungyen.demo", Password),
            n => n.Items.Any(i => i.Kind == "topic.closed"), "the lead's closing notice");
        leadNotices.Items.Where(i => i.Kind == "topic.closed").ShouldHaveSingleItem().Text.ShouldContain("Đã bàn giao sản phẩm, lưu hồ sơ");
        var read = await TopicAsync(p.Officer, id);
        read.Status.ShouldBe(TopicStatus.Closed);
        read.ClosingNote.ShouldBe("Đã bàn giao sản phẩm, lưu hồ sơ");
        read.ClosedBy.ShouldNotBeNullOrWhiteSpace();
        read.ClosedAt.ShouldNotBeNull();
        read.Rating.ShouldBe(AcceptanceRating.Good, "the acceptance stays on record");
        read.AllowedMoves.ShouldBeEmpty();

        // Read-only: the application an accepted topic would take, an update, closing or cancelling again all answer 409.
        await (await TopicTests.StepAsync(p.Officer, RecordTopicApplication.Route, id, read.Version,
            new { appliedAt = "Công ty Dệt may Lạc Hồng", appliedSince = Today })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        await (await TopicTests.StepAsync(p.Officer, UpdateTopic.Route, id, read.Version,
            TopicTests.Proposal(read.CallId, p.Unit, "Sửa sau khi kết thúc", p.Lead, [p.Member]), HttpMethod.Put)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        await (await TopicTests.StepAsync(province, CloseTopic.Route, id, read.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        await (await TopicTests.StepAsync(province, CancelTopic.Route, id, read.Version, new { reason = "Hủy sau khi kết thúc" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        (await TopicAsync(province, id)).Version.ShouldBe(read.Version, "nothing changed");
    }

    [ApiFact]
    public async Task Given_the_demo_topic_in_progress_When_cancelled_Then_progress_can_no_longer_be_reported_and_the_status_filter_finds_it()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = (await (await province.GetAsync($"{ListResearchCalls.Route}?year=2024")).ReadAsync<List<ResearchCallView>>())
            .Single(c => c.Title == "Đặt hàng đề tài KH,CN&ĐMST năm 2024 của LĐLĐ tỉnh Hưng Yên");
        var running = (await (await province.GetAsync($"{ListTopics.Route}?callId={call.Id}&status=InProgress")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<TopicListItem>>())
            .Items.First();
        var before = await TopicAsync(province, running.Id);
        var open = before.Milestones.First(m => m.CompletedOn is null);

        var cancelled = await TopicTests.StepAsync(province, CancelTopic.Route, running.Id, before.Version, new { reason = "Thay đổi chủ trương đặt hàng" });
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        var after = await cancelled.ReadAsync<TopicDetail>();
        after.Status.ShouldBe(TopicStatus.Cancelled);
        after.Late.ShouldBeFalse("a cancelled topic is no longer late");

        var admin = await api.LoginAsync(Users.Admin);
        await (await TopicTests.StepAsync(admin, ReportMilestone.Route.Replace("{milestoneId}", open.Id.ToString()), running.Id, after.Version,
            new { completedOn = Today, report = "Báo cáo sau khi hủy" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        var list = await (await province.GetAsync($"{ListTopics.Route}?callId={call.Id}&status=Cancelled")).ReadAsync<Khcn.BuildingBlocks.Contracts.PagedResult<TopicListItem>>();
        list.Items.ShouldHaveSingleItem().Id.ShouldBe(running.Id);
    }
}
