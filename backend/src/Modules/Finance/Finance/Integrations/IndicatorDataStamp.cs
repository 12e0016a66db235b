using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Contracts;
using Khcn.Finance.Data;

namespace Khcn.Finance.Integrations;

/// <summary>The module's <see cref="FinanceDbContext.DataStamp"/>: any saved change of its records renews it, so the plan dashboard re-reads its figures.</summary>
internal sealed class IndicatorDataStamp(FinanceDbContext db) : IIndicatorDataStamp
{
    public Task<Guid> ReadAsync(CancellationToken ct) => db.ReadChangeStampAsync(FinanceDbContext.DataStamp, ct);
}
