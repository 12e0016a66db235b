using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Access;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.FocalOfficials;

/// <summary>The KH,CN&amp;ĐMST focal official of an upper-level union, and who held the role before (newest first).</summary>
public sealed record GetFocalOfficials : IQuery<FocalOfficialsResponse>
{
    public const string Route = "/api/v1/organization/units/{id}/focal-officials";
    public static string For(Guid unitId) => $"/api/v1/organization/units/{unitId}/focal-officials";
    public Guid Id { get; init; }
}

internal sealed class GetFocalOfficialsHandler(OrganizationDbContext db) : IQueryHandler<GetFocalOfficials, FocalOfficialsResponse>
{
    public async ValueTask<FocalOfficialsResponse> Handle(GetFocalOfficials query, CancellationToken ct)
    {
        await UnitAccess.ExistingAsync(db, query.Id, ct);
        var history = await db.FocalAssignments.AsNoTracking().Where(a => a.UnitId == query.Id)
            .OrderByDescending(a => a.StartedOn).ThenByDescending(a => a.CreatedAtUtc)
            .Select(a => new FocalAssignmentView(a.Id, a.OfficialId, a.Official!.FullName, a.StartedOn, a.EndedOn, a.AssignedBy))
            .ToListAsync(ct);
        return new FocalOfficialsResponse(history.FirstOrDefault(a => a.EndedOn is null), history);
    }
}

internal sealed class GetFocalOfficialsEndpoint(IMediator mediator) : Endpoint<GetFocalOfficials, FocalOfficialsResponse>
{
    public override void Configure()
    {
        Get(GetFocalOfficials.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "The focal official of an upper-level union and the history of the role");
    }

    public override async Task HandleAsync(GetFocalOfficials req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
