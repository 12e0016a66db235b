using FastEndpoints;
using FluentValidation;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.History;

public sealed record UnitAsOf(Guid UnitId, string Code, string Name, UnitKind Kind, Guid? ParentId, UnitStatus Status);

public sealed record HierarchyAsOfResponse(DateOnly Date, IReadOnlyList<UnitAsOf> Items);

/// <summary>The hierarchy as it stood on a day ("as of 1/1/2024"): the units that existed then, with their names and parents of then.</summary>
public sealed record GetHierarchyAsOf : IQuery<HierarchyAsOfResponse>
{
    public const string Route = "/api/v1/organization/units/as-of";
    /// <summary>The day (yyyy-MM-dd).</summary>
    public DateOnly Date { get; init; }
}

internal sealed class GetHierarchyAsOfValidator : AbstractValidator<GetHierarchyAsOf>
{
    public GetHierarchyAsOfValidator() => RuleFor(x => x.Date).NotEmpty();
}

internal sealed class GetHierarchyAsOfHandler(OrganizationDbContext db) : IQueryHandler<GetHierarchyAsOf, HierarchyAsOfResponse>
{
    public async ValueTask<HierarchyAsOfResponse> Handle(GetHierarchyAsOf query, CancellationToken ct)
    {
        var day = query.Date;
        var visible = db.Units.Select(u => u.Id); // scope: today's visible units (merged units stay under their successor)
        var items = await db.UnitVersions.AsNoTracking()
            .Where(v => v.ValidFrom <= day && (v.ValidTo == null || v.ValidTo > day) && v.Status != UnitStatus.Dissolved && visible.Contains(v.UnitId))
            .OrderBy(v => v.Name)
            .Select(v => new UnitAsOf(v.UnitId, v.Code, v.Name, v.Kind, v.ParentId, v.Status))
            .ToListAsync(ct);
        return new HierarchyAsOfResponse(day, items.Where(i => i.Status == UnitStatus.Active).ToList());
    }
}

internal sealed class GetHierarchyAsOfEndpoint(IMediator mediator) : Endpoint<GetHierarchyAsOf, HierarchyAsOfResponse>
{
    public override void Configure()
    {
        Get(GetHierarchyAsOf.Route);
        Policies(Permission.UnitsRead);
        Summary(s => s.Summary = "The unit hierarchy as it stood on a given day");
    }

    public override async Task HandleAsync(GetHierarchyAsOf req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
