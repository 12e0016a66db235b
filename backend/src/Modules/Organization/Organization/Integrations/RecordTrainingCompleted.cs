using Khcn.BuildingBlocks.Messaging;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Khcn.Training.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Integrations;

/// <summary>A completed course enters the official's training history; once per event however often it is delivered.</summary>
internal sealed class RecordTrainingCompleted(OrganizationDbContext db, TimeProvider clock)
    : IntegrationEventHandler<TrainingCompleted, OrganizationDbContext>(db)
{
    protected override async Task HandleOnceAsync(TrainingCompleted e, CancellationToken ct)
    {
        var official = await Db.Officials.IgnoreQueryFilters().Where(o => o.Id == e.OfficialId).Select(o => new { o.UnitId }).FirstOrDefaultAsync(ct);
        if (official is null) return; // an official Organization no longer knows: nothing to attach the history to
        if (await Db.OfficialTrainings.IgnoreQueryFilters().AnyAsync(t => t.EnrolmentId == e.EnrolmentId, ct)) return;
        Db.OfficialTrainings.Add(new OfficialTraining
        {
            OfficialId = e.OfficialId, UnitId = official.UnitId, EnrolmentId = e.EnrolmentId, CourseCode = e.CourseCode,
            CourseTitle = e.CourseTitle, Subject = e.Subject, PartnerName = e.PartnerName, CompletedOn = e.CompletedOn,
            RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
    }
}
