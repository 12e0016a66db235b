using FastEndpoints;
using Khcn.BuildingBlocks.Domain;
using Khcn.BuildingBlocks.Http;
using Khcn.BuildingBlocks.Security;
using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Contracts;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.FocalOfficials;

public sealed record FocalCoverageItem(Guid UnitId, string UnitCode, string UnitName, UnitKind Kind, Guid? OfficialId, string? OfficialName, DateOnly? Since);

public sealed record FocalCoverageResponse(int Total, int Covered, decimal Share, IReadOnlyList<FocalCoverageItem> Items);

/// <summary>
/// The plan indicator "share of upper-level unions with an active focal official" over the caller's scope (or a
/// unit's subtree), with the unions still without one listed first.
/// </summary>
public sealed record GetFocalCoverage : IQuery<FocalCoverageResponse>
{
    public const string Route = "/api/v1/organization/focal-officials/coverage";
    /// <summary>Only this unit and the units below it.</summary>
    public Guid? Within { get; init; }
}

internal sealed class GetFocalCoverageHandler(OrganizationDbContext db) : IQueryHandler<GetFocalCoverage, FocalCoverageResponse>
{
    private static readonly UnitKind[] UpperLevel = Enum.GetValues<UnitKind>().Where(UnitKindRules.IsUpperLevel).ToArray();

    public async ValueTask<FocalCoverageResponse> Handle(GetFocalCoverage query, CancellationToken ct)
    {
        var units = db.Units.AsNoTracking().Where(u => UpperLevel.Contains(u.Kind));
        if (query.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            units = units.WhereUnder(u => u.Path, path);
        }
        var rows = await units
            .Select(u => new
            {
                u.Id, u.Code, u.Name, u.Kind,
                Active = db.FocalAssignments.Where(a => a.UnitId == u.Id && a.EndedOn == null)
                    .Select(a => new { a.OfficialId, a.Official!.FullName, a.StartedOn }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows
            .Select(r => new FocalCoverageItem(r.Id, r.Code, r.Name, r.Kind, r.Active?.OfficialId, r.Active?.FullName, r.Active?.StartedOn))
            .OrderBy(i => i.OfficialId is not null).ThenBy(i => i.Kind).ThenBy(i => i.UnitName, StringComparer.Create(new System.Globalization.CultureInfo("vi-VN"), false))
            .ToList();
        var covered = items.Count(i => i.OfficialId is not null);
        var share = items.Count == 0 ? 0m : Math.Round((decimal)covered / items.Count, 4);
        return new FocalCoverageResponse(items.Count, covered, share, items);
    }
}

internal sealed class GetFocalCoverageEndpoint(IMediator mediator) : Endpoint<GetFocalCoverage, FocalCoverageResponse>
{
    public override void Configure()
    {
        Get(GetFocalCoverage.Route);
        Policies(Permission.RecordsRead);
        Summary(s => s.Summary = "Upper-level unions with and without a focal official (plan indicator)");
    }

    public override async Task HandleAsync(GetFocalCoverage req, CancellationToken ct) => await Send.OkAsync(await mediator.Send(req, ct), ct);
}
