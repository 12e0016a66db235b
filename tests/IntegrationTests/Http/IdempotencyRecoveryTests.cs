using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Khcn.BuildingBlocks.Http;
using Khcn.IntegrationTests.Support;
using Khcn.IntegrationTests.Training;
using Khcn.Training.Domain;
using Khcn.Training.Features.Courses;
using Khcn.Training.Features.Enrolments;
using Khcn.Training.Features.Sessions;
using Khcn.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Http;

/// <summary>
/// An instance over a data folder another instance reopens; with <c>stopsBeforeAnswering</c> its process "stops"
/// right after a request's commit: the answer is never stored and the key never released, as after a kill -9.
/// </summary>
public sealed class StoppingApi(string dataDir, bool stopsBeforeAnswering) : ApiFactory
{
    public override string DataDir => dataDir;
    protected override bool DeleteDataOnDispose => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (!stopsBeforeAnswering) return;
        builder.ConfigureTestServices(services =>
        {
            var real = services.Single(d => d.ServiceType == typeof(IIdempotencyStore));
            services.Remove(real);
            services.AddSingleton(real.ImplementationType!);
            services.AddSingleton<IIdempotencyStore>(sp => new StopsBeforeAnswering((IIdempotencyStore)sp.GetRequiredService(real.ImplementationType!)));
        });
    }

    private sealed class StopsBeforeAnswering(IIdempotencyStore real) : IIdempotencyStore
    {
        public Task<StoredResponse?> FindAsync(string key, CancellationToken ct) => real.FindAsync(key, ct);
        public Task<bool> TryReserveAsync(string key, string requestHash, CancellationToken ct) => real.TryReserveAsync(key, requestHash, ct);
        public Task<bool> TryResumeAsync(string key, CancellationToken ct) => real.TryResumeAsync(key, ct);
        public Task CompleteAsync(string key, StoredResponse response, CancellationToken ct) =>
            throw new InvalidOperationException("The process stopped between the commit and storing the answer.");
        public Task ReleaseAsync(string key, CancellationToken ct) => Task.CompletedTask;
    }
}

public sealed class IdempotencyRecoveryTests
{
    private const string Units = "/api/v1/organization/units";

    private static async Task<HttpResponseMessage> CreateAsync(HttpClient client, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Units) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> FindAsync(HttpClient client, string q) =>
        await (await client.GetAsync($"{Units}?q={q}&pageSize=10")).ReadAsync<JsonElement>();

    [ApiFact]
    public async Task Given_a_create_whose_process_stopped_after_its_commit_When_retried_after_the_lease_Then_the_first_result_returns_and_nothing_is_created_twice()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        object body;
        await using (var stopping = new StoppingApi(dataDir, stopsBeforeAnswering: true))
        {
            await stopping.InitializeAsync();
            var admin = await stopping.LoginAsync(Users.Admin);
            var parentId = (await FindAsync(admin, "VANGIANG")).GetProperty("items")[0].GetProperty("id").GetGuid();
            body = new { code = "VANGIANG-CRASH", name = "CĐCS Công ty Sau sự cố", kind = "Grassroots", parentId };

            var lost = await CreateAsync(admin, body, "after-crash-1");

            ((int)lost.StatusCode).ShouldBe(500, "the client never got its answer");
            (await FindAsync(admin, "VANGIANG-CRASH")).GetProperty("total").GetInt32().ShouldBe(1, "the change itself was committed");
        }

