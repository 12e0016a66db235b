using System.Linq.Expressions;
using Khcn.IntegrationTests.Support;
using Khcn.Platform.Data;
using Khcn.Platform.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Khcn.IntegrationTests.Search;

/// <summary>Test-only changes of the index rows, made as the app makes them.</summary>
internal static class SearchIndexRows
{
    /// <summary>
    /// Deletes index rows (an index lost or emptied, to be rebuilt) through <c>SaveChanges</c>, so the index's change stamp is
    /// renewed as by every write of the app: a bulk <c>ExecuteDelete</c> bypasses the stamp, and the results kept in memory
    /// (<c>SearchResultsCache</c>) would rightly still answer from before.
    /// </summary>
    public static Task<int> DeleteAsync(ApiFactory api, Expression<Func<SearchEntry, bool>> which) => api.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PlatformDbContext>();
        db.SearchEntries.RemoveRange(await db.SearchEntries.Where(which).ToListAsync());
        return await db.SaveChangesAsync();
    });
}
