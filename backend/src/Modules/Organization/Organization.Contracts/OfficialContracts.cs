using Mediator;

namespace Khcn.Organization.Contracts;

/// <summary>An official as another module needs them to nominate them (to a course…).</summary>
public sealed record OfficialForNomination(Guid Id, Guid UnitId, string FullName, string? Email, string Position);

/// <summary>
/// Officials by id, ignoring the caller's scope: the asking module checks scope itself over
/// <see cref="OfficialForNomination.UnitId"/>. Unknown ids are left out.
/// </summary>
public sealed record GetOfficialsForNomination(IReadOnlyCollection<Guid> OfficialIds) : IQuery<IReadOnlyList<OfficialForNomination>>;
