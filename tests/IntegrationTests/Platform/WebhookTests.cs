using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Khcn.IntegrationTests.Finance;
using Khcn.IntegrationTests.Participation;
using Khcn.IntegrationTests.Support;
using Khcn.Organization.Contracts;
using Khcn.Organization.Features.Units;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Khcn.Participation.Features.Commendations;
using Khcn.Participation.Features.Topics;
using Khcn.Platform.Domain;
using Khcn.Platform.Features.Audit;
using Khcn.Platform.Features.Clients;
using Khcn.Platform.Features.Notifications;
using Khcn.Platform.Features.Webhooks;
using Khcn.Platform.Integrations.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StandardWebhooks;

namespace Khcn.IntegrationTests.Platform;

/// <summary>
/// The receivers of webhooks, in process: each URL answers what the test sets (200 by default) and every request is
/// kept with its headers and body, so a test can check the signature with the StandardWebhooks verifier.
/// </summary>
public sealed class WebhookReceiver : HttpMessageHandler
{
    public sealed record Received(Uri Url, IReadOnlyDictionary<string, string> Headers, string Body);

    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentDictionary<string, HttpStatusCode> Answers { get; } = new();

    public IReadOnlyList<Received> To(string url) => Requests.Where(r => r.Url.ToString() == url).ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = await request.Content!.ReadAsStringAsync(ct);
        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        Requests.Enqueue(new Received(request.RequestUri!, headers, body));
        return new HttpResponseMessage(Answers.GetValueOrDefault(request.RequestUri!.ToString(), HttpStatusCode.OK));
    }
}

/// <summary>
/// Webhooks over the real host: the deliverer's loop is off (<c>Webhooks:Enabled=false</c>) and the tests run its
/// passes themselves on a fake clock standing at the real time (the signature's timestamp is checked against it).
/// </summary>
public sealed class WebhooksApi : ApiFactory
{
    public WebhookReceiver Receiver { get; } = new();

    public WebhooksApi() => Clock.SetUtcNow(DateTimeOffset.UtcNow);
    protected override bool UseFakeClock => true;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Webhooks:Enabled"] = "false",
        ["Webhooks:FirstRetrySeconds"] = "10",
        ["Webhooks:MaxAttempts"] = "4",
        ["Webhooks:DisableAfterFailures"] = "3",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddHttpClient(WebhookOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Receiver));
    }

    /// <summary>
    /// Moves the fake clock up to real time (never back). A clock that stands still never brings due what the host put
    /// off on it: an outbox message whose handler met a busy database is retried "2 s later", a claimed message or
    /// delivery is locked "until" a moment; on a frozen clock those wait forever and the event never reaches the
    /// webhook log (seen once in a fresh-clone run). The tests that step the clock themselves do not call this.
    /// </summary>
    public void CatchUpClock()
    {
        var real = DateTimeOffset.UtcNow;
        if (real > Clock.GetUtcNow()) Clock.SetUtcNow(real);
    }

    /// <summary>Waits, with the clock following real time, until the subscription's log holds <paramref name="count"/> deliveries.</summary>
    public Task WaitForDeliveriesAsync(HttpClient admin, Guid subscriptionId, int count = 1) =>
        Eventually.UntilAsync(async () =>
        {
            CatchUpClock();
            return (await WebhookSteps.DeliveriesAsync(admin, subscriptionId)).Count == count;
        }, because: "the event reaching the webhook log");

    /// <summary>One pass of the deliverer, as its loop would run it.</summary>
    public Task<int> DeliverAsync() => Services.GetRequiredService<WebhookDeliverer>().DeliverDueAsync(CancellationToken.None);
}

internal static class WebhookSteps
{
    public static string NewUrl() => $"https://receiver-{Guid.NewGuid():N}.example.org/hooks";

    public static async Task<HttpResponseMessage> SubscribeAsync(HttpClient admin, Guid clientId, string url, params string[] eventTypes) =>
        await admin.PostJsonAsync(CreateWebhookSubscription.Route, new { clientId, url, eventTypes, description = "Máy nhận thử" });

