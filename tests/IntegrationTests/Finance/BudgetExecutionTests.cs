using System.Net;
using Khcn.BuildingBlocks.Files;
using Khcn.Finance.Domain;
using Khcn.Finance.Features;
using Khcn.Finance.Features.Allocations;
using Khcn.Finance.Features.Reports;
using Khcn.IntegrationTests.Support;
using MiniExcelLibs;
using static Khcn.IntegrationTests.Finance.FinanceDriver;

namespace Khcn.IntegrationTests.Finance;

/// <summary>Budget execution per unit/subtree, year, purpose and source (#14): the figures from the ledger, and the .xlsx that carries them.</summary>
public sealed class BudgetExecutionTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    [ApiFact]
    public async Task Given_allocated_paid_and_settled_money_When_reporting_execution_for_the_unit_and_the_province_subtree_Then_the_rows_and_the_workbook_add_up()
    {
        var officer = await api.LoginAsync(VanLam);
        var province = await api.LoginAsync(Province);
        var unit = await UnitAsync(officer, "VANLAM");
        var union = await SourceAsync(officer, unit, FundingSourceKind.UnionFunds, "KPCĐ 2046");
        var sponsor = await SourceAsync(officer, unit, FundingSourceKind.Sponsor, "Tài trợ 2046");
        await SponsorPaidInAsync(officer, sponsor.Id, 20_000_000m);
        var budget = await ApprovedBudgetAsync(officer, province, unit, 2046,
            (BudgetPurpose.ResearchTopics, union.Id, 80_000_000m), (BudgetPurpose.ResearchTopics, sponsor.Id, 20_000_000m), (BudgetPurpose.Training, union.Id, 30_000_000m));
        var topic = await (await AllocateAsync(officer, budget.Id, BudgetPurpose.ResearchTopics, "Đề tài 2046", (union.Id, 60_000_000m), (sponsor.Id, 20_000_000m)))
            .ReadAsync<AllocationDetail>();
        var course = await (await AllocateAsync(officer, budget.Id, BudgetPurpose.Training, "Lớp 2046", (union.Id, 10_000_000m))).ReadAsync<AllocationDetail>();
        await PaidAsync(officer, province, topic.Id, 40_000_000m);
        await PaidAsync(officer, province, course.Id, 10_000_000m);
        var current = await AllocationAsync(officer, course.Id);
        (await officer.MoneyAsync(SettleAllocation.Route.Replace("{id}", course.Id.ToString()), new { spent = 9_000_000m }, ifMatch: $"\"{current.Version}\""))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var report = await (await officer.GetAsync($"{GetBudgetExecution.Route}?unitId={unit}&year=2046")).ReadAsync<BudgetExecutionReport>();
        report.Rows.Count.ShouldBe(3);
        var topicUnion = report.Rows.Single(r => r.Purpose == BudgetPurpose.ResearchTopics && r.SourceId == union.Id);
        topicUnion.Approved.ShouldBe(80_000_000m);
        topicUnion.Allocated.ShouldBe(60_000_000m);
        topicUnion.Paid.ShouldBe(30_000_000m, "40,000,000 paid split 60:20 between the sources");
        topicUnion.Unallocated.ShouldBe(20_000_000m);
        var training = report.Rows.Single(r => r.Purpose == BudgetPurpose.Training);
        (training.Allocated, training.Paid, training.Spent, training.Unallocated).ShouldBe((9_000_000m, 10_000_000m, 9_000_000m, 21_000_000m),
            "settlement returned the unspent 1,000,000 to the line");
        report.Total.Approved.ShouldBe(130_000_000m);
        report.Total.Paid.ShouldBe(50_000_000m);
        report.Total.Spent.ShouldBe(9_000_000m);
        report.Rows.ShouldAllBe(r => r.Approved == r.Allocated + r.Unallocated);
        report.BySourceKind.Single(t => t.Key == "Sponsor").Paid.ShouldBe(10_000_000m);
        var reconciliation = await ReconcileAsync(province, unit, 2046);
        reconciliation.Drifts.ShouldBeEmpty();
        reconciliation.Sources.Sum(s => s.Unallocated).ShouldBe(report.Total.Unallocated);

        var root = await UnitAsync(province, "HY");
        var subtree = await (await province.GetAsync($"{GetBudgetExecution.Route}?unitId={root}&subtree=true&year=2046")).ReadAsync<BudgetExecutionReport>();
        subtree.Total.ShouldBe(report.Total);
        var onlyRoot = await (await province.GetAsync($"{GetBudgetExecution.Route}?unitId={root}&year=2046")).ReadAsync<BudgetExecutionReport>();
        onlyRoot.Rows.ShouldBeEmpty("the province itself has no 2046 budget");
        var sponsors = await (await province.GetAsync($"{GetBudgetExecution.Route}?unitId={root}&subtree=true&year=2046&purpose=ResearchTopics&sourceKind=Sponsor"))
            .ReadAsync<BudgetExecutionReport>();
        sponsors.Rows.ShouldHaveSingleItem().Paid.ShouldBe(10_000_000m);

        var xlsx = await province.GetAsync($"{ExportBudgetExecutionXlsx.Route}?unitId={root}&subtree=true&year=2046");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(GeneratedFile.Xlsx);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        stream.GetSheetNames().ShouldBe(["Thực hiện dự toán", "Theo loại nguồn", "Theo mục đích"]);
        var rows = stream.ReportRows("Thực hiện dự toán");
        rows.Count.ShouldBe(4);
        rows[^1]["Đơn vị"].ShouldBe("Tổng cộng");
        foreach (var column in new[] { "Dự toán duyệt", "Đã phân bổ", "Đã chi", "Đã quyết toán", "Chưa phân bổ" })
            rows.Take(rows.Count - 1).Sum(r => Convert.ToDecimal(r[column])).ShouldBe(Convert.ToDecimal(rows[^1][column]), column);
        Convert.ToDecimal(rows[^1]["Dự toán duyệt"]).ShouldBe(130_000_000m);
        Convert.ToDecimal(rows[^1]["Đã chi"]).ShouldBe(50_000_000m);
        rows.ShouldContain(r => (string)r["Mục đích"] == "Đào tạo, bồi dưỡng" && Convert.ToDecimal(r["Đã quyết toán"]) == 9_000_000m);
        var byKind = stream.ReportRows("Theo loại nguồn");
        byKind.Sum(r => Convert.ToDecimal(r["Dự toán duyệt"])).ShouldBe(130_000_000m);
        using (var book = new OpenedWorkbook(await xlsx.Content.ReadAsByteArrayAsync()))
        {
            const string sheet = "Thực hiện dự toán";
            book.Text(sheet, "A2").ShouldBe("THỰC HIỆN DỰ TOÁN KINH PHÍ KH,CN&ĐMST NĂM 2046");
            book.Text(sheet, "A3").ShouldBe("Phạm vi: Liên đoàn Lao động tỉnh Hưng Yên và các đơn vị trực thuộc");
            var approved = book.ColumnOf(sheet, "Dự toán duyệt");
            var totalRow = ReportWorkbook.HeaderRow + rows.Count;
            book.Text(sheet, $"A{totalRow}").ShouldBe("Tổng cộng");
            book.Number(sheet, $"{approved}{totalRow}").ShouldBe(130_000_000m, "the exact decimal, a number");
            book.NumberFormat(sheet, $"{approved}{totalRow}").ShouldBe("#,##0", "shown with thousands separators");
            book.NumberFormat(sheet, $"{book.ColumnOf(sheet, "Năm")}{ReportWorkbook.HeaderRow + 1}").ShouldBe("0", "a year without a separator");
        }

        await (await (await api.LoginAsync(MyHao)).GetAsync($"{GetBudgetExecution.Route}?unitId={unit}&year=2046")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task PaidAsync(HttpClient officer, HttpClient approver, Guid allocationId, decimal amount)
    {
        var t = await (await RequestTrancheAsync(officer, allocationId, amount)).ReadAsync<TrancheView>();
        var a = await (await approver.StepAsync(TrancheRoute(ApproveTranche.Route, t), t.Version)).ReadAsync<TrancheView>();
        (await officer.MoneyAsync(TrancheRoute(PayTranche.Route, a), new { voucherNumber = $"PC-{amount}", paidOn = new DateOnly(2046, 4, 1) },
            ifMatch: $"\"{a.Version}\"")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
