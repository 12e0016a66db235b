using Khcn.BuildingBlocks.Domain;

namespace Khcn.Organization.Domain;

/// <summary>
/// A reminder sent to a unit about its annual report of a period, in one phase ("due-soon" or "overdue"). Saved in
/// the same transaction as the notice's outbox event, so a reminder is queued exactly once however often the job runs
/// and whichever replica runs it; the notice itself is the user-facing record, so this row is not audited.
/// </summary>
internal sealed class ReportReminder : INotAudited
{
    private ReportReminder() { }

    public ReportReminder(Guid periodId, Guid unitId, string phase, DateTime sentAtUtc)
    {
        PeriodId = periodId;
        UnitId = unitId;
        Phase = phase;
        SentAtUtc = sentAtUtc;
    }

    public Guid PeriodId { get; private set; }
    public Guid UnitId { get; private set; }
    public string Phase { get; private set; } = "";
    public DateTime SentAtUtc { get; private set; }
}
