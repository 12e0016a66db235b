using System.Linq.Expressions;
using System.Reflection;

namespace Khcn.Organization.Data;

/// <summary>
/// The one way to query "this unit and everything below it" on the materialised path ("/a/b/c/", lower-case hex
/// ids). A plain <c>Path.StartsWith(prefix)</c> becomes <c>LIKE prefix || '%'</c>, which SQLite cannot answer from
/// the path index (its LIKE ignores case; the index compares bytes): every subtree query read the whole table.
/// Here the path is bounded by a range instead — a path starts with the prefix exactly when it lies in [prefix,
/// prefix with its last '/' raised to '0'), paths being '/' and hex digits compared by code point (SQLite's binary
/// collation; a binary collation on SQL Server, see OrganizationDbContext) — which both engines seek in the index.
/// </summary>
internal static class UnitPaths
{
    private static readonly MethodInfo Compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary>Rows whose unit path (<paramref name="pathOf"/>) lies in the subtree whose root has path <paramref name="prefix"/>.</summary>
    public static IQueryable<T> WhereUnder<T>(this IQueryable<T> source, Expression<Func<T, string>> pathOf, string prefix)
    {
        if (prefix.Length == 0 || prefix[^1] != '/') throw new ArgumentException("A unit path ends with '/'.", nameof(prefix));
        var bounds = new Bounds(prefix, prefix[..^1] + (char)('/' + 1));
        // Member reads of a captured object, so EF sends parameters and keeps one cached query for every subtree.
        var box = Expression.Constant(bounds);
        var low = Expression.Property(box, nameof(Bounds.Low));
        var high = Expression.Property(box, nameof(Bounds.High));
        var path = pathOf.Body;
        var zero = Expression.Constant(0);
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(Compare, path, low), zero),
            Expression.LessThan(Expression.Call(Compare, path, high), zero));
        return source.Where(Expression.Lambda<Func<T, bool>>(body, pathOf.Parameters));
    }

    private sealed record Bounds(string Low, string High);
}
