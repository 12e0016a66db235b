using Khcn.BuildingBlocks.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Khcn.BuildingBlocks.Persistence;

public static class PersistenceRegistration
{
    /// <summary>Reads <c>Database:*</c> and the top-level <c>DataDir</c> into <see cref="DatabaseOptions"/>.</summary>
    public static DatabaseOptions ReadDatabaseOptions(this IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        options.DataDir = Path.GetFullPath(configuration["DataDir"] ?? "data");
        return options;
    }

    /// <summary>The one way a module registers its DbContext: provider by configuration, its own schema and history table.</summary>
    public static IServiceCollection AddModuleDbContext<TContext>(this IServiceCollection services, IConfiguration configuration, string schema)
        where TContext : DbContext
    {
        var db = configuration.ReadDatabaseOptions();
        services.TryAddSingleton(db);
        services.TryAddSingleton<ChangeStampInterceptor>();
        services.TryAddSingleton<SearchPublishingInterceptor>();
        // The options are built once (singleton), not for every request's context: building them per scope cost
        // each request a provider lookup per module, and nothing in them depends on the request.
        services.AddDbContext<TContext>((sp, options) =>
        {
            Configure(options, db, schema);
            // Search documents first: the outbox rows they queue are part of what the auditing interceptor sees.
            options.AddInterceptors(sp.GetRequiredService<SearchPublishingInterceptor>(), sp.GetRequiredService<AuditingInterceptor>(),
                sp.GetRequiredService<ChangeStampInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<IModuleDbContext>(sp => (IModuleDbContext)sp.GetRequiredService<TContext>());
        services.AddSingleton(new ModuleDatabase(typeof(TContext), schema));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseOptions db, string schema)
    {
        var cs = db.ConnectionStringFor(schema);
        switch (db.Provider)
        {
            case DatabaseProvider.Sqlite:
                Directory.CreateDirectory(db.DataDir);
                options.UseSqlite(cs, o => o.MigrationsHistoryTable("__ef_migrations_history", schema));
                options.AddInterceptors(SqlitePragmas.Instance);
                // One file per module stands in for the schema; saying so at every start is noise.
                options.ConfigureWarnings(w => w.Ignore(SqliteEventId.SchemaConfiguredWarning));
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(cs, o =>
                {
                    o.MigrationsHistoryTable("__ef_migrations_history", schema);
                    o.EnableRetryOnFailure(3);
                    // A list of ids (e.g. a unit's ancestors) is one JSON parameter, whatever its size.
                    o.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter);
                });
                break;
        }
        options.AddInterceptors(AccessScopeInterceptor.Instance);
        options.ReplaceService<IMigrationsAssembly, ProviderMigrationsAssembly>();
        options.ConfigureWarnings(w => w.Ignore(CoreEventId.NoEntityTypeConfigurationsWarning));
    }
}

/// <summary>Lists the module databases for start-up migration and health checks.</summary>
public sealed record ModuleDatabase(Type ContextType, string Schema);

/// <summary>
/// dotnet-ef builds contexts through this at design time; <c>KHCN_EF_PROVIDER=SqlServer</c> selects the
/// SQL Server set (see backend/scripts/add-migration.sh).
/// </summary>
public abstract class DesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext> where TContext : DbContext
{
    protected abstract string Schema { get; }
    protected abstract TContext Create(DbContextOptions<TContext> options, AccessContext access);

    public TContext CreateDbContext(string[] args)
    {
        var provider = Enum.Parse<DatabaseProvider>(Environment.GetEnvironmentVariable("KHCN_EF_PROVIDER") ?? "Sqlite");
        return CreateFor(provider);
    }

    public TContext CreateFor(DatabaseProvider provider)
    {
        var db = new DatabaseOptions
        {
            Provider = provider,
            DataDir = Path.Combine(Path.GetTempPath(), "khcn-design"),
            SqlServer = "Server=localhost;Database=khcn_design;Trusted_Connection=True;TrustServerCertificate=True",
        };
        var builder = new DbContextOptionsBuilder<TContext>();
        PersistenceRegistration.Configure(builder, db, Schema);
        var access = new AccessContext();
        access.UseSystem();
        return Create(builder.Options, access);
    }
}
