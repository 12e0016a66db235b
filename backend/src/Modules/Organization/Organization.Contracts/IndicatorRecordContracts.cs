namespace Khcn.Organization.Contracts;

/// <summary>
/// The companion of a module's <see cref="IReportIndicatorSource"/>s on the plan dashboard: the records behind a
/// figure ("12 initiatives recognised" → those 12). One implementation per module answers for that module's own
/// keys (<see cref="Keys"/>), with the same definition as the source's value: the records' <see cref="IndicatorRecord.Value"/>s
/// of a unit add up to the source's value for that unit. An indicator no module lists records for has none to show.
/// </summary>
public interface IReportIndicatorRecords
{
    /// <summary>The indicator keys whose records this module lists.</summary>
    IReadOnlyCollection<string> Keys { get; }

    /// <summary>
    /// Every record behind <paramref name="key"/>'s figure for <paramref name="year"/> attributed to one of
    /// <paramref name="unitIds"/> (the caller has limited them to its scope), in any order.
    /// </summary>
    Task<IReadOnlyList<IndicatorRecord>> RecordsAsync(string key, IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct);
}

/// <summary>
/// One record behind a figure: what the SPA links to (<paramref name="Kind"/>: initiative, research-topic, course,
/// campaign, commendation), its title and date, the unit it is counted for, what it adds to the figure
/// (<paramref name="Value"/>: 1 for a counted record, the people of a decision, a report's reach) and an amount in
/// exact VND where one belongs to it (an initiative's yearly benefit).
/// </summary>
public sealed record IndicatorRecord(string Kind, Guid Id, string Title, DateOnly? Date, Guid UnitId, decimal Value, decimal? Amount = null,
    string? Detail = null);

/// <summary>
/// Changes whenever the module saves a change one of its indicators could read (one implementation per module that
/// registers <see cref="IReportIndicatorSource"/>s, reading a change stamp of its schema, in the same assembly as its
/// sources): the plan dashboard keeps each module's figures under that module's value, so a write in any module shows
/// at the next dashboard read and recomputes only that module's figures.
/// </summary>
public interface IIndicatorDataStamp
{
    Task<Guid> ReadAsync(CancellationToken ct);
}
