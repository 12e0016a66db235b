using Khcn.BuildingBlocks.Text;
using Khcn.Organization.Data;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Organization.Features.Labour;

/// <summary>The filters the enterprise list and the labour export share.</summary>
internal interface IEnterpriseSearch
{
    Guid? Within { get; }
    Ownership? Ownership { get; }
    Sector? Sector { get; }
    string? District { get; }
    string? Zone { get; }
    string? Q { get; }
}

internal static class EnterpriseSearch
{
    /// <summary>The enterprises in the caller's scope that match <paramref name="search"/> (not tracked, not ordered).</summary>
    public static async Task<IQueryable<Enterprise>> FindAsync(this OrganizationDbContext db, IEnterpriseSearch search, CancellationToken ct)
    {
        IQueryable<Enterprise> enterprises = db.Enterprises.AsNoTracking();
        if (search.Within is { } within)
        {
            var path = await db.SubtreePathOfAsync(within, ct);
            enterprises = enterprises.WhereUnder(e => e.Unit!.Path, path);
        }
        if (search.Ownership is { } ownership) enterprises = enterprises.Where(e => e.Ownership == ownership);
        if (search.Sector is { } sector) enterprises = enterprises.Where(e => e.Sector == sector);
        if (!string.IsNullOrWhiteSpace(search.District)) enterprises = enterprises.Where(e => e.District == search.District.Trim());
        if (!string.IsNullOrWhiteSpace(search.Zone)) enterprises = enterprises.Where(e => e.IndustrialZone == search.Zone.Trim());
        return enterprises.WhereMatches(search.Q, e => e.SearchText);
    }
}
