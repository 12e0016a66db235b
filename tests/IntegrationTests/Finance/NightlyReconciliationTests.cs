using System.Collections.Concurrent;
using Khcn.BuildingBlocks.Jobs;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Finance.Features.Reconciliation;
using Khcn.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Khcn.IntegrationTests.Finance;

/// <summary>The error log the nightly reconciliation writes, kept for the test to read.</summary>
internal sealed class CapturedLog<T> : ILogger<T>
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Lines { get; } = new();
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => true;
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((logLevel, formatter(state, exception)));
}

/// <summary>The fake clock drives the job runner (its loop off); the job's log is captured; a database of its own (the test tampers with it).</summary>
public sealed class ReconciliationJobApi : ApiFactory
{
    internal CapturedLog<NightlyReconciliation> Log { get; } = new();
    protected override bool UseFakeClock => true;
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:Enabled"] = "false" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<ILogger<NightlyReconciliation>>(Log));
    }
}

/// <summary>
/// The nightly reconciliation (#14): on one replica through the job lease, the reconciliation endpoint's invariants
/// over every unit-year; the clean demo books send nothing, a tampered ledger tells the finance officers of the unit and the province (no one else) which
/// invariant drifted and by how much, and writes an error log.
/// </summary>
public sealed class NightlyReconciliationTests(ReconciliationJobApi api) : IClassFixture<ReconciliationJobApi>
{
    [ApiFact]
    public async Task Given_the_demo_books_When_the_nightly_job_runs_Then_nothing_is_sent_and_after_tampering_the_finance_officers_of_the_unit_and_the_province_alone_are_told_the_invariant_and_the_amount()
    {
        var replicaA = ActivatorUtilities.CreateInstance<JobRunner>(api.Services);
        var replicaB = ActivatorUtilities.CreateInstance<JobRunner>(api.Services);
        var passes = await Task.WhenAll(replicaA.RunDueJobsAsync(CancellationToken.None), replicaB.RunDueJobsAsync(CancellationToken.None));
        passes.SelectMany(p => p).Count(j => j == NightlyReconciliation.JobName).ShouldBe(1, "one replica runs it (the lease)");
        api.Log.Lines.ShouldNotContain(l => l.Level == LogLevel.Error, "the demo books agree to the đồng");
        (await QueuedAsync()).ShouldBe(0, "no drift, nothing sent");

        // Tamper with the ledger behind the application's back: one debit without its credit in Văn Lâm's 2025.
        var vanLam = await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Organization.Data.OrganizationDbContext>().Units.IgnoreQueryFilters()
            .Where(u => u.Code == "VANLAM").Select(u => u.Id).SingleAsync());
        await api.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<FinanceDbContext>();
            db.LedgerEntries.Add(LedgerEntry.Line(Guid.CreateVersion7(), vanLam, 2025, AccountKind.Spent, Guid.CreateVersion7(), Guid.CreateVersion7(),
                1_234_567m, 0m, LedgerEvent.SettlementSpent, Guid.CreateVersion7(), null, "sửa tay trong cơ sở dữ liệu", DateTime.UtcNow, "tamper"));
            return await db.SaveChangesAsync();
        });

        (await replicaA.RunDueJobsAsync(CancellationToken.None)).ShouldNotContain(NightlyReconciliation.JobName, "not due again within the day");
        // Tonight's run (the job itself: the fake clock stays on the day the tokens below are signed on).
        await api.InScopeAsync(async sp =>
        {
            await sp.GetServices<IRecurringJob>().Single(j => j.Name == NightlyReconciliation.JobName).RunAsync(CancellationToken.None);
            return true;
        });

        api.Log.Lines.ShouldContain(l => l.Level == LogLevel.Error && l.Message.Contains("ledger_debits_equal_credits") && l.Message.Contains("2025"));
        var people = await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Users.AsNoTracking()
            .Where(u => u.Email != null && u.Email.EndsWith("@hungyen.demo")).ToDictionaryAsync(u => u.Email!, u => u.Id));
        var (vanLamFinance, provinceFinance) = (people[FinanceDriver.VanLam], people[FinanceDriver.Province]);
        var stored = new List<Khcn.Platform.Domain.Notification>();
        await Eventually.UntilAsync(async () =>
        {
            stored = await api.InScopeAsync(sp => sp.GetRequiredService<Khcn.Platform.Data.PlatformDbContext>().Notifications.AsNoTracking()
                .Where(n => n.Kind == NightlyReconciliation.NoticeKind).ToListAsync());
            return stored.Any(n => n.UserId == vanLamFinance) && stored.Any(n => n.UserId == provinceFinance);
        }, because: "the drift notices, through the outbox");
        // Addressed to the finance officers of Văn Lâm and of the province, one each — not to Văn Lâm's other officers, who
        // hold a role over the same unit but not finance.manage. Read where Platform stores them: a token signed on the
        // fake clock's day is not valid on the real one.
        stored.ShouldAllBe(n => n.UnitId == null && n.UserId != null);
        stored.Select(n => n.UserId).ShouldBeUnique();
        stored.ShouldNotContain(n => n.UserId == people["canbo.vanlam@hungyen.demo"] || n.UserId == people["daumoi.vanlam@hungyen.demo"]);
        stored.ShouldNotContain(n => n.UserId == people[FinanceDriver.MyHao], "Mỹ Hào's books did not drift");
        var notice = stored.Single(n => n.UserId == vanLamFinance);
        stored.ShouldAllBe(n => n.Text == notice.Text, "only the unit-year that drifted");
        notice.Text.ShouldContain("ledger_debits_equal_credits");
        notice.Text.ShouldContain("lệch 1.234.567 ₫");
        notice.Params!["difference"].ShouldBe("1.234.567 ₫");
        notice.Params["year"].ShouldBe("2025");
        notice.Text.ShouldContain("Liên đoàn Lao động huyện Văn Lâm");
        notice.Link.ShouldBe("/finance/reconciliation?year=2025");
    }

    /// <summary>The drift notices the Finance module has queued in its outbox (dispatched or not).</summary>
    private Task<int> QueuedAsync() => api.InScopeAsync(sp => sp.GetRequiredService<FinanceDbContext>().OutboxMessages.AsNoTracking()
        .CountAsync(m => m.Payload.Contains(NightlyReconciliation.NoticeKind)));
}
