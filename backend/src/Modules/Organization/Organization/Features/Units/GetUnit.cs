using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units;

/// <summary>One unit; 404 when it does not exist or lies outside the caller's scope.</summary>
public sealed record GetUnit : IQuery<UnitDetail>
{
    public const string Route = "/api/v1/organization/units/{id}";
    public static string For(Guid id) => $"/api/v1/organization/units/{id}";

    public Guid Id { get; init; }
    /// <summary>The day the member and worker counts are read as of (yyyy-MM-dd); today in Vietnam when omitted.</summary>
    public DateOnly? AsOf { get; init; }
}

internal sealed class GetUnitHandler(OrganizationDbContext db, TimeProvider clock) : IQueryHandler<GetUnit, UnitDetail>
{
    public async ValueTask<UnitDetail> Handle(GetUnit request, CancellationToken ct)
    {
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == request.Id).ProjectToType<UnitDetail>().FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException(Localized.Text("Unit", "đơn vị"), request.Id);
        var day = request.AsOf ?? VietnamTime.Today(clock);
        unit = unit with { Headcount = await Headcounts.Headcounts.OfUnitAsync(db, unit.Id, day, ct) };
        if (unit.ParentId is not { } parentId) return unit;
        // An ancestor's code and name are no secret (the caller's own breadcrumbs show them); only opening it needs scope.
        var parent = await db.Units.IgnoreQueryFilters(["scope"]).AsNoTracking().Where(u => u.Id == parentId)
            .Select(u => new { u.Code, u.Name }).FirstAsync(ct);
        var inScope = await db.Units.AnyAsync(u => u.Id == parentId, ct);
        return unit with { ParentCode = parent.Code, ParentName = parent.Name, ParentInScope = inScope };
    }
}

internal sealed class GetUnitEndpoint(IMediator mediator) : Endpoint<GetUnit, UnitDetail>
{
    public override void Configure()
    {
        Get(GetUnit.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "Get a unit (its ETag is the version to send back in If-Match)");
    }

    public override async Task HandleAsync(GetUnit req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
