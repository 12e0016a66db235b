namespace Khcn.BuildingBlocks.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>
/// <c>Database:Provider</c> picks the engine. SQLite (the embedded default) keeps one file per module under
/// <c>DataDir</c>, since it has no schemas; SQL Server keeps one database with a schema per module.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Connection string for SQL Server (ignored for SQLite).</summary>
    public string? SqlServer { get; set; }

    /// <summary>Apply migrations at start-up (on by default; replicas may turn it off and let one instance migrate).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Resolved from the top-level <c>DataDir</c> setting.</summary>
    public string DataDir { get; set; } = "data";

    public string ConnectionStringFor(string schema) => Provider switch
    {
        DatabaseProvider.Sqlite => $"Data Source={Path.Combine(DataDir, schema + ".db")};Pooling=True",
        DatabaseProvider.SqlServer => SqlServer ?? throw new InvalidOperationException(
            "Database:SqlServer (the connection string) is required when Database:Provider is SqlServer."),
        _ => throw new ArgumentOutOfRangeException(),
    };
}
