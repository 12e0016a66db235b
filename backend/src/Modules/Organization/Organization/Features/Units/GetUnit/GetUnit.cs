using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.GetUnit;

/// <summary>One unit; 404 when it does not exist or lies outside the caller's scope.</summary>
public sealed record GetUnit : IQuery<UnitDetail>
{
    public const string Route = "/api/v1/organization/units/{id}";
    public static string For(Guid id) => $"/api/v1/organization/units/{id}";

    public Guid Id { get; init; }
}

internal sealed class Handler(OrganizationDbContext db) : IQueryHandler<GetUnit, UnitDetail>
{
    public async ValueTask<UnitDetail> Handle(GetUnit request, CancellationToken ct) =>
        await db.Units.AsNoTracking().Where(u => u.Id == request.Id).ProjectToType<UnitDetail>().FirstOrDefaultAsync(ct)
        ?? throw new NotFoundException("Unit", request.Id);
}

internal sealed class Endpoint(IMediator mediator) : Endpoint<GetUnit, UnitDetail>
{
    public override void Configure()
    {
        Get(GetUnit.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a unit (its ETag is the version to send back in If-Match)");
    }

    public override async Task HandleAsync(GetUnit req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
