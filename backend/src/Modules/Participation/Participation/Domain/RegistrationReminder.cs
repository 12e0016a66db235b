using Khcn.BuildingBlocks.Domain;

namespace Khcn.Participation.Domain;

/// <summary>
/// A reminder sent to a unit that has not registered for a year of a movement, in one phase ("due-soon" from the lead
/// days before the registration deadline, "due-today" on the day). Saved in the same transaction as the notice's
/// outbox event, so a reminder is queued exactly once however often the job runs and whichever replica runs it (a
/// racing replica's insert fails on the key); the notice itself is the user-facing record, so this row is not audited.
/// </summary>
internal sealed class RegistrationReminder : INotAudited
{
    private RegistrationReminder() { }

    public RegistrationReminder(Guid movementId, int year, Guid unitId, string phase, DateTime sentAtUtc)
    {
        MovementId = movementId;
        Year = year;
        UnitId = unitId;
        Phase = phase;
        SentAtUtc = sentAtUtc;
    }

    public Guid MovementId { get; private set; }
    public int Year { get; private set; }
    public Guid UnitId { get; private set; }
    public string Phase { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
}
