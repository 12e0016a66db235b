using Khcn.BuildingBlocks.Contracts;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mapster;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Units.ListUnits;

internal sealed class Handler(OrganizationDbContext db) : IQueryHandler<ListUnits, PagedResult<UnitListItem>>
{
    public async ValueTask<PagedResult<UnitListItem>> Handle(ListUnits request, CancellationToken ct)
    {
        IQueryable<UnionUnit> units = db.Units.AsNoTracking();
        if (request.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            units = units.WhereUnder(u => u.Path, path);
        }
        if (!request.IncludeInactive) units = units.Where(u => u.Status == UnitStatus.Active);
        if (request.ParentId is { } parentId) units = units.Where(u => u.ParentId == parentId);
        if (request.Kind is { } kind) units = units.Where(u => u.Kind == kind);
        units = units.WhereMatches(request.Q, u => u.SearchText);
        var desc = request.Descending();
        units = request.SortField() switch
        {
            "code" => desc ? units.OrderByDescending(u => u.Code) : units.OrderBy(u => u.Code),
            "kind" => desc ? units.OrderByDescending(u => u.Kind).ThenBy(u => u.Name) : units.OrderBy(u => u.Kind).ThenBy(u => u.Name),
            "depth" => desc ? units.OrderByDescending(u => u.Depth).ThenBy(u => u.Name) : units.OrderBy(u => u.Depth).ThenBy(u => u.Name),
            "name" => desc ? units.OrderByDescending(u => u.Name) : units.OrderBy(u => u.Name),
            _ => units.OrderBy(u => u.Depth).ThenBy(u => u.Name),
        };
        return await units.ProjectToType<UnitListItem>().ToPageAsync(request, ct);
    }
}
