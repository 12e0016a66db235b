using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// WAL lets readers run beside the writer; synchronous=FULL makes an acknowledged commit survive a power cut;
/// busy_timeout makes concurrent writers wait instead of failing at once; foreign keys are enforced.
/// These are settings of the native connection, which the provider's pool keeps open and hands out again: they
/// are set once per native connection, not on every open (EF opens the connection for each query, and running
/// four pragmas each time cost more than the query itself on small reads).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    /// <summary>The native connections already set up (weak: a handle the pool closes is forgotten with it).</summary>
    private static readonly ConditionalWeakTable<object, object> Prepared = new();

    private SqlitePragmas() { }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
        Remember(handle);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle)) return;
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        Remember(handle);
    }

    private static bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as SqliteConnection)?.Handle;
        return handle is null || !Prepared.TryGetValue(handle, out _);
    }

    private static void Remember(object? handle)
    {
        if (handle is not null) Prepared.AddOrUpdate(handle, Prepared);
    }
}
