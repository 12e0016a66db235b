using System.Reflection;
using FastEndpoints;
using Khcn.BuildingBlocks.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Khcn.ArchitectureTests;

/// <summary>The module boundaries of ADR 0001, checked on the compiled assemblies.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Dictionary<string, Assembly> Modules = new()
    {
        ["Platform"] = typeof(Khcn.Platform.PlatformModule).Assembly,
        ["Organization"] = typeof(Khcn.Organization.OrganizationModule).Assembly,
        ["Training"] = typeof(Khcn.Training.TrainingModule).Assembly,
        ["Participation"] = typeof(Khcn.Participation.ParticipationModule).Assembly,
        ["Finance"] = typeof(Khcn.Finance.FinanceModule).Assembly,
    };

    private static readonly Dictionary<string, Assembly> Contracts = new()
    {
        ["Organization"] = typeof(Khcn.Organization.Contracts.UnitCreated).Assembly,
        ["Training"] = Assembly.Load("Khcn.Training.Contracts"),
        ["Participation"] = Assembly.Load("Khcn.Participation.Contracts"),
        ["Finance"] = Assembly.Load("Khcn.Finance.Contracts"),
    };

    public static TheoryData<string, string> ModulePairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var a in Modules.Keys)
        foreach (var b in Modules.Keys.Where(b => b != a))
            data.Add(a, b);
        return data;
    }

    public static TheoryData<string> ModuleNames() => new(Modules.Keys);

    [Theory]
    [MemberData(nameof(ModulePairs))]
    public void A_module_never_depends_on_another_modules_implementation(string module, string other)
    {
        var result = Types.InAssembly(Modules[module]).ShouldNot().HaveDependencyOnAny(
            $"Khcn.{other}.Domain", $"Khcn.{other}.Data", $"Khcn.{other}.Features", $"Khcn.{other}.Integrations",
            $"Khcn.{other}.Seeding", $"Khcn.{other}.{other}Module").GetResult();
        result.IsSuccessful.ShouldBeTrue($"{module} uses {other} internals: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Contracts_never_depend_on_a_module_implementation(string module)
    {
        foreach (var (name, contracts) in Contracts)
        {
            var result = Types.InAssembly(contracts).ShouldNot().HaveDependencyOnAny(
                $"Khcn.{module}.Domain", $"Khcn.{module}.Data", $"Khcn.{module}.Features", "Khcn.BuildingBlocks.Persistence",
                "Microsoft.EntityFrameworkCore", "FastEndpoints").GetResult();
            result.IsSuccessful.ShouldBeTrue($"{name}.Contracts depends on implementation: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Handlers_endpoints_entities_and_contexts_stay_internal(string module)
    {
        var publicInternals = Modules[module].GetTypes().Where(t => t.IsPublic && (
                typeof(DbContext).IsAssignableFrom(t)
                || typeof(IEndpoint).IsAssignableFrom(t)
                || typeof(Khcn.BuildingBlocks.Domain.Entity).IsAssignableFrom(t)
                || t.GetInterfaces().Any(i => i.IsGenericType && (
                    i.GetGenericTypeDefinition() == typeof(Mediator.ICommandHandler<,>) || i.GetGenericTypeDefinition() == typeof(IQueryHandler<,>)
                    || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>)))))
            .Select(t => t.FullName).ToList();
        publicInternals.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_data_lives_in_the_module_schema(string module)
    {
        var contexts = Modules[module].GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        contexts.ShouldHaveSingleItem($"{module} has exactly one DbContext");
        typeof(IModuleDbContext).IsAssignableFrom(contexts[0]).ShouldBeTrue("module contexts carry audit, outbox and scope");
    }

    [Fact]
    public void Domain_objects_do_not_know_about_http_or_persistence()
    {
        foreach (var (name, assembly) in Modules.Where(m => m.Key != "Platform"))
        {
            var result = Types.InAssembly(assembly).That().ResideInNamespaceEndingWith(".Domain")
                .ShouldNot().HaveDependencyOnAny("FastEndpoints", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore").GetResult();
            result.IsSuccessful.ShouldBeTrue($"{name}: {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }
}
