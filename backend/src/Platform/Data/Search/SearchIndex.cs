using System.Data.Common;
using System.Text;
using System.Text.Json;
using Khcn.BuildingBlocks.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Khcn.Platform.Data.Search;

/// <summary>What the caller may find of one kind (built by <c>SearchScope</c> from the access context).</summary>
internal sealed record KindScope(string Kind, bool All = false, IReadOnlyList<Guid>? Units = null,
    IReadOnlyList<Guid>? Above = null, Guid? Agency = null);

internal sealed record SearchFilter(IReadOnlyList<string> Words, string? Kind, IReadOnlyList<Guid>? Within,
    IReadOnlyList<KindScope> Scopes, int Skip, int Take);

internal sealed class SearchRow
{
    public string Kind { get; set; } = "";
    public Guid RecordId { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Status { get; set; }
    public DateOnly? Date { get; set; }
    public string Link { get; set; } = "";
    public double Score { get; set; }
}

internal sealed class KindCount
{
    public string Kind { get; set; } = "";
    public int Count { get; set; }
}

/// <summary>
/// The full-text query of the search index on each provider (ADR 0014): SQLite's FTS5 table <c>search_fts</c>
/// (kept by triggers), SQL Server's full-text index (CONTAINSTABLE) — or, where SQL Server has no full-text
/// search installed, LIKE over the folded text. The scope is part of the statement, so neither the page nor the
/// counts by kind can hold anything the caller may not see. On SQLite the matches are filtered, counted and ranked on
/// the narrow rows of <c>search_filters</c> (kept by triggers beside <c>search_fts</c>) and only the page's rows are
/// read from <c>search_documents</c> (ADR 0014, amendment "narrow rows").
/// </summary>
internal static class SearchIndex
{
    /// <summary>
    /// The index's change stamp: renewed in the same transaction as any saved change of a document (indexed, updated,
    /// removed, rebuilt), so the results kept in memory (<c>SearchResultsCache</c>) are dropped on every replica at once.
    /// </summary>
    public const string Stamp = "platform.search";

    private static bool? _sqlServerFullText;

    public static async Task<(List<SearchRow> Rows, List<KindCount> Counts)> QueryAsync(PlatformDbContext db, SearchFilter f, CancellationToken ct)
    {
        if (f.Words.Count == 0 || f.Scopes.Count == 0) return ([], []);
        var sqlServer = db.Database.ProviderName?.EndsWith("SqlServer", StringComparison.Ordinal) == true;
        var fullText = sqlServer && await SqlServerHasFullTextAsync(db, ct);
        var q = new Statement(db, sqlServer);

        string from, score;
        var where = new StringBuilder(sqlServer ? "d.Removed = 0" : "1 = 1");
        if (!sqlServer)
        {
            // search_filters (migration SearchFilterRowsBesideFts): the kind, unit, reach and agency of each document not
            // removed, ~50 bytes a row, so filtering and counting every match reads no title, body or folded text.
            from = "search_fts JOIN search_filters d ON d.Id = search_fts.rowid";
            where.Append(" AND search_fts MATCH ").Append(q.Add(string.Join(" AND ", f.Words.Select(w => $"\"{w}\"*"))));
            score = "-bm25(search_fts, 10.0, 1.0)";
        }
        else if (fullText)
        {
            var match = q.Add(string.Join(" AND ", f.Words.Select(w => $"\"{w}*\"")));
            from = $"platform.search_documents d JOIN CONTAINSTABLE(platform.search_documents, FoldedText, {match}) a ON a.[KEY] = d.Id "
                 + $"LEFT JOIN CONTAINSTABLE(platform.search_documents, FoldedTitle, {match}) t ON t.[KEY] = d.Id";
            score = "CAST(ISNULL(t.[RANK], 0) * 10 + a.[RANK] AS float)";
        }
        else
        {
            from = "platform.search_documents d";
            var title = new List<string>();
            foreach (var w in f.Words)
            {
                var p = q.Add($"%{w}%");
                where.Append($" AND d.FoldedText LIKE {p}");
                title.Add($"CASE WHEN d.FoldedTitle LIKE {p} THEN 10 ELSE 0 END");
            }
            score = $"CAST({string.Join(" + ", title)} + 1 AS float)";
        }

        where.Append(" AND (").Append(ScopesSql(q, f.Scopes)).Append(')');
        if (f.Within is not null) where.Append(" AND d.UnitId IN (").Append(q.List(f.Within)).Append(')');

        // Only fixed fragments, parameter names and integers are composed into the statements; every value is a parameter.
        var countSql = $"SELECT d.Kind AS Kind, COUNT(*) AS Count FROM {from} WHERE {where} GROUP BY d.Kind";
        var counts = await db.Database.SqlQueryRaw<KindCount>(countSql, q.Parameters()).ToListAsync(ct);

        var kind = f.Kind is null ? "" : $" AND d.Kind = {q.Add(f.Kind)}";
        string pageSql;
        if (sqlServer)
            pageSql = "SELECT d.Kind AS Kind, d.RecordId AS RecordId, d.Title AS Title, d.Body AS Body, d.Status AS Status, d.Date AS Date, "
                + $"d.Link AS Link, {score} AS Score FROM {from} WHERE {where}{kind} ORDER BY Score DESC, d.Id "
                + $"OFFSET {f.Skip} ROWS FETCH NEXT {f.Take} ROWS ONLY";
        else
            // The page is ranked and cut on the narrow rows; only its rows are read from search_documents.
            pageSql = "SELECT x.Kind AS Kind, x.RecordId AS RecordId, x.Title AS Title, x.Body AS Body, x.Status AS Status, x.Date AS Date, "
                + $"x.Link AS Link, p.Score AS Score FROM (SELECT d.Id AS Id, {score} AS Score FROM {from} WHERE {where}{kind} "
                + $"ORDER BY Score DESC, d.Id LIMIT {f.Take} OFFSET {f.Skip}) p JOIN search_documents x ON x.Id = p.Id ORDER BY p.Score DESC, p.Id";
        var rows = await db.Database.SqlQueryRaw<SearchRow>(pageSql, q.Parameters()).ToListAsync(ct);
        return (rows, counts);
    }

