using System.Linq.Expressions;

namespace Khcn.BuildingBlocks.Text;

/// <summary>
/// The one text search of every list: each word of the query (folded like the stored search column) must appear
/// in the record's folded SearchText, in any order — "sang kien cai tien" finds "sáng kiến, cải tiến".
/// </summary>
public static class TextSearch
{
    private static readonly char[] Separators = [' ', ',', '.', ';', ':', '-', '/', '(', ')', '"', '\'', '\t', '\n', '\r'];

    public static IReadOnlyList<string> Words(string? query) =>
        VietnameseText.Fold(query).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(10).ToList();

    /// <summary>The same rule in memory: every word of <paramref name="words"/> (from <see cref="Words"/>) is in the folded text.</summary>
    public static bool Matches(string searchText, IReadOnlyList<string> words) =>
        words.All(w => searchText.Contains(w, StringComparison.Ordinal));

    public static IQueryable<T> WhereMatches<T>(this IQueryable<T> source, string? query, Expression<Func<T, string>> searchText)
    {
        foreach (var word in Words(query))
        {
            var contains = Expression.Call(searchText.Body, nameof(string.Contains), Type.EmptyTypes, Expression.Constant(word));
            source = source.Where(Expression.Lambda<Func<T, bool>>(contains, searchText.Parameters));
        }
        return source;
    }
}