    public static async Task<WebhookSubscriptionWithSecret> SubscribedAsync(HttpClient admin, Guid clientId, string url, params string[] eventTypes)
    {
        var response = await SubscribeAsync(admin, clientId, url, eventTypes);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<WebhookSubscriptionWithSecret>();
    }

    public static async Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(HttpClient admin, Guid subscriptionId) =>
        (await (await admin.GetAsync(ListWebhookDeliveries.For(subscriptionId))).ReadAsync<PagedResult<WebhookDeliveryView>>()).Items;

    public static async Task<Guid> UnitIdAsync(HttpClient client, string code) =>
        (await (await client.GetAsync($"{ListUnits.Route}?q={code}&pageSize=200")).ReadAsync<PagedResult<UnitListItem>>()).Items.Single(u => u.Code == code).Id;

    public static void ShouldVerify(WebhookReceiver.Received received, string secret)
    {
        var headers = new HeaderDictionary();
        foreach (var (k, v) in received.Headers) headers[k] = v;
        new StandardWebhook(secret).Verify(received.Body, headers); // throws WebhookVerificationException when the signature is wrong
    }
}

/// <summary>Subscriptions, the events they receive (and never outside the client's scope) and the Standard Webhooks signature.</summary>
public sealed class WebhookTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [ApiFact]
    public async Task Given_two_clients_subscribed_to_unit_created_When_a_unit_is_created_in_Van_Lam_Then_the_province_client_gets_it_signed_and_the_My_Hao_client_nothing()
    {
        var admin = await api.LoginAsync(Users.Admin);
        // The demo's own units were created (at the fixture's first instant) before these subscriptions: their events,
        // however late they reach the platform, are not sent to them (a fresh-clone run once got a seeded unit here).
        api.CatchUpClock();
        var province = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["organization.read"]);
        var myHao = await ClientTokens.CreateAsync(admin, await WebhookSteps.UnitIdAsync(admin, "MYHAO"), "integrator", ["organization.read"]);
        var provinceUrl = WebhookSteps.NewUrl();
        var myHaoUrl = WebhookSteps.NewUrl();
        var provinceHook = await WebhookSteps.SubscribedAsync(admin, province.Client.Id, provinceUrl, "unit.created");
        var myHaoHook = await WebhookSteps.SubscribedAsync(admin, myHao.Client.Id, myHaoUrl, "unit.created");
        provinceHook.Secret.ShouldStartWith("whsec_");
        provinceHook.Subscription.EventTypes.ShouldBe(["unit.created"]);

        var vanLam = await WebhookSteps.UnitIdAsync(admin, "VANLAM");
        var created = await admin.PostJsonAsync(CreateUnit.Route, new { code = "VANLAM-WEBHOOK", name = "CĐCS Công ty Webhook", kind = "Grassroots", parentId = vanLam });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var unitId = (await created.ReadAsync<JsonElement>()).GetProperty("id").GetGuid();

        await api.WaitForDeliveriesAsync(admin, provinceHook.Subscription.Id);
        api.CatchUpClock();
        await api.DeliverAsync();

        var received = api.Receiver.To(provinceUrl).ShouldHaveSingleItem();
        WebhookSteps.ShouldVerify(received, provinceHook.Secret);
        received.Headers["webhook-signature"].ShouldStartWith("v1,");
        Should.Throw<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => WebhookSteps.ShouldVerify(received, myHaoHook.Secret));
        var body = JsonDocument.Parse(received.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("unit.created");
        body.GetProperty("data").GetProperty("unitId").GetGuid().ShouldBe(unitId);
        body.GetProperty("data").GetProperty("code").GetString().ShouldBe("VANLAM-WEBHOOK");

        var log = (await WebhookSteps.DeliveriesAsync(admin, provinceHook.Subscription.Id)).ShouldHaveSingleItem();
        log.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        log.LastStatusCode.ShouldBe(200);
        received.Headers["webhook-id"].ShouldBe("msg_" + log.Id.ToString("N"));
        (await WebhookSteps.DeliveriesAsync(admin, myHaoHook.Subscription.Id)).ShouldBeEmpty("a Văn Lâm unit is outside the Mỹ Hào client's scope");
        api.Receiver.To(myHaoUrl).ShouldBeEmpty();

        // Replaying the same event changes nothing (the inbox, and one delivery per event and subscription).
        var redelivered = await admin.PostAsync(RedeliverWebhook.Route.Replace("{id}", provinceHook.Subscription.Id.ToString()).Replace("{deliveryId}", log.Id.ToString()), null);
        (await redelivered.ReadAsync<WebhookDeliveryView>()).Status.ShouldBe(WebhookDeliveryStatus.Pending);
        await api.DeliverAsync();
        var again = api.Receiver.To(provinceUrl);
        again.Count.ShouldBe(2);
        again[1].Headers["webhook-id"].ShouldBe(received.Headers["webhook-id"], "a redelivery keeps its webhook-id");
    }

    [Fact]
    public async Task Given_a_subscription_When_an_event_that_occurred_before_it_reaches_the_platform_late_Then_it_is_not_sent_and_a_later_one_is()
    {
        var admin = await api.LoginAsync(Users.Admin);
        api.CatchUpClock();
        var province = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["organization.read"]);
        var hook = await WebhookSteps.SubscribedAsync(admin, province.Client.Id, WebhookSteps.NewUrl(), "unit.created");
        var vanLam = await WebhookSteps.UnitIdAsync(admin, "VANLAM");
        var now = api.Clock.GetUtcNow().UtcDateTime;

        // Two events as the platform's inbox would take them from Organization's outbox: one that happened a minute
        // before the subscription (delivered late, after an outbox retry), one that happens now.
        using (var scope = api.Services.CreateScope())
        {
            var queue = ActivatorUtilities.CreateInstance<QueueUnitCreatedWebhooks>(scope.ServiceProvider);
            await queue.Handle(new UnitCreated(Guid.CreateVersion7(), now.AddMinutes(-1), vanLam, "LATE-OLD", "Sự kiện cũ", UnitKind.Grassroots, null), CancellationToken.None);
        }
        using (var scope = api.Services.CreateScope())
        {
            var queue = ActivatorUtilities.CreateInstance<QueueUnitCreatedWebhooks>(scope.ServiceProvider);
            await queue.Handle(new UnitCreated(Guid.CreateVersion7(), now, vanLam, "LATE-NEW", "Sự kiện mới", UnitKind.Grassroots, null), CancellationToken.None);
        }

        var log = await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id);
        log.ShouldHaveSingleItem("only the event that occurred once the subscription existed").Payload.ShouldContain("LATE-NEW");
    }

    /// <summary>A province client and a Mỹ Hào client, both reading participation, subscribed to <paramref name="eventType"/>.</summary>
    private async Task<(HttpClient Admin, WebhookSubscriptionWithSecret Province, string ProvinceUrl, WebhookSubscriptionWithSecret MyHao, string MyHaoUrl)>
        ParticipationSubscribersAsync(string eventType)
    {
        var admin = await api.LoginAsync(Users.Admin);
        var province = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["participation.read"]);
        var myHao = await ClientTokens.CreateAsync(admin, await WebhookSteps.UnitIdAsync(admin, "MYHAO"), "integrator", ["participation.read"]);
        var provinceUrl = WebhookSteps.NewUrl();
        var myHaoUrl = WebhookSteps.NewUrl();
        return (admin, await WebhookSteps.SubscribedAsync(admin, province.Client.Id, provinceUrl, eventType), provinceUrl,
            await WebhookSteps.SubscribedAsync(admin, myHao.Client.Id, myHaoUrl, eventType), myHaoUrl);
    }

    /// <summary>Waits for the event's one delivery to the subscription, runs the deliverer and returns the verified body's data.</summary>
    private async Task<JsonElement> DeliveredDataAsync(HttpClient admin, WebhookSubscriptionWithSecret hook, string url, string eventType)
    {
        await api.WaitForDeliveriesAsync(admin, hook.Subscription.Id);
        api.CatchUpClock();
        await api.DeliverAsync();
        var received = api.Receiver.To(url).ShouldHaveSingleItem();
        WebhookSteps.ShouldVerify(received, hook.Secret);
        (await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id)).Single().Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        var body = JsonDocument.Parse(received.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe(eventType);
        return body.GetProperty("data").Clone();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));

    [ApiFact]
    public async Task Given_clients_subscribed_to_commendation_decided_When_the_province_approves_a_Van_Lam_proposal_Then_the_province_client_gets_the_decision_signed_without_prizes_or_e_mails_and_the_My_Hao_client_nothing()
    {
        var (admin, provinceHook, provinceUrl, myHaoHook, myHaoUrl) = await ParticipationSubscribersAsync("commendation.decided");
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var policyLaw = await api.LoginAsync(Users.PolicyLaw);
        var vanLam = await WebhookSteps.UnitIdAsync(admin, "VANLAM");
        var lacHong = await WebhookSteps.UnitIdAsync(admin, "VANLAM-DETMAYLACHONG");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var official = await TopicTests.OfficialAsync(officer, lacHong, $"Nguyễn Văn Móc {tag}", $"moc.{tag}@lachong.demo");

        var proposed = await officer.MoneyAsync(CreateCommendationProposal.Route,
            new { unitId = vanLam, year = Today.Year, formCode = "GK-LDLD", achievements = "Hoàn thành xuất sắc nhiệm vụ", nominees = new[] { new { officialId = official } } });
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var draft = await proposed.ReadAsync<ProposalDetail>();
        var submitted = await TopicTests.StepAsync(officer, SubmitCommendationProposal.Route, draft.Id, draft.Version);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        await Khcn.IntegrationTests.Participation.CommendationVoting.PassAsync(api, policyLaw, draft.Id);
        var number = $"{Support.Unique.Next()}/QĐ-GK";
        var approved = await TopicTests.StepAsync(policyLaw, ApproveCommendationProposal.Route, draft.Id, (await submitted.ReadAsync<ProposalDetail>()).Version,
            new { decisionNumber = number, decisionDate = Today, issuer = "Chủ tịch Liên đoàn Lao động tỉnh Hưng Yên" });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());

        var data = await DeliveredDataAsync(admin, provinceHook, provinceUrl, "commendation.decided");
        data.GetProperty("proposalId").GetGuid().ShouldBe(draft.Id);
        data.GetProperty("unitId").GetGuid().ShouldBe(vanLam);
        data.GetProperty("formCode").GetString().ShouldBe("GK-LDLD");
        data.GetProperty("decisionNumber").GetString().ShouldBe(number);
        data.GetProperty("decisionDate").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        var honouree = data.GetProperty("honourees").EnumerateArray().ShouldHaveSingleItem();
        honouree.GetProperty("officialId").GetGuid().ShouldBe(official);
        honouree.GetProperty("name").GetString().ShouldBe($"Nguyễn Văn Móc {tag}");
        // Public facts only: no honouree's e-mail, no prize owed to a person.
        data.GetRawText().ShouldNotContain($"moc.{tag}");
        data.GetRawText().ShouldNotContain("prize", Case.Insensitive);
        (await WebhookSteps.DeliveriesAsync(admin, myHaoHook.Subscription.Id)).ShouldBeEmpty("a Văn Lâm proposal is outside the Mỹ Hào client's scope");
        api.Receiver.To(myHaoUrl).ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_clients_subscribed_to_topic_contracted_When_the_province_contracts_a_Lac_Hong_topic_Then_the_province_client_gets_the_contract_and_budget_signed_and_the_My_Hao_client_nothing()
    {
        var (admin, provinceHook, provinceUrl, myHaoHook, myHaoUrl) = await ParticipationSubscribersAsync("topic.contracted");
        var officer = await api.LoginAsync(Users.VanLamOfficer);
        var policyLaw = await api.LoginAsync(Users.PolicyLaw);
        var root = await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin);
        var lacHong = await WebhookSteps.UnitIdAsync(admin, "VANLAM-DETMAYLACHONG");
        var call = await TopicTests.CallAsync(policyLaw, "Đặt hàng có webhook", Today.AddDays(30));
        var lead = await TopicTests.OfficialAsync(officer, lacHong, "Chủ nhiệm webhook");
        var member = await TopicTests.OfficialAsync(officer, lacHong, "Thành viên webhook");
        var proposed = await officer.PostJsonAsync(ProposeTopic.Route, TopicTests.Proposal(call.Id, lacHong, "Đề tài báo qua webhook", lead, [member]));
        proposed.StatusCode.ShouldBe(HttpStatusCode.Created, await proposed.Content.ReadAsStringAsync());
        var draft = await proposed.ReadAsync<TopicDetail>();
        (await TopicTests.StepAsync(officer, SubmitTopic.Route, draft.Id, draft.Version)).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Selected directly in the module: the selection council's own path is TopicCouncilTests'.
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ParticipationDbContext>();
            var topic = await db.ResearchTopics.SingleAsync(t => t.Id == draft.Id);
            var council = new Actor(null, "Hội đồng tuyển chọn thử");
            var now = DateTime.UtcNow;
            topic.SendToCouncil(CouncilItemKind.TopicSelection, council, now);
            topic.DecideSelection(true, 8m, TopicRules.InForceOn(Today), "40/QĐ-LĐLĐ", Today, council, now);
            return await db.SaveChangesAsync();
        });
        var selected = await (await policyLaw.GetAsync(GetTopic.Route.Replace("{id}", draft.Id.ToString()))).ReadAsync<TopicDetail>();
        var contracted = await TopicTests.StepAsync(policyLaw, ContractTopic.Route, draft.Id, selected.Version, new
        {
            contractNumber = "41/HĐ-WEBHOOK", contractDate = Today, startDate = Today, endDate = Today.AddMonths(12),
            milestones = new[] { new { title = "Khảo sát", dueDate = Today.AddMonths(3) } },
        });
        contracted.StatusCode.ShouldBe(HttpStatusCode.OK, await contracted.Content.ReadAsStringAsync());

        var data = await DeliveredDataAsync(admin, provinceHook, provinceUrl, "topic.contracted");
        data.GetProperty("topicId").GetGuid().ShouldBe(draft.Id);
        data.GetProperty("unitId").GetGuid().ShouldBe(lacHong);
        data.GetProperty("fundingUnitId").GetGuid().ShouldBe(root);
        data.GetProperty("title").GetString().ShouldBe("Đề tài báo qua webhook");
        data.GetProperty("contractNumber").GetString().ShouldBe("41/HĐ-WEBHOOK");
        data.GetProperty("startDate").GetString().ShouldBe(Today.ToString("yyyy-MM-dd"));
        data.GetProperty("total").GetDecimal().ShouldBe(100_000_000m);
        data.GetProperty("amounts").EnumerateArray().Select(a => (a.GetProperty("source").GetString(), a.GetProperty("amount").GetDecimal()))
            .ShouldBe([("UnionFunds", 60_000_000m), ("Sponsor", 40_000_000m)], ignoreOrder: true);
        (await WebhookSteps.DeliveriesAsync(admin, myHaoHook.Subscription.Id)).ShouldBeEmpty("a Lạc Hồng topic is outside the Mỹ Hào client's scope");
        api.Receiver.To(myHaoUrl).ShouldBeEmpty();
    }

    [ApiFact]
    public async Task Given_a_private_or_plain_http_url_or_an_event_outside_the_clients_scopes_When_subscribing_Then_400()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var client = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["training.read"]);
        foreach (var url in new[] { "https://10.1.2.3/hook", "https://127.0.0.1:8443/hook", "https://localhost/hook", "https://192.168.1.5/x", "http://receiver.example.org/hook", "ftp://x.example.org/" })
        {
            var refused = await WebhookSteps.SubscribeAsync(admin, client.Client.Id, url, "training.completed");
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("errors").TryGetProperty("url", out _).ShouldBeTrue(url);
        }
        var notAllowed = await WebhookSteps.SubscribeAsync(admin, client.Client.Id, WebhookSteps.NewUrl(), "initiative.recognised");
        (await notAllowed.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("eventTypes", out _).ShouldBeTrue();
        var unknown = await WebhookSteps.SubscribeAsync(admin, client.Client.Id, WebhookSteps.NewUrl(), "everything.happened");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        (await WebhookSteps.SubscribeAsync(officer, client.Client.Id, WebhookSteps.NewUrl(), "training.completed")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [ApiFact]
    public async Task Given_the_same_Idempotency_Key_When_a_subscription_is_posted_twice_Then_one_subscription_and_the_same_answer()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var client = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["training.read"]);
        var url = WebhookSteps.NewUrl();
        var key = Guid.NewGuid().ToString();
        async Task<WebhookSubscriptionWithSecret> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, CreateWebhookSubscription.Route) { Content = System.Net.Http.Json.JsonContent.Create(new { clientId = client.Client.Id, url, eventTypes = new[] { "certificate.issued" } }) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await admin.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            return await response.ReadAsync<WebhookSubscriptionWithSecret>();
        }
        var first = await PostAsync();
        var second = await PostAsync();
        second.Subscription.Id.ShouldBe(first.Subscription.Id);
        var listed = await (await admin.GetAsync($"{ListWebhookSubscriptions.Route}?clientId={client.Client.Id}")).ReadAsync<PagedResult<WebhookSubscriptionView>>();
        listed.Items.ShouldHaveSingleItem().Url.ShouldBe(url);

        // The audit browser's filters: by actor, module, record type and period.
        var since = api.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5).ToString("O");
        var trail = await (await admin.GetAsync($"{ListAudit.Route}?actor={Users.Admin}&module=platform&entityType=WebhookSubscription&from={Uri.EscapeDataString(since)}"))
            .ReadAsync<PagedResult<AuditEntryView>>();
        var entry = trail.Items.Where(item => item.EntityId == first.Subscription.Id.ToString()).ShouldHaveSingleItem();
        entry.UserEmail.ShouldBe(Users.Admin);
        entry.Changes.ShouldNotContain(c => c.Field == "ProtectedSecret", "the secret never reaches the audit trail");
        var none = await (await admin.GetAsync($"{ListAudit.Route}?actor={Users.Admin}&entityType=WebhookSubscription&to={Uri.EscapeDataString(since)}"))
            .ReadAsync<PagedResult<AuditEntryView>>();
        none.Items.ShouldNotContain(item => item.EntityId == first.Subscription.Id.ToString());
    }

    [ApiFact]
    public async Task Given_a_client_When_an_admin_edits_its_name_and_scopes_Then_a_withdrawn_scope_can_no_longer_be_asked_for()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var created = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["training.read", "organization.read"]);
        var response = await admin.PutAsync(UpdateClient.Route.Replace("{id}", created.Client.Id.ToString()),
            System.Net.Http.Json.JsonContent.Create(new { name = "Kho dữ liệu tỉnh", scopes = new[] { "training.read" }, requestsPerMinute = 120 }));
        var updated = await response.ReadAsync<ClientView>();
        updated.Name.ShouldBe("Kho dữ liệu tỉnh");
        updated.Scopes.ShouldBe(["training.read"]);
        updated.RequestsPerMinute.ShouldBe(120);
        var (status, _) = await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret, "organization.read");
        status.ShouldBe(HttpStatusCode.BadRequest, "organization.read was withdrawn");
        (await ClientTokens.RequestAsync(api, created.Client.ClientId, created.ClientSecret, "training.read")).Status.ShouldBe(HttpStatusCode.OK);

        var officer = await api.LoginAsync(Users.VanLamOfficer);
        (await officer.PutAsync(UpdateClient.Route.Replace("{id}", created.Client.Id.ToString()),
            System.Net.Http.Json.JsonContent.Create(new { name = "X", scopes = new[] { "training.read" } }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

/// <summary>Retries with exponential backoff on the fake clock.</summary>
public sealed class WebhookRetryTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [ApiFact]
    public async Task Given_a_receiver_answering_500_twice_When_the_deliverer_runs_on_the_clock_Then_it_retries_after_10_then_20_seconds_and_delivers()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var client = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["training.read"]);
        var url = WebhookSteps.NewUrl();
        var hook = await WebhookSteps.SubscribedAsync(admin, client.Client.Id, url, "training.completed");
        api.Receiver.Answers[url] = HttpStatusCode.InternalServerError;
        var test = await admin.PostAsync(SendTestWebhook.Route.Replace("{id}", hook.Subscription.Id.ToString()), null);
        test.StatusCode.ShouldBe(HttpStatusCode.Created);

        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(1);
        var failed = (await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id)).ShouldHaveSingleItem();
        failed.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        failed.LastStatusCode.ShouldBe(500);
        failed.NextAttemptAt.ShouldBe(failed.LastAttemptAt!.Value.AddSeconds(10));

        api.Clock.Advance(TimeSpan.FromSeconds(9));
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(1, "not before the backoff");
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(2);
        var second = (await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id)).Single();
        second.NextAttemptAt.ShouldBe(second.LastAttemptAt!.Value.AddSeconds(20), "the wait doubles");

        api.Receiver.Answers[url] = HttpStatusCode.NoContent;
        api.Clock.Advance(TimeSpan.FromSeconds(19));
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(2);
        api.Clock.Advance(TimeSpan.FromSeconds(1));
        await api.DeliverAsync();
        var received = api.Receiver.To(url);
        received.Count.ShouldBe(3);
        received.Select(r => r.Headers["webhook-id"]).Distinct().ShouldHaveSingleItem("every retry carries the same webhook-id");
        WebhookSteps.ShouldVerify(received[2], hook.Secret);
        var delivered = (await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id)).Single();
        delivered.Status.ShouldBe(WebhookDeliveryStatus.Delivered);
        delivered.Attempts.ShouldBe(3);
        (await (await admin.GetAsync(GetWebhookSubscription.For(hook.Subscription.Id))).ReadAsync<WebhookSubscriptionView>()).ConsecutiveFailures.ShouldBe(0);
    }
}