        await using var restarted = new StoppingApi(dataDir, stopsBeforeAnswering: false);
        await restarted.InitializeAsync();
        var client = await restarted.LoginAsync(Users.Admin);
        // Within the lease the key still belongs to the request that held it.
        await (await CreateAsync(client, body, "after-crash-1")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency_in_progress");

        // The lease runs out.
        await restarted.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAtUtc, DateTime.UtcNow.AddHours(-1))));
        var retry = await CreateAsync(client, body, "after-crash-1");
        var replay = await CreateAsync(client, body, "after-crash-1");

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        var existing = (await FindAsync(client, "VANGIANG-CRASH")).GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (await retry.ReadAsync<JsonElement>()).GetProperty("id").GetGuid().ShouldBe(existing.GetProperty("id").GetGuid());
        retry.Headers.Location!.ToString().ShouldEndWith(existing.GetProperty("id").GetString()!);
        retry.Headers.ETag.ShouldNotBeNull();
        replay.StatusCode.ShouldBe(HttpStatusCode.Created);
        replay.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        replay.Headers.Location.ShouldBe(retry.Headers.Location);
        Directory.Delete(dataDir, recursive: true);
    }

    private static async Task<HttpResponseMessage> PostKeyedAsync(HttpClient client, string route, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = JsonContent.Create(body) };
        request.Headers.Add(IdempotencyMiddleware.Header, key);
        return await client.SendAsync(request);
    }

    /// <summary>
    /// Runs <paramref name="first"/> on an instance that stops right after the commit, restarts over the same data,
    /// lets the key's lease run out and runs the retry <paramref name="first"/> returns (the same keyed request) on the new instance.
    /// </summary>
    private static async Task RecoverAsync(Func<StoppingApi, Task<Func<StoppingApi, Task>>> first)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "khcn-tests", Guid.NewGuid().ToString("N"));
        Func<StoppingApi, Task> retry;
        await using (var stopping = new StoppingApi(dataDir, stopsBeforeAnswering: true))
        {
            await stopping.InitializeAsync();
            retry = await first(stopping);
        }
        await using (var restarted = new StoppingApi(dataDir, stopsBeforeAnswering: false))
        {
            await restarted.InitializeAsync();
            await restarted.InScopeAsync(sp => sp.GetRequiredService<PlatformDbContext>().IdempotencyRecords
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.CreatedAtUtc, DateTime.UtcNow.AddHours(-1))));
            await retry(restarted);
        }
        Directory.Delete(dataDir, recursive: true);
    }

    /// <summary>A nomination commits inside its seat-retry loop (not through the unit of work) and still leaves its marker.</summary>
    [ApiFact]
    public async Task Given_a_nomination_whose_process_stopped_after_its_commit_When_retried_after_the_lease_Then_the_same_enrolment_returns_not_already_nominated()
    {
        await RecoverAsync(async stopping =>
        {
            var course = await TrainingArrange.CourseAsync(stopping, await TrainingArrange.PartnerAsync(stopping, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination);
            var official = await TrainingArrange.OfficialAsync(stopping, "VANLAM", "Phạm Văn Sau Sự Cố");
            var body = new { officialId = official };
            var lost = await PostKeyedAsync(await stopping.LoginAsync(Users.VanLamOfficer), NominateOfficial.For(course), body, "nominate-after-crash");
            ((int)lost.StatusCode).ShouldBe(500, "the client never got its answer");

            return async restarted =>
            {
                var officer = await restarted.LoginAsync(Users.VanLamOfficer);
                var retry = await PostKeyedAsync(officer, NominateOfficial.For(course), body, "nominate-after-crash");

                retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
                var participants = await (await officer.GetAsync(ListParticipants.For(course))).ReadAsync<CourseParticipants>();
                var enrolment = participants.Items.ShouldHaveSingleItem("the first run's enrolment, and no second one");
                var answered = await retry.ReadAsync<EnrolmentView>();
                answered.Id.ShouldBe(enrolment.Id);
                answered.Status.ShouldBe(EnrolmentStatus.Enrolled);
            };
        });
    }

    /// <summary>A withdrawal commits inside its seat-retry loop too: its retry answers the withdrawal (and the promotion) it made.</summary>
    [ApiFact]
    public async Task Given_a_withdrawal_whose_process_stopped_after_its_commit_When_retried_after_the_lease_Then_the_same_withdrawal_returns_not_already_withdrawn()
    {
        await RecoverAsync(async stopping =>
        {
            var course = await TrainingArrange.CourseAsync(stopping, await TrainingArrange.PartnerAsync(stopping, "ĐH Sư phạm Kỹ thuật Hưng Yên"), CourseStatus.OpenForNomination, capacity: 1);
            var officer = await stopping.LoginAsync(Users.VanLamOfficer);
            var enrolled = await (await officer.PostJsonAsync(NominateOfficial.For(course), new { officialId = await TrainingArrange.OfficialAsync(stopping, "VANLAM", "Đỗ Văn Rút Tên") })).ReadAsync<EnrolmentView>();
            var waiting = await (await officer.PostJsonAsync(NominateOfficial.For(course), new { officialId = await TrainingArrange.OfficialAsync(stopping, "VANLAM", "Đỗ Thị Chờ Chỗ") })).ReadAsync<EnrolmentView>();
            waiting.Status.ShouldBe(EnrolmentStatus.Waitlisted);
            var body = new { reason = "Bận công tác" };
            var lost = await PostKeyedAsync(officer, WithdrawEnrolment.For(course, enrolled.Id), body, "withdraw-after-crash");
            ((int)lost.StatusCode).ShouldBe(500, "the client never got its answer");

            return async restarted =>
            {
                var client = await restarted.LoginAsync(Users.VanLamOfficer);
                var retry = await PostKeyedAsync(client, WithdrawEnrolment.For(course, enrolled.Id), body, "withdraw-after-crash");

                retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync());
                var result = await retry.ReadAsync<WithdrawResult>();
                result.Withdrawn.Id.ShouldBe(enrolled.Id);
                result.Withdrawn.Status.ShouldBe(EnrolmentStatus.Withdrawn);
                result.Promoted.ShouldNotBeNull().Id.ShouldBe(waiting.Id);
                result.Promoted.Status.ShouldBe(EnrolmentStatus.Enrolled);
            };
        });
    }

    /// <summary>Scheduling a session commits inside its clash-check transaction and still leaves its marker.</summary>
    [ApiFact]
    public async Task Given_a_scheduled_session_whose_process_stopped_after_its_commit_When_retried_after_the_lease_Then_the_same_session_returns_not_a_clash()
    {
        await RecoverAsync(async stopping =>
        {
            var coordinator = await stopping.LoginAsync(CourseTesting.Coordinator);
            var course = await CourseTesting.ProposeAsync(coordinator, CourseTesting.University);
            var body = new { topic = "Buổi sau sự cố", startsAt = "2031-06-02T08:00:00+07:00", endsAt = "2031-06-02T11:00:00+07:00", room = "SC-" + course.Code };
            var route = CourseTesting.Url(ScheduleSession.Route, course.Id);
            var lost = await PostKeyedAsync(coordinator, route, body, "schedule-after-crash");
            ((int)lost.StatusCode).ShouldBe(500, "the client never got its answer");

            return async restarted =>
            {
                var client = await restarted.LoginAsync(CourseTesting.Coordinator);
                var retry = await PostKeyedAsync(client, route, body, "schedule-after-crash");

                retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
                var session = (await CourseTesting.GetAsync(client, course.Id)).Sessions.ShouldHaveSingleItem("the first run's session, and no second one");
                (await retry.ReadAsync<SessionView>()).Id.ShouldBe(session.Id);
                retry.Headers.Location!.ToString().ShouldEndWith(session.Id.ToString());
            };
        });
    }
}
