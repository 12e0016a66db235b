using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Finance.Data;
using Khcn.Finance.Domain;
using Khcn.Organization.Contracts;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Khcn.Finance.Features.Reconciliation;

/// <summary>
/// Every night, on one replica (the job runner's lease), runs the reconciliation endpoint's invariants
/// (<see cref="Reconcile"/>) over every unit-year that has a fiscal year or a ledger entry. A unit-year that drifts
/// gets an error log per drift and one notice to each finance officer of the unit and of the province (the holders of
/// <c>finance.manage</c> over exactly those units, <see cref="NoticeTarget.Holders"/>) naming the invariant and the amounts, through the outbox (<c>db.Notify</c>); its key carries the day, so a second run the
/// same day queues nothing more and a drift still there the next night is told again. No drift, nothing sent.
/// </summary>
internal sealed class NightlyReconciliation(FinanceDbContext db, IMediator mediator, TimeProvider clock, ILogger<NightlyReconciliation> log) : IRecurringJob
{
    public const string JobName = "finance-reconciliation";
    public const string NoticeKind = "finance.drift";
    public string Name => JobName;
    public TimeSpan Interval => TimeSpan.FromDays(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var fiscal = await db.FiscalYears.IgnoreQueryFilters().AsNoTracking().Select(f => new { f.UnitId, f.Year }).ToListAsync(ct);
        var posted = await db.LedgerEntries.IgnoreQueryFilters().AsNoTracking().Select(e => new { e.UnitId, e.Year }).Distinct().ToListAsync(ct);
        var unitYears = fiscal.Concat(posted).Distinct().OrderBy(u => u.UnitId).ThenBy(u => u.Year).ToList();
        var today = VietnamTime.Today(clock);
        var names = await mediator.NamesAsync(unitYears.Select(u => u.UnitId), ct);
        var root = (await mediator.Send(new GetRootUnit(), ct))?.Id;
        foreach (var unitYear in unitYears)
        {
            var report = await mediator.Send(new Reconcile { UnitId = unitYear.UnitId, Year = unitYear.Year }, ct);
            if (report.Drifts.Count == 0) continue;
            var unitName = names.GetValueOrDefault(unitYear.UnitId, "");
            foreach (var d in report.Drifts)
                log.LogError("Finance reconciliation drift in {Unit} ({UnitId}) {Year}: {Check} on {Subject} {SubjectId}: expected {Expected}, found {Actual}",
                    unitName, unitYear.UnitId, unitYear.Year, d.Check, d.Subject, d.SubjectId, d.Expected, d.Actual);
            var first = report.Drifts[0];
            var more = report.Drifts.Count > 1 ? $" (và {report.Drifts.Count - 1} chênh lệch khác)" : "";
            var text = $"Đối soát sổ kế toán năm {unitYear.Year} của {unitName} phát hiện chênh lệch: {CheckText(first.Check)} [{first.Check}] — " +
                       $"đúng ra {Vnd(first.Expected)}, thực tế {Vnd(first.Actual)}, lệch {Vnd(Math.Abs(first.Expected - first.Actual))}{more}.";
            var year = unitYear.Year.ToString(CultureInfo.InvariantCulture);
            foreach (var officers in new[] { unitYear.UnitId, root ?? unitYear.UnitId }.Distinct())
                db.Notify(NoticeTarget.Holders(officers, Permission.FinanceManage), new Notice($"{NoticeKind}:{unitYear.UnitId}:{year}:{today:yyyy-MM-dd}", NoticeKind, text,
                $"/finance/reconciliation?year={year}",
                new Dictionary<string, string>
                {
                    ["unit"] = unitName, ["year"] = year, ["check"] = first.Check, ["expected"] = Vnd(first.Expected), ["actual"] = Vnd(first.Actual),
                    ["difference"] = Vnd(Math.Abs(first.Expected - first.Actual)), ["drifts"] = report.Drifts.Count.ToString(CultureInfo.InvariantCulture),
                }));
        }
        await db.SaveChangesAsync(ct);
    }

    private static string Vnd(decimal amount) => $"{SponsorRules.Vnd(amount)} ₫";

    private static string CheckText(string check) => check switch
    {
        "ledger_debits_equal_credits" => "tổng Nợ khác tổng Có của sổ cái",
        "transaction_balanced" => "một giao dịch không cân Nợ – Có",
        "budget_line_balance_equals_ledger" => "số dư dòng dự toán khác sổ cái",
        "approved_equals_allocated_plus_unallocated" => "dự toán được duyệt khác đã phân bổ cộng chưa phân bổ",
        "allocated_equals_disbursed_plus_remaining" => "số phân bổ khác đã giải ngân cộng còn lại",
        "allocation_balance_equals_ledger" => "số dư khoản phân bổ khác sổ cái",
        "allocation_parts_equal_amount" => "các nguồn của khoản phân bổ không khớp tổng",
        "sponsor_pledged_equals_ledger" => "số cam kết tài trợ khác sổ cái",
        "sponsor_received_equals_receipts" => "số thực nhận tài trợ khác tổng phiếu thu",
        "sponsor_outstanding_balance_equals_ledger" => "số tài trợ chưa nhận khác sổ cái",
        _ => "bất biến đối soát không thoả",
    };
}
