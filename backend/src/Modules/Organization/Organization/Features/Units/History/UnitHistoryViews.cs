using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.Units.History;

public sealed record UnitVersionView(DateOnly ValidFrom, DateOnly? ValidTo, string Code, string Name, UnitKind Kind, Guid? ParentId,
    string? ParentName, UnitStatus Status, Guid? SuccessorId)
{
    /// <summary>The unit(s) that succeeded it: the one it merged into, or every unit a split divided it between (names of today).</summary>
    public IReadOnlyList<UnitSuccessorView> Successors { get; init; } = [];
}

/// <summary>A successor of a merged or split unit; <c>ReceivesRecords</c> marks the one that holds the unit's own records.</summary>
public sealed record UnitSuccessorView(Guid Id, string Code, string Name, bool ReceivesRecords);
