using Khcn.BuildingBlocks.Contracts;
using Mediator;

namespace Khcn.Organization.Contracts;

/// <summary>The kinds of trade-union unit: the provincial federation, the upper-level unions directly above grassroots (district, sectoral, civil-servants, industrial-zone) and grassroots unions.</summary>
public enum UnitKind
{
    ProvincialFederation,
    DistrictFederation,
    SectoralUnion,
    CivilServantsUnion,
    IndustrialZoneUnion,
    Grassroots,
}

/// <summary>Published when a unit is created; other modules keep what they need of it.</summary>
public sealed record UnitCreated(Guid EventId, DateTime OccurredAtUtc, Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId)
    : IIntegrationEvent;

/// <summary>A sub-unit that, by a split, now sits under a successor of the split unit.</summary>
public sealed record SplitSubUnit(Guid UnitId, Guid NewParentId);

/// <summary>
/// Published when a unit is split between successors from <paramref name="EffectiveOn"/>: its direct sub-units now sit under
/// the successors named in <paramref name="SubUnits"/>, and the split unit itself (with its records) under
/// <paramref name="RecordsSuccessorId"/>. New successors are announced first by their own <see cref="UnitCreated"/>.
/// </summary>
public sealed record UnitSplit(Guid EventId, DateTime OccurredAtUtc, Guid UnitId, DateOnly EffectiveOn, Guid RecordsSuccessorId,
    IReadOnlyList<Guid> SuccessorIds, IReadOnlyList<SplitSubUnit> SubUnits) : IIntegrationEvent;

public sealed record UnitSummary(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId);

/// <summary>Names and codes of units by id, ignoring the caller's scope (for labels of records already authorised).</summary>
public sealed record GetUnitSummaries(IReadOnlyCollection<Guid> UnitIds) : IQuery<IReadOnlyList<UnitSummary>>;

/// <summary>A unit of a subtree and its branch: the direct child of the subtree's root it lies under (null for the root itself).</summary>
public sealed record SubtreeUnit(Guid UnitId, Guid? BranchId);

/// <summary>
/// The units of a unit's subtree, itself included, as the hierarchy stands now, ignoring scope (callers have
/// authorised the root already); empty when there is no such unit. For totals rolled up over a subtree.
/// </summary>
public sealed record GetSubtreeUnitIds(Guid UnitId) : IQuery<IReadOnlyList<SubtreeUnit>>;

/// <summary>A unit by its code (seeding and imports), ignoring scope.</summary>
public sealed record FindUnitByCode(string Code) : IQuery<UnitSummary?>;

/// <summary>The root of the hierarchy (the provincial federation), if any.</summary>
public sealed record GetRootUnit : IQuery<UnitSummary?>;

/// <summary>Political theory training of an official (lý luận chính trị).</summary>
public enum PoliticalTheoryLevel
{
    None,
    Elementary,
    Intermediate,
    Advanced,
    Bachelor,
}

/// <summary>Active units take part; merged units live on under their successor; dissolved units only in history.</summary>
public enum UnitStatus
{
    Active,
    Merged,
    Dissolved,
    /// <summary>Divided between two or more successor units; its records roll up to the one that received them.</summary>
    Split,
}

/// <summary>
/// A figure the system already knows and an annual report can be pre-filled with (an indicator whose template
/// <c>source</c> is <see cref="Key"/>). Modules contribute theirs (trained officials, initiatives, funding, …)
/// by registering an implementation; values are per unit and reported year. It is the one definition of the
/// indicator: the annual report's pre-fill, its synthesis and the plan dashboard all read it.
/// <para>A value is the unit's <b>own</b> figure (the records attributed to that unit), never its subtree's: the
/// synthesis adds up the reports of a subtree and the dashboard adds up the values of a subtree, so a value that
/// already held its sub-units would be counted twice. A unit with nothing to say may be left out of the result.</para>
/// </summary>
public interface IReportIndicatorSource
{
    string Key { get; }

    /// <summary>What the figure is, for whoever designs a template; in the caller's language (read it inside the request).</summary>
    string Description { get; }

    Task<IReadOnlyDictionary<Guid, decimal>> ValuesAsync(IReadOnlyCollection<Guid> unitIds, int year, CancellationToken ct);
}