/// <summary>Disabling after failures in a row: alone in its instance, since it moves the clock minutes ahead (people's tokens are checked against real time).</summary>
public sealed class WebhookDisableTests(WebhooksApi api) : IClassFixture<WebhooksApi>
{
    [ApiFact]
    public async Task Given_a_receiver_that_keeps_failing_When_3_attempts_in_a_row_fail_Then_the_subscription_is_disabled_and_its_creator_notified_and_enabling_redelivers()
    {
        var admin = await api.LoginAsync(Users.Admin);
        var client = await ClientTokens.CreateAsync(admin, await Khcn.IntegrationTests.Training.CourseTesting.RootUnitIdAsync(admin), "integrator", ["training.read"]);
        var url = WebhookSteps.NewUrl();
        var hook = await WebhookSteps.SubscribedAsync(admin, client.Client.Id, url, "certificate.issued");
        api.Receiver.Answers[url] = HttpStatusCode.ServiceUnavailable;
        await admin.PostAsync(SendTestWebhook.Route.Replace("{id}", hook.Subscription.Id.ToString()), null);

        await api.DeliverAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(10));
        await api.DeliverAsync();
        api.Clock.Advance(TimeSpan.FromSeconds(20));
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(3);
        var subscription = await (await admin.GetAsync(GetWebhookSubscription.For(hook.Subscription.Id))).ReadAsync<WebhookSubscriptionView>();
        subscription.IsDisabled.ShouldBeTrue();
        subscription.DisabledReason.ShouldNotBeNull();
        var notices = await (await admin.GetAsync(ListMyNotifications.Route)).ReadAsync<NotificationsPage>();
        notices.Items.ShouldContain(n => n.Kind == "webhook.disabled" && n.Params!["url"] == url);

        api.Clock.Advance(TimeSpan.FromMinutes(2));
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(3, "a disabled subscription receives nothing");

        api.Receiver.Answers[url] = HttpStatusCode.OK;
        (await (await admin.PostAsync(EnableWebhookSubscription.Route.Replace("{id}", hook.Subscription.Id.ToString()), null))
            .ReadAsync<WebhookSubscriptionView>()).IsDisabled.ShouldBeFalse();
        await api.DeliverAsync();
        api.Receiver.To(url).Count.ShouldBe(4);
        (await WebhookSteps.DeliveriesAsync(admin, hook.Subscription.Id)).Single().Status.ShouldBe(WebhookDeliveryStatus.Delivered);
    }
}
