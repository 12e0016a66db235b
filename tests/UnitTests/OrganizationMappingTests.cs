using Khcn.Organization.Features;
using Mapster;

namespace Khcn.UnitTests;

public sealed class OrganizationMappingTests
{
    /// <summary>Every mapping of the module's one Mapster configuration compiles (a renamed property fails here, not in a request).</summary>
    [Fact]
    public void The_module_mapping_compiles()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = false };
        config.Scan(typeof(OrganizationMapping).Assembly);
        config.RuleMap.Count.ShouldBeGreaterThan(0);
        Should.NotThrow(() => config.Compile());
        Should.NotThrow(() => config.CompileProjection());
    }
}
