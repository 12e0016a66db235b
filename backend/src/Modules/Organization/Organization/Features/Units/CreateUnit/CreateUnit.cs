using Khcn.Organization.Contracts;
using Mediator;

namespace Khcn.Organization.Features.Units.CreateUnit;

/// <summary>Creates a unit under a parent unit in the caller's scope (kind rules: a grassroots union sits under an upper-level union, which sits under the provincial federation).</summary>
public sealed record CreateUnit : ICommand<Guid>
{
    public const string Route = "/api/v1/organization/units";

    /// <summary>Short unique code, e.g. VANLAM.</summary>
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public UnitKind Kind { get; init; }
    /// <summary>Required for every kind but the provincial federation.</summary>
    public Guid? ParentId { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    /// <summary>The day the unit was established (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? EstablishedOn { get; init; }
}
