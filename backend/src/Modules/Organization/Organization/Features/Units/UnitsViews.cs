using Khcn.BuildingBlocks.Http;
using Khcn.Organization.Contracts;

namespace Khcn.Organization.Features.Units;

public sealed record UnitListItem(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? ParentName, int Depth, UnitStatus Status);

public sealed record UnitTreeNode(Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId);

public sealed record UnitDetail(
    Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string? ParentName,
    string? Address, string? Phone, string? Email, UnitStatus Status, Guid? SuccessorId, long Version, DateTime CreatedAt, DateTime UpdatedAt) : IVersioned
{
    /// <summary>Member and worker counts as of the day asked (the latest record on or before it); null when none yet.</summary>
    public Headcounts.HeadcountAsOf? Headcount { get; init; }
    /// <summary>The parent's code; like its name, given even when the parent lies above the caller's scope (as in the breadcrumbs).</summary>
    public string? ParentCode { get; init; }
    /// <summary>Whether the caller may open the parent; false when it lies above the caller's scope.</summary>
    public bool ParentInScope { get; init; }
}
