namespace Khcn.IntegrationTests.Support;

/// <summary>The embedded default: SQLite files in the factory's data folder.</summary>
internal static class TestEngine
{
    public const string Name = "Sqlite";

    public static Task<IReadOnlyDictionary<string, string?>?> CreateDatabaseAsync(string name) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>?>(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
}

/// <summary>A test through the API; on SQLite it always runs.</summary>
public sealed class ApiFactAttribute(
    [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
    [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1) : FactAttribute(sourceFilePath, sourceLineNumber);

/// <summary>A table-driven test through the API; on SQLite it always runs.</summary>
public sealed class ApiTheoryAttribute(
    [System.Runtime.CompilerServices.CallerFilePath] string? sourceFilePath = null,
    [System.Runtime.CompilerServices.CallerLineNumber] int sourceLineNumber = -1) : TheoryAttribute(sourceFilePath, sourceLineNumber);
