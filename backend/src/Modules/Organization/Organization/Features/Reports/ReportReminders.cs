using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
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
/// the deadline, once <c>ReminderDaysAfter</c> days after it. Runs through the job runner (one replica at a time).
/// Each reminder is a <see cref="ReportReminder"/> row saved with its notice's outbox event (<c>db.Notify</c>, the one
/// way notices leave a module): an instance stopped after the commit loses nothing (the dispatcher delivers it on
/// restart), a second run finds the row and queues nothing, and a racing replica's insert fails on the key.
/// </summary>
internal sealed class ReportReminders(OrganizationDbContext db, TimeProvider clock, IOptions<ReportOptions> options) : IRecurringJob
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
            var deadline = period.Deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
            foreach (var unit in await UnitsNotYetRemindedAsync(period.Id, period.UnitId, phase, ct))
            {
                var text = phase == "due-soon"
                    ? $"Báo cáo năm {period.Year} của {unit.Name} chưa được nộp; hạn nộp {deadline}."
                    : $"Báo cáo năm {period.Year} của {unit.Name} đã quá hạn nộp ({deadline}).";
                db.ReportReminders.Add(new ReportReminder(period.Id, unit.Id, phase, clock.GetUtcNow().UtcDateTime));
                db.Notify(NoticeTarget.Unit(unit.Id), new Notice($"{KeyPrefix(period.Id, unit.Id)}{phase}", $"report.{phase}", text,
                    $"/organization/reports/{period.Id}/units/{unit.Id}",
                    new Dictionary<string, string> { ["year"] = period.Year.ToString(CultureInfo.InvariantCulture), ["unit"] = unit.Name, ["deadline"] = deadline }));
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another replica queued this period's reminders meanwhile (the key of report_reminders): its commit holds them.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The start of the keys of a unit's reminders for a period (its submission withdraws them).</summary>
    public static string KeyPrefix(Guid periodId, Guid unitId) => $"report-reminder:{periodId}:{unitId}:";

    private async Task<List<(Guid Id, string Name)>> UnitsNotYetRemindedAsync(Guid periodId, Guid periodUnitId, string phase, CancellationToken ct)
    {
        var path = await db.PathOfAsync(periodUnitId, ct);
        var rows = await db.Units.IgnoreQueryFilters()
            .WhereUnder(u => u.Path, path)
            .Where(u => u.Id != periodUnitId && u.Status == UnitStatus.Active)
            .Where(u => !db.Reports.IgnoreQueryFilters().Any(r => r.PeriodId == periodId && r.UnitId == u.Id && r.FirstSubmittedAtUtc != null))
            .Where(u => !db.ReportReminders.Any(r => r.PeriodId == periodId && r.UnitId == u.Id && r.Phase == phase))
            .Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }
}
