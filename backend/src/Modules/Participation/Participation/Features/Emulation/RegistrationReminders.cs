using System.Globalization;
using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Jobs;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;
using Khcn.Participation.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Khcn.Participation.Features.Emulation;

public sealed class EmulationOptions
{
    public const string Section = "Emulation";
    /// <summary>From this many days before a movement's registration deadline, units that have not registered get a "due soon" notice.</summary>
    public int RegistrationReminderDaysBefore { get; set; } = 7;
}

/// <summary>
/// Reminds the units taking part in a movement that have not registered for its year (#13): once from
/// <c>RegistrationReminderDaysBefore</c> days before the year's registration deadline ("due-soon") and once on the
/// day ("due-today"); nothing after the deadline (a late registration is flagged instead) nor for a closed year. The
/// notice goes to the unit's officers (a unit target) with the movement's name, the deadline and a link to the
/// registration form. Runs through the job runner (one replica at a time). Each reminder is a
/// <see cref="RegistrationReminder"/> row saved with its notice's outbox event (<c>db.Notify</c>): a second run finds
/// the row and queues nothing, a racing replica's insert fails on the key. A unit's registration withdraws its reminders.
/// </summary>
internal sealed class RegistrationReminders(ParticipationDbContext db, IMediator mediator, TimeProvider clock, IOptions<EmulationOptions> options) : IRecurringJob
{
    public string Name => "emulation-registration-reminders";
    public TimeSpan Interval => TimeSpan.FromHours(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var today = VietnamTime.Today(clock);
        var before = options.Value.RegistrationReminderDaysBefore;
        // A deadline within the lead days may fall in the next calendar year (a deadline early in January).
        var years = new[] { today.Year, today.AddDays(before).Year }.Distinct().ToList();
        var movements = await db.Movements.IgnoreQueryFilters().AsNoTracking().Include(m => m.ChosenUnits).Include(m => m.ClosedYears).AsSplitQuery()
            .Where(m => m.FromYear <= years.Max() && (m.ToYear == null || m.ToYear >= years.Min())).ToListAsync(ct);
        foreach (var movement in movements)
            foreach (var year in years.Where(y => movement.RunsIn(y) && !movement.IsClosed(y)))
            {
                var deadline = movement.DeadlineIn(year);
                var phase = today == deadline ? "due-today" : today < deadline && today >= deadline.AddDays(-before) ? "due-soon" : null;
                if (phase is null) continue;
                await RemindAsync(movement, year, deadline, phase, ct);
            }
    }

    private async Task RemindAsync(Movement movement, int year, DateOnly deadline, string phase, CancellationToken ct)
    {
        var units = await UnitsNotYetRemindedAsync(movement, year, phase, ct);
        if (units.Count == 0) return;
        var shown = deadline.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        foreach (var unit in (await mediator.Send(new GetUnitSummaries(units), ct)).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var text = phase == "due-soon"
                ? $"{unit.Name} chưa đăng ký thi đua năm {year} của phong trào \"{movement.Name}\"; hạn đăng ký {shown}."
                : $"Hôm nay ({shown}) là hạn đăng ký thi đua năm {year} của phong trào \"{movement.Name}\"; {unit.Name} chưa đăng ký.";
            db.RegistrationReminders.Add(new RegistrationReminder(movement.Id, year, unit.Id, phase, clock.GetUtcNow().UtcDateTime));
            db.Notify(NoticeTarget.Unit(unit.Id), new Notice($"{KeyPrefix(movement.Id, year, unit.Id)}{phase}", $"emulation.registration-{phase}", text,
                $"/participation/emulation/registrations/new?movementId={movement.Id}&unitId={unit.Id}&year={year}",
                new Dictionary<string, string>
                {
                    ["movement"] = movement.Name, ["year"] = year.ToString(CultureInfo.InvariantCulture), ["unit"] = unit.Name, ["deadline"] = shown,
                }));
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another replica queued this movement's reminders meanwhile (the key of emulation_registration_reminders): its commit holds them.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The start of the keys of a unit's reminders for a movement's year (its registration withdraws them).</summary>
    public static string KeyPrefix(Guid movementId, int year, Guid unitId) => $"emulation-registration:{movementId}:{year}:{unitId}:";

    /// <summary>The units taking part (below the launching unit, or the chosen ones) with no registration for the year and no reminder of this phase.</summary>
    private async Task<List<Guid>> UnitsNotYetRemindedAsync(Movement movement, int year, string phase, CancellationToken ct)
    {
        var taking = movement.Participants == ParticipantsMode.Subtree
            ? (await mediator.Send(new GetSubtreeUnitIds(movement.UnitId), ct)).Select(u => u.UnitId).Where(u => u != movement.UnitId).ToList()
            : movement.ChosenUnits.Select(u => u.UnitId).ToList();
        var registered = await db.Registrations.IgnoreQueryFilters().Where(r => r.MovementId == movement.Id && r.Year == year).Select(r => r.UnitId).ToListAsync(ct);
        var reminded = await db.RegistrationReminders.Where(r => r.MovementId == movement.Id && r.Year == year && r.Phase == phase).Select(r => r.UnitId).ToListAsync(ct);
        return taking.Except(registered).Except(reminded).ToList();
    }
}
