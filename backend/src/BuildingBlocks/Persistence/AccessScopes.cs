using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// One unit of one access scope: the rows under a <see cref="Security.AccessContext.ScopeKey"/> are the units that
/// key's users see. Every module database keeps its own (filled on demand by <see cref="AccessScopeInterceptor"/>),
/// so the scope filter is an indexed lookup — <c>UnitId IN (SELECT UnitId FROM access_scopes WHERE ScopeKey =
/// @key)</c> — whose SQL does not grow with the subtree (ADR 0004).
/// </summary>
public sealed class AccessScope : Domain.INotAudited
{
    public Guid ScopeKey { get; set; }
    public Guid UnitId { get; set; }
}

/// <summary>
/// Before a command that reads <c>access_scopes</c> runs, makes sure this database holds the rows of the caller's
/// scope key (one primary-key probe the first time a process meets a key; an insert of the ids when no one has
/// written them yet). Keys are hashes of their content, so rows once written are right forever and any replica may
/// write them; a write inside the caller's transaction is not remembered as done (a rollback would take it back).
/// </summary>
public sealed class AccessScopeInterceptor : DbCommandInterceptor
{
    public static readonly AccessScopeInterceptor Instance = new();

    private const string Table = "access_scopes";

    /// <summary>(database, key) pairs known to be written and committed.</summary>
    private static readonly ConcurrentDictionary<(string Database, Guid Key), byte> Written = new();

    private AccessScopeInterceptor() { }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        EnsureAsync(command, eventData, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, eventData, sync: false, cancellationToken);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        EnsureAsync(command, eventData, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, eventData, sync: false, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        EnsureAsync(command, eventData, sync: true, default).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnsureAsync(command, eventData, sync: false, cancellationToken);
        return result;
    }

    private static async Task EnsureAsync(DbCommand command, CommandEventData eventData, bool sync, CancellationToken ct)
    {
        if (eventData.Context is not ModuleDbContext context || context.ScopeKey is not { } key) return;
        if (!command.CommandText.Contains(Table, StringComparison.Ordinal)) return;
        var ids = context.Access.VisibleUnitIds;
        if (ids.Count == 0) return; // nothing to keep: the lookup finds no row, as it should
        var connection = command.Connection!;
        var database = (connection.DataSource + "|" + connection.Database + "|" + context.Schema, key);
        if (Written.ContainsKey(database)) return;

        var sqlite = connection is SqliteConnection;
        var table = sqlite ? $"\"{Table}\"" : $"[{context.Schema}].[{Table}]";
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = command.Transaction;
        var keyParameter = cmd.CreateParameter();
        keyParameter.ParameterName = "@key";
        // SQLite keeps Guids as upper-case text (EF's mapping); SQL Server as uniqueidentifier.
        keyParameter.Value = sqlite ? key.ToString().ToUpperInvariant() : key;
        cmd.Parameters.Add(keyParameter);
        cmd.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM {table} WHERE ScopeKey = @key LIMIT 1) AS k";
        if (!sqlite) cmd.CommandText = $"SELECT COUNT(*) FROM (SELECT TOP 1 1 AS x FROM {table} WHERE ScopeKey = @key) AS k";
        var found = Convert.ToInt32(sync ? cmd.ExecuteScalar() : await cmd.ExecuteScalarAsync(ct)) > 0;
        if (!found)
        {
            var idsParameter = cmd.CreateParameter();
            idsParameter.ParameterName = "@ids";
            idsParameter.DbType = DbType.String;
            idsParameter.Value = JsonSerializer.Serialize(sqlite ? ids.Select(i => i.ToString().ToUpperInvariant()) : ids.Select(i => i.ToString()));
            if (!sqlite) idsParameter.Size = -1; // nvarchar(max)
            cmd.Parameters.Add(idsParameter);
            // One statement, so the key's rows appear all at once or not at all.
            cmd.CommandText = sqlite
                ? $"INSERT OR IGNORE INTO {table} (ScopeKey, UnitId) SELECT @key, value FROM json_each(@ids)"
                : $"INSERT INTO {table} (ScopeKey, UnitId) SELECT @key, CAST([value] AS uniqueidentifier) FROM OPENJSON(@ids) " +
                  $"WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE ScopeKey = @key)";
            try
            {
                if (sync) cmd.ExecuteNonQuery();
                else await cmd.ExecuteNonQueryAsync(ct);
            }
            catch (SqlException e) when (e.Number is 2627 or 2601)
            {
                // Another replica wrote the same key at the same moment: the same rows, nothing to do.
            }
        }
        if (command.Transaction is null) Written.TryAdd(database, 0);
    }
}
