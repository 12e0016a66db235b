using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;
using Khcn.Participation.Domain;
using Mediator;

namespace Khcn.Participation.Features.Emulation;

/// <summary>A unit named for display.</summary>
public sealed record UnitRef(Guid Id, string Name);

public sealed record CriterionView(Guid Id, int Order, string Name, decimal MaxPoints, string Evidence);

public sealed record ClosedYearView(int Year, string ClosedBy, DateTime ClosedAt);

/// <summary>A movement as its reader sees it; <c>canManage</c> when the caller's unit launched it (edit, close a year).</summary>
public sealed record MovementDetail(Guid Id, Guid UnitId, string UnitName, string Name, MovementKind Kind, MovementTarget Target, int FromYear, int? ToYear,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, DateOnly RegistrationDeadline, ParticipantsMode Participants, IReadOnlyList<UnitRef> ChosenUnits,
    IReadOnlyList<CriterionView> Criteria, decimal MaxTotal, IReadOnlyList<ClosedYearView> ClosedYears, string LaunchedBy, bool CanManage,
    long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record MovementListItem(Guid Id, string Name, Guid UnitId, string UnitName, MovementKind Kind, MovementTarget Target, int FromYear, int? ToYear,
    int Criteria, decimal MaxTotal, IReadOnlyList<int> ClosedYears);

/// <summary>A cluster of a year; <c>locked</c> once its unit has closed a movement's year (the ranking stands on it).</summary>
public sealed record ClusterDetail(Guid Id, Guid UnitId, string UnitName, int Year, string Name, ClusterKind Kind, UnitRef LeadingUnit,
    IReadOnlyList<UnitRef> Members, bool CanManage, bool Locked, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

public sealed record EvidenceView(EvidenceKind Kind, Guid? RecordId, string Label, string? Url);

/// <summary>One criterion of a registration: the unit's score with its evidence, the upper unit's adjustment, the final points.</summary>
public sealed record RegistrationCriterionView(Guid CriterionId, int Order, string Name, decimal MaxPoints, string EvidenceHint,
    decimal? SelfPoints, string? SelfNote, decimal? ReviewedPoints, string? ReviewComment, decimal? FinalPoints, IReadOnlyList<EvidenceView> Evidence);

public sealed record RegisteredPersonView(Guid OfficialId, string FullName, string AimedTitle);

/// <summary>
/// A unit's registration for a movement's year. <c>canScore</c>: the unit may (re)score itself; <c>canReview</c>: the
/// caller is the upper unit and may adjust; <c>closed</c>: the year is closed and nothing changes.
/// </summary>
public sealed record RegistrationDetail(Guid Id, Guid MovementId, string MovementName, Guid UnitId, string UnitName, int Year, DateOnly Deadline,
    DateOnly RegisteredOn, bool Late, string Targets, string? AimedTitles, string RegisteredBy, RegistrationStatus Status,
    IReadOnlyList<RegisteredPersonView> People, IReadOnlyList<RegistrationCriterionView> Criteria, decimal Total, decimal MaxTotal,
    string? ReviewedBy, DateTime? ReviewedAt, bool Closed, bool CanScore, bool CanReview, IReadOnlyList<RegistrationReviewerView> Reviewers,
    long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned;

/// <summary>Why a unit reviews a registration: it is the registering unit's parent, or it leads the unit's cluster that year.</summary>
public enum ReviewerRole { UpperUnit, ClusterLeader }

/// <summary>A unit whose emulation officers may review the registration.</summary>
public sealed record RegistrationReviewerView(Guid UnitId, string UnitName, ReviewerRole Role);

public sealed record RegistrationListItem(Guid Id, Guid MovementId, string MovementName, Guid UnitId, string UnitName, int Year, DateOnly RegisteredOn,
    bool Late, RegistrationStatus Status, decimal Total, bool ClusterLed = false);

public sealed record RankingRow(int Rank, bool Tied, Guid UnitId, string UnitName, Guid? RegistrationId, decimal Total, bool Late,
    RegistrationStatus Status, IReadOnlyList<decimal> Points);

public sealed record ClusterRanking(Guid ClusterId, string Name, ClusterKind Kind, string LeadingUnitName, IReadOnlyList<RankingRow> Rows,
    IReadOnlyList<UnitRef> NotRegistered);

/// <summary>
/// The ranking of a movement's year, cluster by cluster. <c>final</c> once the launching unit has closed the year
/// (before that it is provisional); <c>tieRule</c> states how equal totals are ordered.
/// </summary>
public sealed record RankingView(Guid MovementId, string MovementName, int Year, bool Final, string TieRule, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<ClusterRanking> Clusters);

internal static class EmulationViews
{
    public static IReadOnlyList<CriterionView> ToViews(this IEnumerable<MovementCriterion> criteria) =>
        criteria.OrderBy(c => c.Order).Select(c => new CriterionView(c.Id, c.Order, c.Name, c.MaxPoints, c.Evidence)).ToList();

    public static ClusterDetail ToDetail(this EmulationCluster c, IReadOnlyDictionary<Guid, string> names, bool canManage, bool locked) =>
        new(c.Id, c.UnitId, names.GetValueOrDefault(c.UnitId, ""), c.Year, c.Name, c.Kind,
            new UnitRef(c.LeadingUnitId, names.GetValueOrDefault(c.LeadingUnitId, "")),
            c.Members.Select(m => new UnitRef(m.UnitId, names.GetValueOrDefault(m.UnitId, ""))).OrderBy(u => u.Name).ToList(),
            canManage, locked, c.Version, c.CreatedAtUtc, c.UpdatedAtUtc);

    /// <summary>Names of units by id (ignoring scope: labels of records already authorised).</summary>
    public static async Task<Dictionary<Guid, string>> UnitNamesAsync(this IMediator mediator, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return list.Count == 0 ? [] : (await mediator.Send(new GetUnitSummaries(list), ct)).ToDictionary(u => u.Id, u => u.Name);
    }
}
