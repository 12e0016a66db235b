using Khcn.BuildingBlocks.Messaging;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Training.Integrations;

/// <summary>
/// Keeps Training's copy of the unit list true after a split: the sub-units now sit under their successors and the split
/// unit under the successor that received its records (new successors arrived first by their own UnitCreated).
/// </summary>
internal sealed class RecordUnitSplit(TrainingDbContext db) : IntegrationEventHandler<UnitSplit, TrainingDbContext>(db)
{
    protected override async Task HandleOnceAsync(UnitSplit @event, CancellationToken ct)
    {
        var newParent = @event.SubUnits.ToDictionary(s => s.UnitId, s => s.NewParentId);
        newParent[@event.UnitId] = @event.RecordsSuccessorId;
        var ids = newParent.Keys.ToList();
        foreach (var known in await Db.KnownUnits.Where(u => ids.Contains(u.Id)).ToListAsync(ct))
            known.ParentId = newParent[known.Id];
    }
}
