// The ADO.NET twin of the benchmarks (tests/perf/run.mjs): answers two of the app's requests with hand-written SQL on
// the same SQLite files, with the same JSON, so that `make perf` can print the app's throughput next to the limit.
//   GET /enterprises?unit={id}&page=&pageSize=     a page of the enterprises kept by a unit's subtree (by name)
//   GET /synthesis?period={id}                      the period's totals per indicator, sub-unit and kind of unit
// No authentication, no framework beyond Kestrel's minimal API: the cost of the query and of the JSON alone.
using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var dataDir = builder.Configuration["DataDir"] ?? throw new InvalidOperationException("DataDir is required");
var organization = new SqliteConnectionStringBuilder
{
    DataSource = Path.Combine(dataDir, "organization.db"), Mode = SqliteOpenMode.ReadOnly, Pooling = true,
}.ToString();
var app = builder.Build();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
var paths = new ConcurrentDictionary<Guid, string>();

async Task<SqliteConnection> OpenAsync()
{
    var c = new SqliteConnection(organization);
    await c.OpenAsync();
    return c;
}

async Task<string> PathOfAsync(SqliteConnection c, Guid unit)
{
    if (paths.TryGetValue(unit, out var known)) return known;
    await using var cmd = c.CreateCommand();
    cmd.CommandText = "SELECT Path FROM units WHERE Id = $id";
    cmd.Parameters.AddWithValue("$id", unit.ToString().ToUpperInvariant());
    return paths[unit] = (string)(await cmd.ExecuteScalarAsync())!;
}

static (string Low, string High) Range(string path) => (path, path[..^1] + "0");

app.MapGet("/enterprises", async (Guid unit, int? page, int? pageSize, HttpContext http) =>
{
    var size = pageSize ?? 20;
    var number = Math.Max(1, page ?? 1);
    await using var c = await OpenAsync();
    var (low, high) = Range(await PathOfAsync(c, unit));
    await using var cmd = c.CreateCommand();
    cmd.Parameters.AddWithValue("$low", low);
    cmd.Parameters.AddWithValue("$high", high);
    cmd.CommandText = "SELECT COUNT(*) FROM enterprises e JOIN units u ON u.Id = e.UnitId WHERE u.Path >= $low AND u.Path < $high";
    var total = Convert.ToInt32(await cmd.ExecuteScalarAsync());
    cmd.CommandText = """
        SELECT e.Id, e.Name, e.TaxCode, e.Ownership, e.Sector, e.District, e.IndustrialZone, e.UnitId, u.Name, e.GrassrootsUnitId
        FROM enterprises e JOIN units u ON u.Id = e.UnitId
        WHERE u.Path >= $low AND u.Path < $high
        ORDER BY e.Name LIMIT $take OFFSET $skip
        """;
    cmd.Parameters.AddWithValue("$take", size);
    cmd.Parameters.AddWithValue("$skip", (number - 1) * size);
    var items = new List<EnterpriseRow>(size);
    await using (var r = await cmd.ExecuteReaderAsync())
        while (await r.ReadAsync())
            items.Add(new EnterpriseRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetGuid(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetGuid(9), null));
    await http.Response.WriteAsJsonAsync(new PageOf<EnterpriseRow>(items, number, size, total), json);
});

app.MapGet("/synthesis", async (Guid period, HttpContext http) =>
{
    await using var c = await OpenAsync();
    await using var cmd = c.CreateCommand();
    cmd.Parameters.AddWithValue("$period", period.ToString().ToUpperInvariant());
    cmd.CommandText = "SELECT p.UnitId, u.Path FROM report_periods p JOIN units u ON u.Id = p.UnitId WHERE p.Id = $period";
    string periodUnit, path;
    await using (var r = await cmd.ExecuteReaderAsync())
    {
        await r.ReadAsync();
        (periodUnit, path) = (r.GetString(0), r.GetString(1));
    }
    var (low, high) = Range(path);
    cmd.Parameters.AddWithValue("$low", low);
    cmd.Parameters.AddWithValue("$high", high);
    cmd.Parameters.AddWithValue("$unit", periodUnit);
    cmd.Parameters.AddWithValue("$child", path.Length + 33);
    // Who reported, per sub-unit and kind of unit.
    cmd.CommandText = """
        SELECT CASE WHEN length(u.Path) <= length($low) THEN '' ELSE substr(u.Path, 1, $child) END AS k, u.Kind, COUNT(*),
               TOTAL(r.FirstSubmittedAtUtc IS NOT NULL AND NOT r.Late), TOTAL(r.FirstSubmittedAtUtc IS NOT NULL AND r.Late),
               TOTAL(r.FirstSubmittedAtUtc IS NULL), TOTAL(r.Status IS 'Accepted'), TOTAL(r.Status IS 'Submitted'), TOTAL(r.Status IS 'Returned')
        FROM units u LEFT JOIN annual_reports r ON r.UnitId = u.Id AND r.PeriodId = $period
        WHERE u.Path >= $low AND u.Path < $high AND u.Id <> $unit AND (u.Status = 'Active' OR r.Id IS NOT NULL)
        GROUP BY k, u.Kind
        """;
    var counts = new List<object>();
    await using (var r = await cmd.ExecuteReaderAsync())
        while (await r.ReadAsync())
            counts.Add(new { key = r.GetString(0), kind = r.GetString(1), expected = r.GetInt32(2), onTime = (int)r.GetDouble(3), late = (int)r.GetDouble(4),
                notSubmitted = (int)r.GetDouble(5), accepted = (int)r.GetDouble(6), awaitingReview = (int)r.GetDouble(7), returned = (int)r.GetDouble(8) });
    // The numbers of the counted reports, per sub-unit, kind of unit and indicator.
    cmd.CommandText = """
        SELECT CASE WHEN length(u.Path) <= length($low) THEN '' ELSE substr(u.Path, 1, $child) END AS k, u.Kind, v.IndicatorCode,
               SUM(v.Number), COUNT(*)
        FROM report_values v JOIN annual_reports r ON r.Id = v.ReportId JOIN units u ON u.Id = r.UnitId
        WHERE r.PeriodId = $period AND r.Status IN ('Submitted', 'Accepted') AND v.Number IS NOT NULL
          AND u.Path >= $low AND u.Path < $high AND u.Id <> $unit
        GROUP BY k, u.Kind, v.IndicatorCode
        """;
    var sums = new List<object>();
    await using (var r = await cmd.ExecuteReaderAsync())
        while (await r.ReadAsync())
            sums.Add(new { key = r.GetString(0), kind = r.GetString(1), code = r.GetString(2), total = r.GetDouble(3), reports = r.GetInt32(4) });
    await http.Response.WriteAsJsonAsync(new { counts, sums }, json);
});

app.Run();

internal sealed record EnterpriseRow(Guid Id, string Name, string TaxCode, string Ownership, string Sector, string District,
    string? IndustrialZone, Guid UnitId, string UnitName, Guid? GrassrootsUnitId, object? Figures);

internal sealed record PageOf<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total);
