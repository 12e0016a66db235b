using Khcn.Organization.Contracts;
using Mediator;

namespace Khcn.Finance.Features;

internal static class UnitNames
{
    /// <summary>Names of units already authorised by the query that found their records.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(this IMediator mediator, IEnumerable<Guid> unitIds, CancellationToken ct)
    {
        var ids = unitIds.Distinct().ToList();
        return ids.Count == 0 ? new Dictionary<Guid, string>() : (await mediator.Send(new GetUnitSummaries(ids), ct)).ToDictionary(u => u.Id, u => u.Name);
    }
}
