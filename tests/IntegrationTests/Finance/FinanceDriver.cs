using System.Net;
using System.Net.Http.Json;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Budgets;
using Khcn.Finance.Features.FiscalYears;
using Khcn.Finance.Features.Reconciliation;
using Khcn.Finance.Features.Sources;
using Khcn.IntegrationTests.Organization;
using Khcn.IntegrationTests.Support;

namespace Khcn.IntegrationTests.Finance;

/// <summary>The demo finance officers and the few calls every finance test makes, through HTTP.</summary>
internal static class FinanceDriver
{
    public const string Province = "taichinh@hungyen.demo";
    public const string ProvinceSecond = "ketoan@hungyen.demo";
    public const string VanLam = "taichinh.vanlam@hungyen.demo";
    public const string MyHao = "taichinh.myhao@hungyen.demo";
    /// <summary>A sponsor's tax code with a valid check digit (0100109106: 10 − (Σ dᵢwᵢ mod 11) = 6).</summary>
    public const string ValidTaxCode = "0100109106";

    /// <summary>A money-moving POST under a fresh Idempotency-Key (or the one given, to replay a retry).</summary>
    public static Task<HttpResponseMessage> MoneyAsync(this HttpClient client, string url, object body, string? key = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> StepAsync(this HttpClient client, string url, long version, object? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }, options: Support.Http.Json) };
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        return client.SendAsync(request);
    }

    public static Task<Guid> UnitAsync(HttpClient client, string code) => AnnualReportTests.UnitIdAsync(client, code);

    public static async Task<FundingSourceView> SourceAsync(HttpClient client, Guid unitId, FundingSourceKind kind, string name)
    {
        var response = await client.PostJsonAsync(CreateFundingSource.Route, new
        {
            unitId, kind, name,
            programmeReference = kind == FundingSourceKind.StateBudget ? "HĐ 12/2025/HĐ-SKHCN" : null,
            sponsorName = kind == FundingSourceKind.Sponsor ? "Công ty CP Dệt may Lạc Hồng" : null,
            sponsorTaxCode = kind == FundingSourceKind.Sponsor ? ValidTaxCode : null,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<FundingSourceView>();
    }

    /// <summary>
    /// A sponsor that pledged and paid in <paramref name="amount"/> (in 2025, the demo's open year), so that allocations
    /// may draw that much from it (SponsorRules.AvailableToAllocate).
    /// </summary>
    public static async Task SponsorPaidInAsync(HttpClient officer, Guid sourceId, decimal amount)
    {
        var pledged = await officer.MoneyAsync(RecordSponsorPledge.Route.Replace("{sourceId}", sourceId.ToString()),
            new { amount, pledgedOn = new DateOnly(2025, 6, 1), note = "Hợp đồng tài trợ" });
        pledged.StatusCode.ShouldBe(HttpStatusCode.Created, await pledged.Content.ReadAsStringAsync());
        var received = await officer.MoneyAsync(RecordSponsorReceipt.Route.Replace("{sourceId}", sourceId.ToString()),
            new { amount, receivedOn = new DateOnly(2025, 6, 2), voucherNumber = $"PT-{Guid.NewGuid():N}"[..20] });
        received.StatusCode.ShouldBe(HttpStatusCode.Created, await received.Content.ReadAsStringAsync());
    }

    /// <summary>A unit's budget for <paramref name="year"/>, drafted and submitted by its officer, approved by the unit above's.</summary>
    public static async Task<BudgetDetail> ApprovedBudgetAsync(HttpClient officer, HttpClient above, Guid unitId, int year,
        params (BudgetPurpose Purpose, Guid SourceId, decimal Amount)[] lines)
    {
        var draft = await SubmittedBudgetAsync(officer, unitId, year, lines);
        var approved = await above.MoneyAsync(ApproveBudget.Route.Replace("{id}", draft.Id.ToString()), new { }, ifMatch: $"\"{draft.Version}\"");
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        return await approved.ReadAsync<BudgetDetail>();
    }

    public static async Task<BudgetDetail> SubmittedBudgetAsync(HttpClient officer, Guid unitId, int year, params (BudgetPurpose Purpose, Guid SourceId, decimal Amount)[] lines)
    {
        var created = await officer.PostJsonAsync(CreateBudget.Route, new
        {
            unitId, year, note = $"Dự toán {year}",
            lines = lines.Select(l => new { purpose = l.Purpose, sourceId = l.SourceId, amount = l.Amount }).ToArray(),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var draft = await created.ReadAsync<BudgetDetail>();
        var submitted = await officer.StepAsync(SubmitBudget.Route.Replace("{id}", draft.Id.ToString()), draft.Version);
        return await submitted.ReadAsync<BudgetDetail>();
    }

    public static Task<HttpResponseMessage> AllocateAsync(HttpClient officer, Guid budgetId, BudgetPurpose purpose, string label,
        params (Guid SourceId, decimal Amount)[] parts) =>
        officer.MoneyAsync(CreateAllocation.Route, new
        {
            budgetId, purpose, targetKind = AllocationTargetKind.ResearchTopic, targetId = Guid.NewGuid(), targetLabel = label,
            parts = parts.Select(p => new { sourceId = p.SourceId, amount = p.Amount }).ToArray(),
        });

    public static Task<HttpResponseMessage> RequestTrancheAsync(HttpClient officer, Guid allocationId, decimal amount, TrancheKind kind = TrancheKind.Advance, string? key = null) =>
        officer.MoneyAsync(RequestTranche.Route.Replace("{allocationId}", allocationId.ToString()), new { kind, amount, purpose = "Tạm ứng" }, key);

    public static string TrancheRoute(string route, TrancheView t) =>
        route.Replace("{allocationId}", t.AllocationId.ToString()).Replace("{id}", t.Id.ToString());

    public static async Task<AllocationDetail> AllocationAsync(HttpClient client, Guid id) =>
        await (await client.GetAsync(GetAllocation.For(id))).ReadAsync<AllocationDetail>();

    public static async Task<ReconciliationReport> ReconcileAsync(HttpClient client, Guid? unitId = null, int? year = null) =>
        await (await client.GetAsync($"{Reconcile.Route}?{(unitId is null ? "" : $"unitId={unitId}&")}{(year is null ? "" : $"year={year}")}")).ReadAsync<ReconciliationReport>();

    public static Task<HttpResponseMessage> OpenYearAsync(HttpClient client, Guid unitId, int year) =>
        client.PostJsonAsync(OpenFiscalYear.Route, new { unitId, year });
}
