using System.Net;
using System.Text.Json;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Budgets;
using Khcn.IntegrationTests.Support;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>
/// Never overspent, never lost (#14, ADR 0013): a burst of concurrent requests cannot draw more than an allocation
/// holds, and a seeded random sequence of every money operation leaves the books reconciled to the đồng.
/// </summary>
public sealed class FinanceInvariantTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_an_allocation_with_room_for_exactly_10_tranches_When_100_requests_race_Then_exactly_10_succeed_the_rest_409_with_the_remaining_and_the_ledger_balances()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ đua");
        var state = await SourceAsync(officer, unit, FundingSourceKind.StateBudget, "Ngân sách đua");
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2041, (BudgetPurpose.ResearchTopics, union.Id, 7_000_000m), (BudgetPurpose.ResearchTopics, state.Id, 3_000_000m));
        var allocation = await (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài đua", (union.Id, 7_000_000m), (state.Id, 3_000_000m)))
            .ReadAsync<AllocationDetail>();

        using var start = new SemaphoreSlim(0);
        var racers = Enumerable.Range(0, 100).Select(async _ =>
        {
            await start.WaitAsync();
            return await RequestTrancheAsync(officer, allocation.Id, 1_000_000m);
        }).ToList();
        start.Release(100);
        var responses = await Task.WhenAll(racers);

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(10, string.Join(", ", responses.Select(r => (int)r.StatusCode).Distinct()));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        refused.Count.ShouldBe(90);
        foreach (var r in refused)
        {
            var problem = await r.ShouldBeProblemAsync(HttpStatusCode.Conflict, "allocation_remainder_exceeded");
            problem.GetProperty("remaining").GetDecimal().ShouldBe(0m);
        }

        var detail = await AllocationAsync(officer, allocation.Id);
        detail.Tranches.Count.ShouldBe(10);
        detail.Remaining.ShouldBe(0m);
        detail.Requested.ShouldBe(10_000_000m);
        detail.Ledger.Sum(e => e.Debit).ShouldBe(detail.Ledger.Sum(e => e.Credit));
        var report = await ReconcileAsync(province, unit, 2041);
        report.Drifts.ShouldBeEmpty();
        report.TotalDebits.ShouldBe(report.TotalCredits);
    }

    [ApiFact]
    public async Task Given_a_seeded_random_sequence_of_allocations_tranches_rejections_payments_and_settlements_Then_reconciliation_finds_zero_drift()
    {
        var random = new Random(20251204);
        var officer = await api.LoginAsync(VanLam);
        var approver = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var sources = new[]
        {
            await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ ngẫu nhiên"),
            await SourceAsync(officer, unit, FundingSourceKind.StateBudget, "Ngân sách ngẫu nhiên"),
            await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ ngẫu nhiên"),
        };
        var budget = await ApprovedBudgetAsync(officer, approver, unit, 2042,
            sources.Select(s => (BudgetPurpose.ResearchTopics, s.Id, (decimal)random.Next(20, 60) * 1_000_000m + random.Next(0, 999))).ToArray());
        // The sponsor paid in its whole line, so that the lines' remainders are what the sequence runs into.
        await SponsorPaidInAsync(officer, sources[2].Id, budget.Lines.Single(l => l.SourceId == sources[2].Id).Amount);
        var allocations = new List<Guid>();
        var outcomes = new Dictionary<string, int>();

        for (var step = 0; step < 80; step++)
        {
            var op = allocations.Count == 0 ? 0 : random.Next(6);
            HttpResponseMessage? response = null;
            switch (op)
            {
                case 0:
                    var parts = sources.Where(_ => random.Next(3) > 0).Select(s => (s.Id, (decimal)random.Next(1, 15_000_000))).ToArray();
                    if (parts.Length == 0) parts = [(sources[0].Id, 1_000_000m)];
                    response = await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, $"Đề tài {step}", parts);
                    if (response.StatusCode == HttpStatusCode.Created) allocations.Add((await response.ReadAsync<AllocationDetail>()).Id);
                    break;
                case 1 or 2:
                    response = await RequestTrancheAsync(officer, Pick(random, allocations), random.Next(1, 8_000_000), (TrancheKind)random.Next(3));
                    break;
                default:
                    var a = await AllocationAsync(officer, Pick(random, allocations));
                    var waiting = a.Tranches.Where(t => t.Status is TrancheStatus.Requested or TrancheStatus.Approved).ToList();
                    if (op == 5 && a.Status == AllocationStatus.Open && waiting.Count == 0)
                        response = await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", a.Id.ToString()),
                            new { spent = a.Paid == 0 ? 0 : random.NextInt64(0, (long)a.Paid + 1) }, ifMatch: $"\"{a.Version}\"");
                    else if (waiting.Count > 0)
                    {
                        var t = waiting[random.Next(waiting.Count)];
                        response = (t.Status, random.Next(4)) switch
                        {
                            (_, 0) => await approver.MoneyAsync(TrancheRoute(RejectTranche.Route, t), new { reason = "Sai hồ sơ" }, ifMatch: $"\"{t.Version}\""),
                            (TrancheStatus.Requested, _) => await approver.StepAsync(TrancheRoute(ApproveTranche.Route, t), t.Version),
                            _ => await officer.MoneyAsync(TrancheRoute(PayTranche.Route, t), new { voucherNumber = $"PC-{step}", paidOn = new DateOnly(2042, 6, 1) },
                                ifMatch: $"\"{t.Version}\""),
                        };
                    }
                    break;
            }
            if (response is null) continue;
            var code = response.IsSuccessStatusCode ? ((int)response.StatusCode).ToString()
                : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("code").GetString()!;
            outcomes[code] = outcomes.GetValueOrDefault(code) + 1;
            ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
            if (step % 20 == 19) (await ReconcileAsync(approver, unit, 2042)).Drifts.ShouldBeEmpty($"after step {step}");
        }

        var report = await ReconcileAsync(approver, unit, 2042);
        report.Drifts.ShouldBeEmpty();
        report.TotalDebits.ShouldBe(report.TotalCredits);
        var lines = (await (await officer.GetAsync(GetBudget.For(budget.Id))).ReadAsync<BudgetDetail>()).Lines;
        foreach (var s in report.Sources) s.Unallocated.ShouldBe(lines.Single(l => l.SourceId == s.SourceId).Unallocated);
        // The sequence exercised every kind of outcome, refusals included.
        outcomes.Keys.ShouldContain("201");
        outcomes.Keys.ShouldContain("200");
        outcomes.Keys.ShouldContain("allocation_remainder_exceeded");
    }

    [ApiFact]
    public async Task Given_the_demo_books_When_reconciled_Then_zero_drift_with_2024_settled_and_closed_and_2025_in_progress()
    {
        var province = await api.LoginAsync(Province);
        var report = await ReconcileAsync(province);
        report.Drifts.ShouldBeEmpty();
        report.TotalDebits.ShouldBe(report.TotalCredits);
        report.Sources.Select(s => s.Kind).Distinct().Count().ShouldBe(4, "every source kind");
        var settled = await (await province.GetAsync($"{ListAllocations.Route}?year=2024")).ReadAsync<List<AllocationListItem>>();
        settled.ShouldNotBeEmpty();
        settled.ShouldAllBe(a => a.Status == AllocationStatus.Settled);
        var current = await (await province.GetAsync($"{ListAllocations.Route}?year=2025")).ReadAsync<List<AllocationListItem>>();
        current.Select(a => a.UnitName).Distinct().Count().ShouldBe(3, "the province, Văn Lâm and Mỹ Hào");
        var states = new HashSet<TrancheStatus>();
        foreach (var a in current) foreach (var t in (await AllocationAsync(province, a.Id)).Tranches) states.Add(t.Status);
        states.ShouldBe(Enum.GetValues<TrancheStatus>(), ignoreOrder: true);
        var years = await (await province.GetAsync(Khcn.Finance.Features.FiscalYears.ListFiscalYears.Route)).ReadAsync<List<FiscalYearView>>();
        years.Where(y => y.Year == 2024).ShouldAllBe(y => y.Status == FiscalYearStatus.Closed);
    }

    private static Guid Pick(Random random, List<Guid> ids) => ids[random.Next(ids.Count)];
}