    /// <summary>
    /// The scopes as one predicate, kinds with the same rule sharing one branch (<c>d.Kind IN (…)</c>): a district
    /// officer's eight kinds usually hold the same units, so a match is tested against one unit list, not eight.
    /// </summary>
    private static string ScopesSql(Statement q, IReadOnlyList<KindScope> scopes) => string.Join(" OR ", scopes
        .GroupBy(s => $"{s.All}|{Ids(s.Units)}|{Ids(s.Above)}|{s.Agency}")
        .Select(g => ScopeSql(q, g.First(), g.Select(s => s.Kind).ToList())));

    private static string Ids(IReadOnlyList<Guid>? ids) => ids is null ? "" : string.Join(',', ids);

    private static string ScopeSql(Statement q, KindScope s, IReadOnlyList<string> kinds)
    {
        var kind = kinds.Count == 1 ? $"d.Kind = {q.Add(kinds[0])}" : $"d.Kind IN ({string.Join(", ", kinds.Select(k => q.Add(k)))})";
        if (s.All) return $"({kind})";
        var parts = new List<string>();
        if (s.Units is { Count: > 0 }) parts.Add($"d.UnitId IN ({q.List(s.Units)})");
        if (s.Above is { Count: > 0 }) parts.Add($"(d.Reach = {(int)SearchReach.Downward} AND d.UnitId IN ({q.List(s.Above)}))");
        if (s.Agency is { } agency) parts.Add($"d.AgencyId = {q.Add(q.Guid(agency))}");
        return parts.Count == 0 ? "(1 = 0)" : $"({kind} AND ({string.Join(" OR ", parts)}))";
    }

    private static async Task<bool> SqlServerHasFullTextAsync(PlatformDbContext db, CancellationToken ct) =>
        _sqlServerFullText ??= await db.Database.SqlQueryRaw<int>(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('platform.search_documents')) THEN 1 ELSE 0 END AS Value")
            .SingleAsync(ct) == 1;

    /// <summary>A statement's parameters, named in order; id lists travel as one JSON parameter each, whatever their size.</summary>
    private sealed class Statement(PlatformDbContext db, bool sqlServer)
    {
        private readonly List<(string Name, object Value)> _values = [];
        private readonly Dictionary<string, string> _lists = [];

        public string Add(object value)
        {
            var name = $"@s{_values.Count}";
            _values.Add((name, value));
            return name;
        }

        /// <summary>SQLite keeps EF's Guids as upper-case text; SQL Server as uniqueidentifier.</summary>
        public object Guid(Guid id) => sqlServer ? id : id.ToString().ToUpperInvariant();

        public string List(IReadOnlyList<Guid> ids)
        {
            var json = JsonSerializer.Serialize(ids.Select(i => i.ToString().ToUpperInvariant()));
            if (!_lists.TryGetValue(json, out var name)) _lists[json] = name = Add(json);
            return sqlServer ? $"SELECT CAST([value] AS uniqueidentifier) FROM OPENJSON({name})" : $"SELECT value FROM json_each({name})";
        }

        public object[] Parameters()
        {
            using var command = db.Database.GetDbConnection().CreateCommand();
            return _values.Select(v =>
            {
                DbParameter p = command.CreateParameter();
                p.ParameterName = v.Name;
                p.Value = v.Value;
                return (object)p;
            }).ToArray();
        }
    }
}
