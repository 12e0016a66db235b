using System.Reflection;
using FluentValidation;
using Khcn.BuildingBlocks.Messaging;
using Khcn.BuildingBlocks.Persistence;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Khcn.BuildingBlocks.Application;

/// <summary>The plumbing every module needs, registered the same way for each.</summary>
public static class ModuleRegistration
{
    public static IServiceCollection AddModuleInfrastructure<TContext>(this IServiceCollection services, IConfiguration configuration,
        string schema, Assembly moduleAssembly) where TContext : ModuleDbContext
    {
        services.AddModuleDbContext<TContext>(configuration, schema);
        services.TryAddSingleton<Files.IFileStore, Files.LocalFileStore>();
        services.TryAddSingleton<Files.IAttachmentTextExtractor, Files.AttachmentTextExtractor>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services.AddModuleApplication(moduleAssembly);
    }

    /// <summary>Validators and Mapster mappings of a module's assembly.</summary>
    public static IServiceCollection AddModuleApplication(this IServiceCollection services, Assembly moduleAssembly)
    {
        services.TryAddScoped<IdempotentRequest>();
        foreach (var type in moduleAssembly.DefinedTypes.Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            // A validator that needs no service is built once: building its rules (expression trees) on every
            // request cost more than running them. Messages stay per request (ADR 0009: resolved when made).
            var lifetime = type.DeclaredConstructors.All(c => c.IsStatic || c.GetParameters().Length == 0)
                ? ServiceLifetime.Singleton : ServiceLifetime.Scoped;
            foreach (var validator in type.ImplementedInterfaces.Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
                services.Add(new ServiceDescriptor(validator, type, lifetime));
        }
        TypeAdapterConfig.GlobalSettings.Scan(moduleAssembly);
        foreach (var seeder in moduleAssembly.DefinedTypes.Where(t => !t.IsAbstract && typeof(IModuleSeeder).IsAssignableFrom(t)))
            services.AddScoped(typeof(IModuleSeeder), seeder);
        return services;
    }
}

/// <summary>Start-up data of a module: the required minimum always, demo data when <c>Seed:Demo</c> is on.</summary>
public interface IModuleSeeder
{
    /// <summary>Lower runs first (Organization's units before the users bound to them).</summary>
    int Order { get; }
    Task SeedAsync(SeedOptions options, CancellationToken ct);
}

public sealed class SeedOptions
{
    public const string Section = "Seed";
    public bool Demo { get; set; }
    /// <summary>First administrator when demo seeding is off (both required then).</summary>
    public string? AdminEmail { get; set; }
    public string? AdminPassword { get; set; }
    public string RootUnitCode { get; set; } = "LDLD";
    public string RootUnitName { get; set; } = "Liên đoàn Lao động tỉnh";
    /// <summary>
    /// With <see cref="Demo"/>: grow the demo into a province-scale dataset for benchmarks (`make seed-scale`):
    /// about <see cref="ScaleUnits"/> units, their enterprises and three years of reports.
    /// </summary>
    public bool Scale { get; set; }
    public int ScaleUnits { get; set; } = 2000;
    public int ScaleEnterprises { get; set; } = 5000;
    /// <summary>With <see cref="Scale"/>: the workers' initiatives spread over the grassroots unions, and the research topics under the province's calls.</summary>
    public int ScaleInitiatives { get; set; } = 20_000;
    public int ScaleTopics { get; set; } = 2_000;
    /// <summary>With <see cref="Scale"/>: the allocations spread over the province's and its upper-level units' budgets of the last three years (about 200,000 ledger entries).</summary>
    public int ScaleAllocations { get; set; } = 12_500;
    /// <summary>With <see cref="Scale"/>: a province-wide emulation movement of last year, its clusters, registrations, closed ranking and top-rank commendations.</summary>
    public bool ScaleEmulation { get; set; } = true;
}

/// <summary>Applies every module's migrations, then runs the seeders in order, as the system.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAndSeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<Security.AccessContext>().UseSystem();
        if (sp.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            foreach (var module in sp.GetServices<ModuleDatabase>())
                await ((DbContext)sp.GetRequiredService(module.ContextType)).Database.MigrateAsync(ct);
        }
        var options = sp.GetRequiredService<IConfiguration>().GetSection(SeedOptions.Section).Get<SeedOptions>() ?? new SeedOptions();
        foreach (var seeder in sp.GetServices<IModuleSeeder>().OrderBy(s => s.Order))
            await seeder.SeedAsync(options, ct);
    }
}
