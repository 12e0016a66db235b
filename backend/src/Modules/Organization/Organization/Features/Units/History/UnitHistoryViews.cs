using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.Units.History;

public sealed record UnitVersionView(DateOnly ValidFrom, DateOnly? ValidTo, string Code, string Name, UnitKind Kind, Guid? ParentId,
    string? ParentName, UnitStatus Status, Guid? SuccessorId);
