using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Finance;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Topics;

namespace Khcn.IntegrationTests.Participation;

/// <summary>
/// Research topics (đề tài KH,CN&amp;ĐMST): the province's call, a unit's proposal with its budget per source against
/// the call's ceiling, the guarded lifecycle, concurrency, idempotency and scope. The topic rule set (weights,
/// thresholds, extensions) is a HOUSE RULE: no legal text found for union-level topics (see TopicRules).
/// </summary>
public sealed class TopicTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string LacHong = "VANLAM-DETMAYLACHONG";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    internal static async Task<Guid> OfficialAsync(HttpClient officer, Guid unit, string name, string? email = null)
    {
        var r = await officer.PostJsonAsync(Khcn.Organization.Features.Officials.CreateOfficial.Route,
            new { unitId = unit, fullName = name, position = "Kỹ sư", email, politicalTheory = "Elementary", researchMethodsTrained = false });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    internal static async Task<ResearchCallView> CallAsync(HttpClient province, string title, DateOnly deadline, decimal ceiling = 200_000_000m)
    {
        var root = await AnnualReportTests.UnitIdAsync(province, "HY");
        var r = await province.PostJsonAsync(PublishResearchCall.Route, new
        {
            unitId = root, kind = "Order", year = deadline.Year, title, field = "An toàn lao động", themes = "Giảm tai nạn lao động trong dệt may",
            deadline, budgetCeiling = ceiling,
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return await r.ReadAsync<ResearchCallView>();
    }

    internal static object Proposal(Guid callId, Guid unitId, string title, Guid lead, Guid[] members, params (string Source, decimal Amount)[] budget) => new
    {
        callId, unitId, title, field = "An toàn lao động", leadOfficialId = lead, memberOfficialIds = members,
        objectives = "Xây dựng bộ giải pháp giảm tai nạn lao động", expectedProducts = "Báo cáo tổng hợp; quy trình", durationMonths = 12,
        budgetLines = (budget.Length == 0 ? [("UnionFunds", 60_000_000m), ("Sponsor", 40_000_000m)] : budget)
            .Select((b, n) => new { source = b.Source, item = $"Khoản {n + 1}", amount = b.Amount }).ToArray(),
    };

    internal static Task<HttpResponseMessage> StepAsync(HttpClient client, string route, Guid id, long version, object? body = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, route.Replace("{id}", id.ToString())) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    private async Task<(HttpClient Officer, Guid Unit, Guid Lead, Guid Member)> ProposerAsync(string tag)
    {
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var unit = await AnnualReportTests.UnitIdAsync(officer, LacHong);
        return (officer, unit, await OfficialAsync(officer, unit, $"Chủ nhiệm {tag}"), await OfficialAsync(officer, unit, $"Thành viên {tag}"));
    }

    [ApiFact]
    public async Task Given_budget_lines_over_the_calls_ceiling_When_proposing_Then_409_budget_over_ceiling_names_budgetLines_and_nothing_is_saved()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await CallAsync(province, "Đặt hàng trần 100 triệu", Today.AddDays(30), 100_000_000m);
        var (officer, unit, lead, member) = await ProposerAsync("trần");

        var over = await officer.PostJsonAsync(ProposeTopic.Route, Proposal(call.Id, unit, "Đề tài vượt trần", lead, [member], ("UnionFunds", 60_000_000m), ("StateBudget", 40_000_001m)));
        (await over.ShouldBeProblemAsync(HttpStatusCode.Conflict, "budget_over_ceiling")).GetProperty("errors").TryGetProperty("budgetLines", out _).ShouldBeTrue();
        var fraction = await officer.PostJsonAsync(ProposeTopic.Route, Proposal(call.Id, unit, "Đề tài lẻ đồng", lead, [member], ("UnionFunds", 1_000.5m)));
        await fraction.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var atCeiling = await officer.PostJsonAsync(ProposeTopic.Route, Proposal(call.Id, unit, "Đề tài đúng trần", lead, [member], ("UnionFunds", 60_000_000m), ("StateBudget", 40_000_000m)));
        atCeiling.StatusCode.ShouldBe(HttpStatusCode.Created, await atCeiling.Content.ReadAsStringAsync());
        var topic = await atCeiling.ReadAsync<TopicDetail>();
        topic.BudgetTotal.ShouldBe(100_000_000m);
        topic.SourceTotals.Single(s => s.Source == TopicFundingSource.StateBudget).Amount.ShouldBe(40_000_000m);
        topic.Lead.FullName.ShouldBe("Chủ nhiệm trần");
        topic.Status.ShouldBe(TopicStatus.Draft);

        var list = await (await officer.GetAsync($"{ListTopics.Route}?callId={call.Id}&pageSize=200")).ReadAsync<PagedResult<TopicListItem>>();
        list.Items.ShouldHaveSingleItem().Title.ShouldBe("Đề tài đúng trần");
    }

    [ApiFact]
    public async Task Given_a_call_past_its_deadline_When_submitting_Then_409_call_closed_and_an_open_one_takes_it_once()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var closed = await CallAsync(province, "Đặt hàng đã hết hạn", Today.AddDays(-1));
        var open = await CallAsync(province, "Đặt hàng còn hạn", Today);
        var (officer, unit, lead, member) = await ProposerAsync("hạn");

        var late = await (await officer.PostJsonAsync(ProposeTopic.Route, Proposal(closed.Id, unit, "Nộp muộn", lead, [member]))).ReadAsync<TopicDetail>();
        await (await StepAsync(officer, SubmitTopic.Route, late.Id, late.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "call_closed");

        var draft = await (await officer.PostJsonAsync(ProposeTopic.Route, Proposal(open.Id, unit, "Nộp đúng hạn", lead, [member]))).ReadAsync<TopicDetail>();
        var submitted = await (await StepAsync(officer, SubmitTopic.Route, draft.Id, draft.Version)).ReadAsync<TopicDetail>();
        submitted.Status.ShouldBe(TopicStatus.Submitted);
        submitted.Steps.Select(s => s.To).ShouldBe([TopicStatus.Draft, TopicStatus.Submitted]);
        submitted.Steps[^1].By.ShouldNotBeNullOrEmpty();
        await (await StepAsync(officer, SubmitTopic.Route, draft.Id, submitted.Version)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
        await (await StepAsync(officer, UpdateTopic.Route, draft.Id, submitted.Version, Proposal(open.Id, unit, "Sửa sau khi nộp", lead, [member]), HttpMethod.Put))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_locked");
        await (await StepAsync(officer, ContractTopic.Route, draft.Id, submitted.Version, new
        {
            contractNumber = "01/HĐ", contractDate = Today, startDate = Today, endDate = Today.AddMonths(12),
            milestones = new[] { new { title = "Khảo sát", dueDate = Today.AddMonths(3) } },
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await StepAsync(province, ContractTopic.Route, draft.Id, submitted.Version, new
        {
            contractNumber = "01/HĐ", contractDate = Today, startDate = Today, endDate = Today.AddMonths(12),
            milestones = new[] { new { title = "Khảo sát", dueDate = Today.AddMonths(3) } },
        })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_state");
    }

    [ApiFact]
    public async Task Given_a_draft_When_changed_without_If_Match_or_with_a_stale_one_Then_428_and_412_and_a_repeated_Idempotency_Key_creates_once()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await CallAsync(province, "Đặt hàng đồng thời", Today.AddDays(10));
        var (officer, unit, lead, member) = await ProposerAsync("phiên bản");
        var body = Proposal(call.Id, unit, "Đề tài một lần", lead, [member]);

        var first = await officer.MoneyAsync(ProposeTopic.Route, body, key: "topic-once-1");
        var again = await officer.MoneyAsync(ProposeTopic.Route, body, key: "topic-once-1");
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.ReadAsync<TopicDetail>()).Id.ShouldBe((await first.ReadAsync<TopicDetail>()).Id);
        (await (await officer.GetAsync($"{ListTopics.Route}?callId={call.Id}")).ReadAsync<PagedResult<TopicListItem>>()).Total.ShouldBe(1);

        var draft = await first.ReadAsync<TopicDetail>();
        var url = UpdateTopic.Route.Replace("{id}", draft.Id.ToString());
        await (await officer.PutAsJsonAsync(url, Proposal(call.Id, unit, "Không If-Match", lead, [member]))).ShouldBeProblemAsync(HttpStatusCode.PreconditionRequired);
        await (await StepAsync(officer, UpdateTopic.Route, draft.Id, draft.Version + 7, Proposal(call.Id, unit, "Cũ", lead, [member]), HttpMethod.Put))
            .ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await StepAsync(officer, UpdateTopic.Route, draft.Id, draft.Version, Proposal(call.Id, unit, "Đã sửa", lead, [member, lead]), HttpMethod.Put))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "topic_member_twice");
        var ok = await (await StepAsync(officer, UpdateTopic.Route, draft.Id, draft.Version, Proposal(call.Id, unit, "Đã sửa", lead, [member]), HttpMethod.Put)).ReadAsync<TopicDetail>();
        ok.Title.ShouldBe("Đã sửa");
    }

    [ApiFact]
    public async Task Given_a_Van_Lam_topic_When_My_Hao_reads_it_or_a_member_proposes_Then_404_and_403()
    {
        var province = await api.LoginAsync(Users.PolicyLaw);
        var call = await CallAsync(province, "Đặt hàng phạm vi", Today.AddDays(10));
        var (officer, unit, lead, member) = await ProposerAsync("phạm vi");
        var draft = await (await officer.PostJsonAsync(ProposeTopic.Route, Proposal(call.Id, unit, "Đề tài của Văn Lâm", lead, [member]))).ReadAsync<TopicDetail>();

        var myHao = await api.LoginAsync(Users.MyHaoOfficer);
        await (await myHao.GetAsync(GetTopic.Route.Replace("{id}", draft.Id.ToString()))).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await (await myHao.GetAsync($"{ListTopics.Route}?callId={call.Id}")).ReadAsync<PagedResult<TopicListItem>>()).Total.ShouldBe(0);
        (await (await myHao.GetAsync(GetResearchCall.Route.Replace("{id}", call.Id.ToString()))).ReadAsync<ResearchCallView>()).CanManage.ShouldBeFalse("the province's call is read below it");
        (await (await province.GetAsync(GetTopic.Route.Replace("{id}", draft.Id.ToString()))).ReadAsync<TopicDetail>()).CanManage.ShouldBeTrue();

        var doanVien = await api.LoginAsync("doanvien@hungyen.demo");
        await (await doanVien.PostJsonAsync(ProposeTopic.Route, Proposal(call.Id, unit, "Đoàn viên đề xuất", lead, [member]))).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostJsonAsync(PublishResearchCall.Route, new
        {
            unitId = unit, year = 2026, title = "Không có quyền", field = "X", deadline = Today, budgetCeiling = 1m,
        })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }
}
