using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Contracts;
using Khcn.Participation.Data;

namespace Khcn.Participation.Integrations;

/// <summary>The module's <see cref="ParticipationDbContext.DataStamp"/>: any saved change of its records renews it, so the plan dashboard re-reads its figures.</summary>
internal sealed class IndicatorDataStamp(ParticipationDbContext db) : IIndicatorDataStamp
{
    public Task<Guid> ReadAsync(CancellationToken ct) => db.ReadChangeStampAsync(ParticipationDbContext.DataStamp, ct);
}
