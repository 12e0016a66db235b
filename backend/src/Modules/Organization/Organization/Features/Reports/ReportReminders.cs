using System.Globalization;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khcn.Organization.Features.Reports;

public sealed class ReportOptions
{
    public const string Section = "Reports";
    /// <summary>From this many days before the deadline, units that have not submitted get a "due soon" notice.</summary>
    public int ReminderDaysBefore { get; set; } = 7;
    /// <summary>This many days after the deadline, units that still have not submitted get an "overdue" notice.</summary>
    public int ReminderDaysAfter { get; set; } = 3;
}

/// <summary>
/// Reminds the units that have not submitted their annual report: once from <c>ReminderDaysBefore</c> days before
/// the deadline, once <c>ReminderDaysAfter</c> days after it. Runs through the job runner (one replica at a time)
/// and every notice has a key per period, unit and phase, so a second run or a racing replica never repeats one.
/// </summary>
internal sealed class ReportReminders(OrganizationDbContext db, INotifier notifier, TimeProvider clock, IOptions<ReportOptions> options) : IRecurringJob
{
    public string Name => "report-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var before = options.Value.ReminderDaysBefore;
        var after = options.Value.ReminderDaysAfter;
        var periods = await db.ReportPeriods.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Deadline >= today.AddDays(-after - 30) && p.Deadline <= today.AddDays(before))
            .Select(p => new { p.Id, p.Year, p.Deadline, p.UnitId }).ToListAsync(ct);
        foreach (var period in periods)
        {
            var phase = today <= period.Deadline ? "due-soon" : today >= period.Deadline.AddDays(after) ? "overdue" : null;
            if (phase is null) continue;
            foreach (var unit in await UnitsWithoutSubmissionAsync(period.Id, period.UnitId, ct))
            {
                var deadline = period.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
                var text = phase == "due-soon"
                    ? $"Báo cáo năm {period.Year} của {unit.Name} chưa được nộp; hạn nộp {deadline}."
                    : $"Báo cáo năm {period.Year} của {unit.Name} đã quá hạn nộp ({deadline}).";
                await notifier.NotifyUnitAsync(unit.Id, new Notice($"report-reminder:{period.Id}:{unit.Id}:{phase}", $"report.{phase}", text,
                    $"/organization/reports/{period.Id}/units/{unit.Id}",
                    new Dictionary<string, string> { ["year"] = period.Year.ToString(CultureInfo.InvariantCulture), ["unit"] = unit.Name, ["deadline"] = deadline }), ct);
            }
        }
    }

    private async Task<List<(Guid Id, string Name)>> UnitsWithoutSubmissionAsync(Guid periodId, Guid periodUnitId, CancellationToken ct)
    {
        var path = await db.PathOfAsync(periodUnitId, ct);
        var rows = await db.Units.IgnoreQueryFilters()
            .WhereUnder(u => u.Path, path)
            .Where(u => u.Id != periodUnitId && u.Status == UnitStatus.Active)
            .Where(u => !db.Reports.IgnoreQueryFilters().Any(r => r.PeriodId == periodId && r.UnitId == u.Id && r.FirstSubmittedAtUtc != null))
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
