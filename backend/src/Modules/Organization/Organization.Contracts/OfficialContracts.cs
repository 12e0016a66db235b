using Mediator;

namespace Khcn.Organization.Contracts;

/// <summary>An official as another module needs them to nominate them (to a course…).</summary>
public sealed record OfficialForNomination(Guid Id, Guid UnitId, string FullName, string? Email, string Position);

/// <summary>
/// Officials by id, ignoring the caller's scope: the asking module checks scope itself over
/// <see cref="OfficialForNomination.UnitId"/>. Unknown ids are left out.
/// </summary>
public sealed record GetOfficialsForNomination(IReadOnlyCollection<Guid> OfficialIds) : IQuery<IReadOnlyList<OfficialForNomination>>;

/// <summary>The officials of these units, ignoring the caller's scope (demo data, imports).</summary>
public sealed record GetOfficialsOfUnits(IReadOnlyCollection<Guid> UnitIds) : IQuery<IReadOnlyList<OfficialForNomination>>;

/// <summary>The officials with this e-mail (case ignored), ignoring the caller's scope.</summary>
public sealed record FindOfficialsByEmail(string Email) : IQuery<IReadOnlyList<OfficialForNomination>>;
