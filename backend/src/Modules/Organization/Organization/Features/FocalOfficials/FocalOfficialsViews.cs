using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;

namespace Khcn.Organization.Features.FocalOfficials;

public sealed record FocalAssignmentView(Guid Id, Guid OfficialId, string OfficialName, DateOnly StartedOn, DateOnly? EndedOn, string? AssignedBy);

public sealed record FocalOfficialsResponse(FocalAssignmentView? Current, IReadOnlyList<FocalAssignmentView> History);
