using System.Net.Sockets;
using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;

namespace Khcn.IntegrationTests.Support;

/// <summary>SQL Server 2022 in one container for the run; a fresh database per test class.</summary>
internal static class TestEngine
{
    public const string Name = "SqlServer";

    private static readonly Lazy<Task<MsSqlContainer?>> Container = new(StartAsync);

    private static async Task<MsSqlContainer?> StartAsync()
    {
        if (!Docker.IsAvailable) return null;
        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync();
        return container;
    }

    public static async Task<IReadOnlyDictionary<string, string?>?> CreateDatabaseAsync(string name)
    {
        var container = await Container.Value;
        if (container is null) return null;
        var cs = new SqlConnectionStringBuilder(container.GetConnectionString()) { InitialCatalog = "khcn_" + name, TrustServerCertificate = true };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "SqlServer",
            ["Database:SqlServer"] = cs.ConnectionString,
        };
    }
}

/// <summary>Whether a Docker engine answers here (DOCKER_HOST or the local socket).</summary>
public static class Docker
{
    public static bool IsAvailable { get; } = Probe();

    private static bool Probe()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrEmpty(host) && !host.StartsWith("unix://", StringComparison.Ordinal)) return true;
        var path = string.IsNullOrEmpty(host) ? "/var/run/docker.sock" : host["unix://".Length..];
        if (!File.Exists(path)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>A test through the API on SQL Server; skipped, with the reason, where no Docker engine answers.</summary>
public sealed class ApiFactAttribute : FactAttribute
{
    public ApiFactAttribute(
        [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1) : base(sourceFilePath, sourceLineNumber)
    {
        SkipUnless = nameof(Docker.IsAvailable);
        SkipType = typeof(Docker);
        Skip = "No Docker engine on this machine: the SQL Server (Testcontainers) suite runs in the GitHub workflow.";
    }
}

/// <summary>A table-driven test through the API on SQL Server; skipped, with the reason, where no Docker engine answers.</summary>
public sealed class ApiTheoryAttribute : TheoryAttribute
{
    public ApiTheoryAttribute(
        [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
        [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1) : base(sourceFilePath, sourceLineNumber)
    {
        SkipUnless = nameof(Docker.IsAvailable);
        SkipType = typeof(Docker);
        Skip = "No Docker engine on this machine: the SQL Server (Testcontainers) suite runs in the GitHub workflow.";
    }
}
