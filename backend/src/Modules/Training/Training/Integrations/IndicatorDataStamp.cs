using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Contracts;
using Khcn.Training.Data;

namespace Khcn.Training.Integrations;

/// <summary>The module's <see cref="TrainingDbContext.DataStamp"/>: any saved change of its records renews it, so the plan dashboard re-reads its figures.</summary>
internal sealed class IndicatorDataStamp(TrainingDbContext db) : IIndicatorDataStamp
{
    public Task<Guid> ReadAsync(CancellationToken ct) => db.ReadChangeStampAsync(TrainingDbContext.DataStamp, ct);
}
