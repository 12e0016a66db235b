using Khcn.BuildingBlocks.Persistence;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;

namespace Khcn.Organization.Integrations;

/// <summary>The module's <see cref="OrganizationDbContext.DataStamp"/>: any saved change of its records (units, officials, plans, reports…) renews it.</summary>
internal sealed class IndicatorDataStamp(OrganizationDbContext db) : IIndicatorDataStamp
{
    public Task<Guid> ReadAsync(CancellationToken ct) => db.ReadChangeStampAsync(OrganizationDbContext.DataStamp, ct);
}
