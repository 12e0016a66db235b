using System.Reflection;
using Khcn.Finance;
using Khcn.Organization;
using Khcn.Participation;
using Khcn.Training;
using Mapster;

namespace Khcn.UnitTests;

/// <summary>
/// ADR 0011: each module has one Mapster configuration (an <see cref="IRegister"/> in Features/&lt;Module&gt;Mapping.cs),
/// scanned at start-up. Every mapping of every module compiles here, so a renamed property fails in the build's
/// tests, not in a user's request.
/// </summary>
public sealed class ModuleMappingTests
{
    public static TheoryData<string> Modules => new() { "Organization", "Training", "Participation", "Finance" };

    private static Assembly AssemblyOf(string module) => module switch
    {
        "Organization" => typeof(OrganizationModule).Assembly,
        "Training" => typeof(TrainingModule).Assembly,
        "Participation" => typeof(ParticipationModule).Assembly,
        "Finance" => typeof(FinanceModule).Assembly,
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };

    [Theory]
    [MemberData(nameof(Modules))]
    public void The_module_mapping_compiles_for_objects_and_query_projections(string module)
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = false };
        config.Scan(AssemblyOf(module));
        Should.NotThrow(() => config.Compile());
        Should.NotThrow(() => config.CompileProjection());
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_has_at_most_one_mapping_configuration(string module)
    {
        var registers = AssemblyOf(module).GetTypes().Where(t => typeof(IRegister).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        registers.Count.ShouldBeLessThanOrEqualTo(1, $"{module}: {string.Join(", ", registers.Select(r => r.Name))}");
        registers.ShouldAllBe(r => r.Name == module + "Mapping" && r.Namespace == $"Khcn.{module}.Features");
    }

    [Fact]
    public void Organization_and_Training_project_their_plain_read_models_with_Mapster()
    {
        foreach (var module in new[] { "Organization", "Training" })
        {
            var config = new TypeAdapterConfig { RequireExplicitMapping = false };
            config.Scan(AssemblyOf(module));
            config.RuleMap.Count.ShouldBeGreaterThan(0, module);
        }
    }
}
