using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Khcn.BuildingBlocks.Persistence;

/// <summary>
/// Each module keeps two migration sets side by side, <c>Data/Migrations/Sqlite</c> and
/// <c>Data/Migrations/SqlServer</c>, for the same DbContext type. This picks the set (and snapshot) whose
/// namespace ends with the active provider, so one context class serves both engines.
/// </summary>
public sealed class ProviderMigrationsAssembly : IMigrationsAssembly
{
    private readonly Type _contextType;
    private readonly string _namespaceSuffix;
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;

    public ProviderMigrationsAssembly(ICurrentDbContext currentContext)
    {
        _contextType = currentContext.Context.GetType();
        Assembly = _contextType.Assembly;
        _namespaceSuffix = ".Migrations." + ProviderFolder(currentContext.Context.Database.ProviderName);
    }

    public static string ProviderFolder(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => "Sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer" => "SqlServer",
        _ => throw new NotSupportedException($"No migrations for provider {providerName}."),
    };

    public Assembly Assembly { get; }

    private bool Mine(TypeInfo t) =>
        t.Namespace?.EndsWith(_namespaceSuffix, StringComparison.Ordinal) == true
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == _contextType;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(Migration)) && Mine(t))
        .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
        .Where(x => x.Id is not null)
        .OrderBy(x => x.Id, StringComparer.Ordinal)
        .ToDictionary(x => x.Id!, x => x.Type);

    public ModelSnapshot? ModelSnapshot => Assembly.DefinedTypes
        .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && Mine(t))
        .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
        .FirstOrDefault();

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || string.Equals(id[(id.IndexOf('_') + 1)..], nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
