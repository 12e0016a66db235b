using Khcn.BuildingBlocks.Persistence;
using Khcn.BuildingBlocks.Security;
using Khcn.Organization.Contracts;
using Khcn.Organization.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.Organization.Data;

/// <summary>One unit as the unit list shows it, with what its filters and sorts need.</summary>
internal sealed record UnitRow(
    Guid Id, string Code, string Name, UnitKind Kind, Guid? ParentId, string Path, int Depth, UnitStatus Status, string SearchText)
{
    /// <summary>The kind as stored (the database sorts kinds by this text).</summary>
    public string KindText { get; } = Kind.ToString();
}

/// <summary>
/// The whole hierarchy in memory (a few thousand small rows), read once per value of the
/// <see cref="AccessStamps.Units"/> stamp — which every saved unit change renews, on every replica. The unit list,
/// the most read screen of every level, is filtered, sorted and paged from it instead of three queries per page.
/// Scope rules stay the caller's: it filters the rows with <see cref="AccessContext.CanSee"/>.
/// </summary>
internal sealed class UnitCatalogue(IServiceScopeFactory scopes)
{
    private Snapshot _current = new(null, Task.FromResult(new UnitSet([])));

    /// <summary>Every unit (any status, no scope), as of <paramref name="stamp"/> or newer.</summary>
    public Task<UnitSet> AllAsync(Guid stamp)
    {
        var snapshot = Volatile.Read(ref _current);
        if (snapshot.Stamp == stamp && !snapshot.Rows.IsFaulted && !snapshot.Rows.IsCanceled) return snapshot.Rows;
        // One load per stamp, shared by the requests that arrive meanwhile. It runs in its own scope, so no
        // request's end (or abort) can break it; a failed load is retried by the next request.
        var fresh = new Snapshot(stamp, LoadAsync());
        var won = Interlocked.CompareExchange(ref _current, fresh, snapshot);
        return won == snapshot ? fresh.Rows : won.Stamp == stamp ? won.Rows : fresh.Rows;
    }

    private async Task<UnitSet> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrganizationDbContext>();
        return new(await db.Units.IgnoreQueryFilters().AsNoTracking()
            .Select(u => new UnitRow(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.Path, u.Depth, u.Status, u.SearchText))
            .ToListAsync(CancellationToken.None));
    }

    private sealed record Snapshot(Guid? Stamp, Task<UnitSet> Rows);
}

/// <summary>The units of one snapshot, with a lookup by id (built once per snapshot, not per request).</summary>
internal sealed class UnitSet(IReadOnlyList<UnitRow> rows)
{
    public IReadOnlyList<UnitRow> Rows { get; } = rows;
    public IReadOnlyDictionary<Guid, UnitRow> ById { get; } = rows.ToDictionary(u => u.Id);
}

internal static class UnitCatalogueExtensions
{
    /// <summary>The stamp this request's access was read under, or the current one.</summary>
    public static async Task<Guid> UnitsStampAsync(this OrganizationDbContext db, CancellationToken ct) =>
        db.Access.UnitsStamp ?? await db.ReadChangeStampAsync(AccessStamps.Units, ct);
}
