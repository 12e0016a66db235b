using Khcn.BuildingBlocks.Messaging;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;

namespace Khcn.Training.Integrations;

/// <summary>Keeps Training's copy of the unit list; runs once per event however often it is delivered.</summary>
internal sealed class RecordUnitCreated(TrainingDbContext db, TimeProvider clock) : IntegrationEventHandler<UnitCreated, TrainingDbContext>(db)
{
    protected override Task HandleOnceAsync(UnitCreated @event, CancellationToken ct)
    {
        Db.KnownUnits.Add(new KnownUnit
        {
            Id = @event.UnitId, Code = @event.Code, Name = @event.Name, ParentId = @event.ParentId,
            LearnedAtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return Task.CompletedTask;
    }
}
